package dev.cameltiledb.emulator.common;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps the exchanges an emulator answers, in the service's public form {@code R} (each service decides what a record
 * may show: one leaves credentials out): every one of them when a test asked for them ({@code keepAll}), and the
 * latest {@code window} of them, numbered and timed, for the emulator page. An exchange is recorded before its answer
 * is sent, so a client never holds an answer whose record is missing.
 * <p>
 * The window also holds their bodies (the page judges them against the spec when asked), so it is bounded in bytes
 * too: the oldest go once the bodies pass {@link #WINDOW_BYTES} together (the newest stays, whatever its size). Two
 * hundred notebook uploads of 16 MiB would otherwise hold 3 GiB.
 */
public final class ExchangeRecorder<R> {

    /**
     * One of the latest exchanges: its number in the run (from 1), when it was answered, and the line a list shows
     * (method, path without the query, status) beside the record itself.
     */
    public record Recorded<R>(long number, Instant at, String method, String path, int status, R exchange) {}

    /** What the window's bodies may hold together. */
    public static final long WINDOW_BYTES = 64L * 1024 * 1024;

    private final Function<WireExchange, R> form;
    private final Clock clock;
    private final boolean keepAll;
    private final int window;
    private final List<R> recorded = new ArrayList<>();
    private final Deque<Recorded<R>> latest = new ArrayDeque<>();
    /** The body bytes of each exchange in {@link #latest}, in the same order. */
    private final Deque<Long> latestBytes = new ArrayDeque<>();

    private long windowBytes;
    private long count;

    /** Keeps every exchange (a test's recording), and no window. */
    public ExchangeRecorder(Function<WireExchange, R> form) {
        this(form, Clock.systemUTC(), true, 0);
    }

    /** Keeps every exchange when {@code keepAll}, and the latest {@code window} (0: none) with their time by {@code clock}. */
    public ExchangeRecorder(Function<WireExchange, R> form, Clock clock, boolean keepAll, int window) {
        if (window < 0) {
            throw new IllegalArgumentException("the window of latest exchanges must not be negative, was " + window);
        }
        this.form = form;
        this.clock = clock;
        this.keepAll = keepAll;
        this.window = window;
    }

    /** Whether anything is kept at all: when not, the emulator records nothing (and reads no body to record it). */
    public boolean active() {
        return keepAll || window > 0;
    }

    void record(WireExchange exchange) {
        R r = form.apply(exchange);
        synchronized (recorded) {
            if (keepAll) {
                recorded.add(r);
            }
            if (window > 0) {
                latest.addLast(new Recorded<>(
                        ++count, clock.instant(), exchange.method(), exchange.rawPath(), exchange.status(), r));
                long bytes = length(exchange.requestBody()) + length(exchange.responseBody());
                latestBytes.addLast(bytes);
                windowBytes += bytes;
                while (latest.size() > window || (windowBytes > WINDOW_BYTES && latest.size() > 1)) {
                    latest.removeFirst();
                    windowBytes -= latestBytes.removeFirst();
                }
            }
        }
    }

    private static long length(byte[] body) {
        return body == null ? 0 : body.length;
    }

    /** Every exchange recorded so far, in the order they were answered; none unless every one is kept. */
    public List<R> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The latest exchanges (at most the window's size), newest first. */
    public List<Recorded<R>> latest() {
        synchronized (recorded) {
            List<Recorded<R>> newestFirst = new ArrayList<>(latest);
            java.util.Collections.reverse(newestFirst);
            return newestFirst;
        }
    }
}
