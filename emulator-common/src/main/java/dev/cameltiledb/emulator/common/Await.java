package dev.cameltiledb.emulator.common;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waiting in tests without deciding anything by the clock: until a condition holds, or until an emulator has answered
 * a number of further requests. To show that nothing more arrives from a polling consumer, wait for more of its polls
 * to reach the emulator (built to record its exchanges) and then assert; never sleep for a fixed time. The timeout
 * only turns a hang into a failure.
 */
public final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Await() {}

    /** Waits until {@code condition} holds; fails naming {@code what} after a minute. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("Interrupted waiting for " + what);
            }
            LockSupport.parkNanos(2_000_000L);
        }
    }

    /** Waits until the emulator has answered {@code more} requests matching {@code which} after this call. */
    public static <R> void requests(RecordsExchanges<R> emulator, Predicate<R> which, int more, String what) {
        long before = count(emulator, which);
        until(() -> count(emulator, which) >= before + more, more + " more requests: " + what);
    }

    /** The requests answered so far that match. */
    public static <R> long count(RecordsExchanges<R> emulator, Predicate<R> which) {
        return emulator.recordedExchanges().stream().filter(which).count();
    }
}
