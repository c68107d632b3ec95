package dev.cameltiledb.arraylake.emulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests for something the emulator or a client makes true (a log answer ended, a request arrived), never
 * for a fixed time; the timeout only turns a hang into a failure. Shared with the client's tests through this module's
 * test jar.
 */
public final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {}

    /** Waits until {@code condition} holds; fails naming {@code what} after 30 s. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(2_000_000L);
        }
    }
}
