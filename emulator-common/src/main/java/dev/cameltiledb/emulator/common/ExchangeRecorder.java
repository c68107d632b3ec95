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
 */
public final class ExchangeRecorder<R> {

    /**
     * One of the latest exchanges: its number in the run (from 1), when it was answered, and the line a list shows
     * (method, path without the query, status) beside the record itself.
     */
    public record Recorded<R>(long number, Instant at, String method, String path, int status, R exchange) {}

    private final Function<WireExchange, R> form;
    private final Clock clock;
    private final boolean keepAll;
    private final int window;
    private final List<R> recorded = new ArrayList<>();
    private final Deque<Recorded<R>> latest = new ArrayDeque<>();
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
                if (latest.size() > window) {
                    latest.removeFirst();
                }
            }
        }
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
