package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.cameltiledb.component.cluster.PartitionFence;
import org.apache.camel.spi.StateRepository;

/**
 * The cursors of one activity consumer, one per stream (an array, or a group's contents), loaded from and saved to
 * its state repository. Each stream's entry is {@code <stateKey>|<stream>}, the stream part percent-encoded so that any
 * name is a key every Camel {@code StateRepository} accepts (a {@code FileStateRepository} refuses {@code =} and line
 * breaks), and a key longer than {@value StateKeys#MAX_KEY} characters {@linkplain StateKeys#fit fitted} so that any
 * store holds it. A cursor saved under a long key before keys were fitted is still found there (once, then saved under
 * the fitted key).
 */
final class ActivityCursors {

    private final StreamStates states;
    private final ActivityStart start;
    private final long lateArrivalSeconds;

    private final Map<String, ActivityCursor> loaded = new HashMap<>();

    ActivityCursors(
            StateRepository<String, String> state,
            String stateKey,
            ActivityStart start,
            long lateArrivalSeconds,
            PartitionFence fence) {
        this.states = new StreamStates(state, stateKey, fence);
        this.start = start;
        this.lateArrivalSeconds = lateArrivalSeconds;
    }

    /** The stream's saved cursor, or a new one at the consumer's start for a stream seen for the first time. */
    ActivityCursor get(String stream) {
        return loaded.computeIfAbsent(stream, s -> {
            String saved = saved(s);
            return saved != null
                    ? ActivityCursor.parse(key(s), saved, lateArrivalSeconds)
                    : start.newCursor(lateArrivalSeconds);
        });
    }

    /** Whether the stream has a saved cursor or delivered something in this run. */
    boolean isKnown(String stream) {
        return loaded.containsKey(stream) || saved(stream) != null;
    }

    /** The stream's saved cursor: under its key, else under the whole key an earlier version saved a long one by. */
    private String saved(String stream) {
        String saved = states.get(stream);
        return saved != null ? saved : states.getUnfitted(stream);
    }

    /** Moves the stream past an event whose exchange completed, and saves it when its save rule says so. */
    void completed(String stream, dev.cameltiledb.client.model.ArrayActivityLog event) {
        ActivityCursor cursor = get(stream);
        cursor.advance(event);
        if (cursor.shouldSave()) {
            save(stream, cursor);
        }
    }

    /** Saves every cursor that moved since its last save (at the end of each poll). */
    void saveAll() {
        loaded.forEach((stream, cursor) -> {
            if (cursor.hasUnsavedProgress()) {
                save(stream, cursor);
            }
        });
    }

    /** The streams read in this run, with how far each has delivered (for the dev consoles and JMX). */
    Map<String, Instant> positions() {
        Map<String, Instant> positions = new HashMap<>();
        loaded.forEach((stream, cursor) -> positions.put(stream, cursor.position()));
        return positions;
    }

    /**
     * Moves a stream's cursor to {@code at}, saved at once: it delivers exactly the events at or after it, those it
     * delivered before included. Only a stream this consumer knows (read in this run, or saved) can be moved.
     */
    void reset(String stream, Instant at) {
        if (!isKnown(stream)) {
            throw new IllegalArgumentException("No activity stream '" + stream + "' here; the streams read so far: "
                    + String.join(
                            ", ", loaded.keySet().stream().sorted().limit(10).toList())
                    + (loaded.size() > 10 ? ", ..." : ""));
        }
        ActivityCursor cursor = ActivityCursor.startingAt(at, lateArrivalSeconds);
        loaded.put(stream, cursor);
        save(stream, cursor);
    }

    /** Forgets the in-memory copy of a stream that is gone (its saved cursor stays, should the asset come back). */
    void forget(String stream) {
        ActivityCursor cursor = loaded.get(stream);
        if (cursor != null && !cursor.hasUnsavedProgress()) {
            loaded.remove(stream);
        }
    }

    private void save(String stream, ActivityCursor cursor) {
        states.set(stream, cursor.format());
        cursor.saved();
    }

    private String key(String stream) {
        return states.key(stream);
    }

    /** Where a stream without a saved cursor starts. */
    record ActivityStart(Instant at, boolean beginning, Instant windowStart) {

        ActivityCursor newCursor(long lateArrivalSeconds) {
            return beginning
                    ? ActivityCursor.fromBeginning(windowStart, lateArrivalSeconds)
                    : ActivityCursor.startingAt(at, lateArrivalSeconds);
        }
    }
}
