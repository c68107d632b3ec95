package dev.cameltiledb.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.pool.PoolStats;

/**
 * What one client has done since it was made, and its connection pool now: what the dev consoles and JMX show. The
 * counters are adders, so recording costs a hot path no lock.
 */
public final class ClientStats {

    /**
     * The pool and the counters at one moment: connections {@code leased} (in use), {@code available} (idle),
     * {@code pending} (requests waiting for one) and {@code max}; HTTP {@code attempts} sent, retries included; attempts
     * sent again ({@code retries}); calls cut off by their deadline ({@code deadlineHits}).
     */
    public record Snapshot(
            int leased, int available, int pending, int max, long attempts, long retries, long deadlineHits) {

        /** The fields by the names the dev consoles show ({@code attempts} as {@code requests}). */
        public Map<String, Object> toMap() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("leased", leased);
            fields.put("available", available);
            fields.put("pending", pending);
            fields.put("max", max);
            fields.put("requests", attempts);
            fields.put("retries", retries);
            fields.put("deadlineHits", deadlineHits);
            return fields;
        }
    }

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
