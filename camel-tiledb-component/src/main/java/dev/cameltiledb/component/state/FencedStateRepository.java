package dev.cameltiledb.component.state;

import org.apache.camel.spi.StateRepository;

/**
 * A state repository that can fence off a stale writer: whoever takes over a piece of work (a partition of a consumer)
 * acquires a new epoch for it, and from then on a save made under an older epoch is refused. A leader that was paused
 * past its cluster session (and so lost its leadership without noticing) cannot move a cursor its successor owns.
 */
public interface FencedStateRepository extends StateRepository<String, String> {

    /**
     * Atomically raises the epoch kept under {@code fenceKey} and returns the new value; every earlier epoch of that key
     * is fenced from then on. Creates the entry at epoch 1 when there is none.
     */
    long acquireFence(String fenceKey);

    /** The epoch kept under {@code fenceKey} now, 0 when none was ever acquired. */
    long currentFence(String fenceKey);

    /**
     * Saves {@code value} under {@code key} only while {@code epoch} is still the current epoch of {@code fenceKey},
     * checked and written atomically (a concurrent {@link #acquireFence} either happens before the whole save, which
     * then fails, or after it).
     *
     * @throws StateFencedException when a newer epoch was acquired; nothing was written
     * @throws StateStoreException  when the store cannot be reached; nothing was written, unless the connection
     *                              broke while the commit was under way
     */
    void setState(String key, String value, String fenceKey, long epoch);
}
