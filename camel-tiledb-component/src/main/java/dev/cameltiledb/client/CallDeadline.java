package dev.cameltiledb.client;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * The deadline of one call: when it passes, the attempt in flight is cancelled, which closes its connection. Socket
 * timeouts count silence, so a server sending one byte a second never trips them; this bounds the whole call.
 */
final class CallDeadline implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tiledb-call-deadline");
        t.setDaemon(true);
        return t;
    });

    private final long timeoutMillis;
    private final ScheduledFuture<?> expiry;
    private volatile HttpUriRequestBase current;
    private volatile boolean expired;

    private CallDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.expiry = TIMER.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    static CallDeadline start(long timeoutMillis) {
        return new CallDeadline(timeoutMillis);
    }

    private void expire() {
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
        return new TileDBConnectionException(method + " " + path + " did not complete within callTimeout (" + timeoutMillis
                                             + " ms); it was cancelled", cause);
    }

    @Override
    public void close() {
        expiry.cancel(false);
    }
}
