package dev.cameltiledb.rest;

import java.util.concurrent.atomic.LongAdder;

import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.pool.PoolStats;

/**
 * What one client has done since it was made, and its connection pool now: what the dev consoles and JMX show. The
 * counters are adders, so recording costs a hot path no lock.
 */
public final class ClientStats {

    /** The pool and the counters at one moment; {@code max} 0 when the pool is not one HttpClient pools itself. */
    public record Snapshot(
            int leased, int available, int pending, int max, long attempts, long retries, long deadlineHits) {}

    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder deadlineHits = new LongAdder();
    private volatile ConnPoolControl<?> pool;

    /** The pool whose connections the snapshot counts: the one the client was built on. */
    void watch(Object connectionManager) {
        pool = connectionManager instanceof ConnPoolControl<?> control ? control : null;
    }

    /** An HTTP attempt was sent (answered or not). */
    public void attempted() {
        attempts.increment();
    }

    /** An attempt is being sent again after its answer or its failure. */
    public void retried() {
        retries.increment();
    }

    /** A call was cut off by its deadline ({@link CallDeadline}). */
    void deadlineHit() {
        deadlineHits.increment();
    }

    /** The requests sent so far: the difference between two readings is what happened in between. */
    public long attempts() {
        return attempts.sum();
    }

    public Snapshot snapshot() {
        ConnPoolControl<?> control = pool;
        PoolStats total = control == null ? null : control.getTotalStats();
        return new Snapshot(
                total == null ? 0 : total.getLeased(),
                total == null ? 0 : total.getAvailable(),
                total == null ? 0 : total.getPending(),
                total == null ? 0 : total.getMax(),
                attempts.sum(),
                retries.sum(),
                deadlineHits.sum());
    }
}
