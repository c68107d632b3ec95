package dev.cameltiledb.emulator.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every request as it arrives, before it is handled, in the service's own form {@code L} (what a test may see of it:
 * no credentials). A test's hook sees each one first, on the worker thread, outside any transaction, so it may change
 * state the request then sees. When {@code keep} is set the lines are kept too, in arrival order, and a test that waits
 * for a poller to call waits on their count (woken by each new request) rather than sleeping.
 */
public final class RequestLog<L> {

    private final boolean keep;
    private final List<L> lines = new ArrayList<>();
    private volatile Consumer<L> hook;

    public RequestLog(boolean keep) {
        this.keep = keep;
    }

    /** Calls {@code hook} with every request before the emulator handles it; null removes it. */
    public void onRequest(Consumer<L> hook) {
        this.hook = hook;
    }

    /** A request arrived: the hook sees it, then it is kept when lines are kept. */
    public void add(L line) {
        Consumer<L> h = hook;
        if (h != null) {
            h.accept(line);
        }
        if (keep) {
            synchronized (this) {
                lines.add(line);
                notifyAll();
            }
        }
    }

    public synchronized List<L> lines() {
        return List.copyOf(lines);
    }

    public synchronized void clear() {
        lines.clear();
    }

    /** Blocks until at least {@code count} requests were seen or the timeout passed; answers whether they were. */
    public synchronized boolean awaitCount(int count, Duration timeout) throws InterruptedException {
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
