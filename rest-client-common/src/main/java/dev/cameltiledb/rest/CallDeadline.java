package dev.cameltiledb.rest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * The deadline of one call: when it passes, the attempt in flight is cancelled, which closes its connection. Socket
 * timeouts count silence, so a server sending one byte a second never trips them; this bounds the whole call, its
 * headers and its body. Once a call retries, its deadline can be brought forward to the end of its retry budget
 * ({@link #limitTo}), so the budget covers the retried attempts too, not only the waits before them.
 * <p>
 * A call only registers itself in a set (a scheduled task per call would cost a lock on a shared queue at tens of
 * thousands of calls a second); one daemon thread looks for expired calls every {@value #SWEEP_MILLIS} ms, so a
 * deadline is kept to within that much.
 */
public final class CallDeadline implements AutoCloseable {

    public static final long SWEEP_MILLIS = 100;
    private static final Set<CallDeadline> ACTIVE = ConcurrentHashMap.newKeySet();

    static {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rest-call-deadline");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(CallDeadline::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private volatile long deadlineNanos;
    /**
     * The option whose bound is in force, and its value: what an expired call's message names (set and read by the
     * calling thread; the watchdog reads only the deadline).
     */
    private String option;

    private long boundMillis;

    private volatile HttpUriRequestBase current;
    private volatile boolean expired;
    /** Where a deadline that passes is counted; null for none. */
    private final ClientStats stats;

    private CallDeadline(long timeoutMillis, String option, ClientStats stats) {
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.option = option;
        this.boundMillis = timeoutMillis; // text only when a call expires: most never do
        this.stats = stats;
    }

    /** Starts the clock of a call that may take {@code timeoutMillis}, the value of the option {@code option}. */
    public static CallDeadline start(long timeoutMillis, String option) {
        return start(timeoutMillis, option, null);
    }

    /** As {@link #start(long, String)}, counting the call in {@code stats} should its deadline pass. */
    public static CallDeadline start(long timeoutMillis, String option, ClientStats stats) {
        CallDeadline deadline = new CallDeadline(timeoutMillis, option, stats);
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
        if (!ACTIVE.remove(this)) {
            return; // closed meanwhile: the call completed in time
        }
        expired = true;
        if (stats != null) {
            stats.deadlineHit();
        }
        HttpUriRequestBase attempt = current;
        if (attempt != null) {
            attempt.cancel();
        }
    }

    /** The attempt about to be sent: the one the deadline cancels. */
    public void guard(HttpUriRequestBase attempt) {
        current = attempt;
        if (expired) {
            attempt.cancel();
        }
    }

    /**
     * Brings the deadline forward to {@code remainingMillis} from now when that comes sooner: a retry may only take
     * what is left of the retry budget ({@code option}, {@code budgetMillis} in all).
     */
    public void limitTo(long remainingMillis, long budgetMillis, String option) {
        long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, remainingMillis));
        if (at - deadlineNanos < 0) {
            this.option = option;
            boundMillis = budgetMillis;
            deadlineNanos = at;
        }
    }

    public boolean expired() {
        return expired;
    }

    /** The message of a call cut off by its deadline, naming the option that set it. */
    public String describe(String method, String path) {
        return method + " " + path + " did not complete within " + option + " (" + boundMillis
                + " ms); it was cancelled";
    }

    @Override
    public void close() {
        ACTIVE.remove(this);
    }
}
