package dev.cameltiledb.component.consumer;

import dev.cameltiledb.component.cluster.PartitionFence;
import org.apache.camel.spi.StateRepository;

/**
 * Where a consumer keeps one value per stream (an array, or a group's contents): under {@code <stateKey>|<stream>},
 * the stream part {@linkplain StateKeys#encode percent-encoded} and the key {@linkplain StateKeys#fit fitted}, so any
 * name is a key every Camel {@code StateRepository} holds. When the store fences, every save is made under the
 * consumer's fence epoch, so a node that lost its partition cannot overwrite what the next one saved. The activity
 * consumer's cursors and the cells consumer's cursor share this, so both live side by side in one store.
 */
final class StreamStates {

    private final StateRepository<String, String> state;
    private final String stateKey;
    /** Set when the state repository fences: every save is then made under this consumer's epoch. */
    private final PartitionFence fence;

    StreamStates(StateRepository<String, String> state, String stateKey, PartitionFence fence) {
        this.state = state;
        this.stateKey = stateKey;
        this.fence = fence;
    }

    /** The stream's saved value, or null. */
    String get(String stream) {
        return state.getState(key(stream));
    }

    /** The value saved under the stream's whole key, as a version that did not fit keys wrote it; null if none. */
    String getUnfitted(String stream) {
        String whole = wholeKey(stream);
        if (whole.equals(key(stream))) {
            return null;
        }
        try {
            return state.getState(whole);
        } catch (IllegalArgumentException tooLong) {
            return null; // a store that cannot hold the whole key never saved a value under it
        }
    }

    /** Saves the stream's value (under the fence when there is one: a {@code StateFencedException} if taken over). */
    void set(String stream, String value) {
        if (fence != null) {
            fence.save(key(stream), value);
        } else {
            state.setState(key(stream), value);
        }
    }

    /** The key the stream's value is saved under. */
    String key(String stream) {
        return StateKeys.fit(wholeKey(stream));
    }

    private String wholeKey(String stream) {
        return stateKey + "|" + StateKeys.encode(stream);
    }
}
