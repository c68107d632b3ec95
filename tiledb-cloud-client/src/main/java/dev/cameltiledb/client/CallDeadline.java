package dev.cameltiledb.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * The deadline of one call: when it passes, the attempt in flight is cancelled, which closes its connection. Socket
 * timeouts count silence, so a server sending one byte a second never trips them; this bounds the whole call.
 * <p>
 * A call only registers itself in a set (a scheduled task per call would cost a lock on a shared queue at tens of
 * thousands of calls a second); one daemon thread looks for expired calls every {@value #SWEEP_MILLIS} ms, so a
 * deadline is kept to within that much.
 */
final class CallDeadline implements AutoCloseable {

    static final long SWEEP_MILLIS = 100;
    private static final Set<CallDeadline> ACTIVE = ConcurrentHashMap.newKeySet();

    static {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tiledb-call-deadline");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(CallDeadline::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private final long timeoutMillis;
    private final long deadlineNanos;
    private volatile HttpUriRequestBase current;
    private volatile boolean expired;

    private CallDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    static CallDeadline start(long timeoutMillis) {
        CallDeadline deadline = new CallDeadline(timeoutMillis);
        ACTIVE.add(deadline);
        return deadline;
    }

    private static void sweep() {
        long now = System.nanoTime();
        for (CallDeadline deadline : ACTIVE) {
            if (now - deadline.deadlineNanos >= 0) {
                deadline.expire();
            }
        }
    }

    private void expire() {
        ACTIVE.remove(this);
        expired = true;
        HttpUriRequestBase attempt = current;
        if (attempt != null) {
            attempt.cancel();
        }
    }

    /** The attempt about to be sent: the one the deadline cancels. */
    void guard(HttpUriRequestBase attempt) {
        current = attempt;
        if (expired) {
            attempt.cancel();
        }
    }

    boolean expired() {
        return expired;
    }

    TileDBConnectionException error(String method, String path, Exception cause) {
        return new TileDBConnectionException(
                method + " " + path + " did not complete within callTimeout (" + timeoutMillis
                        + " ms); it was cancelled",
                cause);
    }

    @Override
    public void close() {
        ACTIVE.remove(this);
    }
}
