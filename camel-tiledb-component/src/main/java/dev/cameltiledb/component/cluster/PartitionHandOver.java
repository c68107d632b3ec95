package dev.cameltiledb.component.cluster;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.camel.util.function.ThrowingRunnable;

/**
 * How a node gives one partition to another without delivering anything twice: between two polls, never in the middle
 * of one.
 * <p>
 * Leaving a partition's election ends this node's leadership at once, and the next leader may take the partition over
 * (a new fence epoch, the cursors read afresh) a poll delay later. A poll under way at that moment still delivers the
 * exchange in flight and then saves what it delivered, under a fence epoch that is no longer current: the save is
 * refused and the next leader delivers those events again. So a partition's consumer polls while holding this lock,
 * and a hand-over takes it, lets the consumer save and let go, leaves, and releases the lock only once this node no
 * longer leads: the next leader reads cursors that hold everything delivered here.
 */
public final class PartitionHandOver {

    /** What a partition's consumer does before its node leaves the partition. */
    public interface Releasable {
        /** Saves the progress delivered so far and lets the partition go; called between two polls. */
        void release();
    }

    /** How often a hand-over asks whether this node still leads, after leaving. */
    private static final long LOSS_CHECK_MILLIS = 5;

    // fair: a hand-over waiting for the poll under way goes before the next poll (a consumer with a backlog polls again
    // at once)
    private final ReentrantLock polling = new ReentrantLock(true);
    private final AtomicReference<Releasable> consumer = new AtomicReference<>();

    /** The consumer now running the partition (master: starts a new one each time this node leads again). */
    public void register(Releasable running) {
        consumer.set(running);
    }

    public void unregister(Releasable stopped) {
        consumer.compareAndSet(stopped, null);
    }

    /** Runs one poll; a hand-over waits for it to end. */
    public <T> T poll(Callable<T> poll) throws Exception {
        polling.lock();
        try {
            return poll.call();
        } finally {
            polling.unlock();
        }
    }

    /**
     * Gives the partition away: once the poll under way (if any) ended, the running consumer saves and lets go, then
     * {@code leave} ends this node's part in the election, and this waits until {@code leads} turns false.
     *
     * @param  waitMillis how long to wait for the poll under way, and then for the end of the leadership
     * @return            false when the poll under way did not end in time: nothing was done, try again later
     * @throws Exception  what the save or {@code leave} threw: the partition stays here
     */
    public boolean handOver(long waitMillis, ThrowingRunnable<Exception> leave, BooleanSupplier leads)
            throws Exception {
        if (!polling.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            Releasable running = consumer.get();
            if (running != null) {
                running.release();
            }
            leave.run();
            // a cluster service may end the leadership a moment after leave returned (ZooKeeper's leader thread stops
            // on its own); a poll before that would find this node leading and take the partition up again
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (leads.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(LOSS_CHECK_MILLIS);
            }
            return true;
        } finally {
            polling.unlock();
        }
    }
}
