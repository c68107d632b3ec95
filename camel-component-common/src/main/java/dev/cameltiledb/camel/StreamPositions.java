package dev.cameltiledb.camel;

import java.time.Instant;
import java.util.List;

/**
 * Where a consumer's streams stand, as the consumer itself knows it: what the dev consoles and JMX show beside what
 * {@link StatefulBatchConsumer} records of its polls.
 *
 * @param kind           what the consumer follows: {@code activity}, {@code change feed}, {@code cells}, {@code tasks}
 * @param streams        how many streams it holds a cursor for (arrays, groups, one listing)
 * @param oldest         the cursor furthest behind, null when there is none yet or the cursors are not instants
 * @param newest         the cursor furthest ahead
 * @param backlog        events read and not yet delivered
 * @param furthestBehind the names of the streams furthest behind, up to {@value #SHOWN}: what {@code resetCursor} takes
 * @param partitionsHeld what this node leads: {@code all}, {@code 2/6} of a split, nothing while another node leads
 * @param fenceEpoch     the epoch its saves are fenced with, null when the state store does not fence
 */
public record StreamPositions(
        String kind,
        int streams,
        Instant oldest,
        Instant newest,
        int backlog,
        List<String> furthestBehind,
        List<String> partitionsHeld,
        Long fenceEpoch) {

    /** How many stream names a consumer shows. */
    public static final int SHOWN = 5;

    public StreamPositions {
        furthestBehind = List.copyOf(furthestBehind);
        partitionsHeld = List.copyOf(partitionsHeld);
    }

    /** A consumer that holds nothing yet (not started, or not leading). */
    public static StreamPositions none(String kind) {
        return new StreamPositions(kind, 0, null, null, 0, List.of(), List.of(), null);
    }
}
