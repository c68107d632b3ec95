package dev.cameltiledb.emulator.common;

import java.util.concurrent.Semaphore;

/**
 * Permits for request bodies streaming in: a slow sender holds a worker thread for as long as it takes, so only so many
 * may at once, and the rest of the workers always serve everything else. Without a free slot a request is answered at
 * once (a 503) and its connection closed, its body never read.
 */
public final class BodySlots {

    private final int capacity;
    private final Semaphore free;

    public BodySlots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("at least one body slot is needed, was " + capacity);
        }
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    boolean tryTake() {
        return free.tryAcquire();
    }

    void release() {
        free.release();
    }

    public int capacity() {
        return capacity;
    }

    /** Bodies streaming in right now. */
    public int inUse() {
        return capacity - free.availablePermits();
    }
}
