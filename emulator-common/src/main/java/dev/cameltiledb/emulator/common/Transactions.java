package dev.cameltiledb.emulator.common;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one write path of an emulator's state: every request runs in a transaction, one at a time (requests are short,
 * so a single lock is simpler than finer ones and still far from the bottleneck). A read transaction only holds the
 * lock. A write transaction also tells the {@link Journal} where it begins and ends: the journal forgets what the last
 * one touched, and at the end saves what this one touched, before the lock is released and long before the answer
 * is sent. It saves at the end even when the transaction failed, so that what is kept always matches what is held in
 * memory. A transaction inside another runs as part of it; a write inside a read is a bug, refused.
 */
public final class Transactions {

    /** What a store does at the edges of a write transaction. */
    public interface Journal {

        /** A write transaction begins: nothing is touched yet. */
        void begin();

        /** A write transaction ends: save what it touched (and nothing else). */
        void commit();
    }

    /** For a state that is kept in memory only. */
    public static final Journal IN_MEMORY = new Journal() {
        @Override
        public void begin() {}

        @Override
        public void commit() {}
    };

    private final Journal journal;
    private final ReentrantLock lock = new ReentrantLock();
    /** Under the lock: whether the outermost transaction writes. */
    private boolean writing;
    /** Under the lock: write transactions begun so far; what was computed since the last one is still true. */
    private long writes;

    public Transactions(Journal journal) {
        this.journal = journal;
    }

    /** Runs {@code action} holding the state; it may read only. */
    public <T> T read(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void read(Runnable action) {
        read(() -> {
            action.run();
            return null;
        });
    }

    /** Runs {@code action} holding the state, and saves what it touched before returning. */
    public <T> T write(Supplier<T> action) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                if (!writing) {
                    throw new IllegalStateException("a write inside a read transaction: declare the route as writing");
                }
                return action.get();
            }
            writing = true;
            writes++;
            journal.begin();
            T result;
            try {
                result = action.get();
            } catch (RuntimeException | Error e) {
                try {
                    journal.commit();
                } catch (RuntimeException saving) {
                    e.addSuppressed(saving);
                }
                throw e;
            }
            journal.commit();
            return result;
        } finally {
            if (lock.getHoldCount() == 1) {
                writing = false;
            }
            lock.unlock();
        }
    }

    public void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Fails unless the calling thread is in a write transaction: every change to the state calls it, so a route that
     * changes what it declared it only reads fails loudly instead of losing the change.
     */
    public void requireWriting(String change) {
        if (!lock.isHeldByCurrentThread() || !writing) {
            throw new IllegalStateException(change + " outside a write transaction: declare the route as writing");
        }
    }

    /** Whether the calling thread is in a write transaction. */
    public boolean inWrite() {
        return lock.isHeldByCurrentThread() && writing;
    }

    /** How many write transactions have begun: a result computed when this was {@code n} is true while it still is. */
    public long writes() {
        lock.lock();
        try {
            return writes;
        } finally {
            lock.unlock();
        }
    }
}
