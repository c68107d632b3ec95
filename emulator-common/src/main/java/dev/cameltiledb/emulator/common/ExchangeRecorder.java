package dev.cameltiledb.emulator.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps every exchange an emulator answers, in the service's public form {@code R} (each service decides what a record
 * may show: one leaves credentials out). An exchange is recorded before its answer is sent, so a client never holds an
 * answer whose record is missing.
 */
public final class ExchangeRecorder<R> {

    private final Function<WireExchange, R> form;
    private final List<R> recorded = new ArrayList<>();

    public ExchangeRecorder(Function<WireExchange, R> form) {
        this.form = form;
    }

    void record(WireExchange exchange) {
        R r = form.apply(exchange);
        synchronized (recorded) {
            recorded.add(r);
        }
    }

    /** Every exchange recorded so far, in the order they were answered. */
    public List<R> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
