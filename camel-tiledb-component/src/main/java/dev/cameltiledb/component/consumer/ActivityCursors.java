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

    private final StateRepository<String, String> state;
    private final String stateKey;
    private final ActivityStart start;
    private final long lateArrivalSeconds;
    /** Set when the state repository fences: every save is then made under this consumer's epoch. */
    private final PartitionFence fence;

    private final Map<String, ActivityCursor> loaded = new HashMap<>();

    ActivityCursors(
            StateRepository<String, String> state,
            String stateKey,
            ActivityStart start,
            long lateArrivalSeconds,
            PartitionFence fence) {
        this.state = state;
        this.stateKey = stateKey;
        this.start = start;
        this.lateArrivalSeconds = lateArrivalSeconds;
        this.fence = fence;
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
        String key = key(stream);
        String saved = state.getState(key);
        String whole = wholeKey(stream);
        if (saved != null || whole.equals(key)) {
            return saved;
        }
        try {
            return state.getState(whole);
        } catch (IllegalArgumentException tooLong) {
            return null; // a store that cannot hold the whole key never saved a cursor under it
        }
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

    /** Forgets the in-memory copy of a stream that is gone (its saved cursor stays, should the asset come back). */
    void forget(String stream) {
        ActivityCursor cursor = loaded.get(stream);
        if (cursor != null && !cursor.hasUnsavedProgress()) {
            loaded.remove(stream);
        }
    }

    private void save(String stream, ActivityCursor cursor) {
        if (fence != null) {
            fence.save(key(stream), cursor.format());
        } else {
            state.setState(key(stream), cursor.format());
        }
        cursor.saved();
    }

    private String key(String stream) {
        return StateKeys.fit(wholeKey(stream));
    }

    private String wholeKey(String stream) {
        return stateKey + "|" + StateKeys.encode(stream);
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
