package dev.cameltiledb.component.cluster;

import dev.cameltiledb.component.state.FencedStateRepository;
import dev.cameltiledb.component.state.StateFencedException;

/**
 * The fence of one consumer's partition in a {@link FencedStateRepository}: the epoch this consumer acquired when it
 * started (so a predecessor's later saves are refused), every cursor save made under it, and a check of it before
 * delivering once {@code checkInterval} has passed since the store last confirmed it.
 * <p>
 * Why the interval check is enough: a node that lost its cluster session without noticing was unable to run for
 * longer than the session timeout (paused, or cut off). If the check interval is shorter than that timeout, the first
 * delivery after such a gap always checks first, and finds the successor's epoch: only the one exchange already in
 * flight when the node stopped can reach the route twice.
 */
public final class PartitionFence {

    private final FencedStateRepository store;
    private final String fenceKey;
    private final long epoch;
    private final long checkIntervalNanos;
    private long confirmedAt;

    private PartitionFence(FencedStateRepository store, String fenceKey, long epoch, long checkIntervalMillis) {
        this.store = store;
        this.fenceKey = fenceKey;
        this.epoch = epoch;
        this.checkIntervalNanos = checkIntervalMillis * 1_000_000L;
        this.confirmedAt = System.nanoTime();
    }

    /** Takes the partition over: every earlier owner's saves are refused from now on. */
    public static PartitionFence acquire(FencedStateRepository store, String fenceKey, long checkIntervalMillis) {
        return new PartitionFence(store, fenceKey, store.acquireFence(fenceKey), checkIntervalMillis);
    }

    /** Saves under this fence; throws {@link StateFencedException} when another consumer took the partition over. */
    public void save(String key, String value) {
        store.setState(key, value, fenceKey, epoch);
        confirmedAt = System.nanoTime();
    }

    /** Before a delivery: asks the store again when the last confirmation is older than the check interval. */
    public void verify() {
        if (System.nanoTime() - confirmedAt < checkIntervalNanos) {
            return;
        }
        long current = store.currentFence(fenceKey);
        if (current != epoch) {
            throw new StateFencedException(
                    "Another consumer took over '" + fenceKey + "' (epoch " + current + ", this consumer holds " + epoch
                            + "); this one delivers nothing more until it is started again",
                    epoch,
                    current);
        }
        confirmedAt = System.nanoTime();
    }

    public long epoch() {
        return epoch;
    }
}
