package dev.cameltiledb.arraylake.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request seen, in arrival order. A test that waits for a poller to call waits on this log's size (woken by
 * each new request) rather than sleeping.
 */
final class RequestLog {

    private final List<RequestLine> lines = new ArrayList<>();

    synchronized void add(RequestLine line) {
        lines.add(line);
        notifyAll();
    }

    synchronized List<RequestLine> snapshot() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
    }

    /** Blocks until at least {@code count} requests were seen or the timeout passed; answers whether they were. */
    synchronized boolean awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
