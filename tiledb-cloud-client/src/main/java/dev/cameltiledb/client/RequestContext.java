package dev.cameltiledb.client;

import java.util.Map;

/**
 * What the caller adds to the calls it makes on the current thread until the returned scope is closed: a
 * {@link RequestListener} told of each HTTP attempt, and extra headers sent with each request (trace propagation:
 * {@code traceparent}, {@code tracestate}). Scoped to one call on one thread, never shared: pages of a lazy listing
 * fetched after the scope closed are sent without it. The extra headers never replace the client's own
 * (authentication, {@code Accept}, a call's headers).
 *
 * <pre>{@code
 * try (RequestContext.Scope scope = RequestContext.open(listener, Map.of("traceparent", traceparent))) {
 *     client.arrays().list(query);
 * }
 * }</pre>
 */
public final class RequestContext {

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final RequestListener listener;
    private final Map<String, String> headers;

    private RequestContext(RequestListener listener, Map<String, String> headers) {
        this.listener = listener;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A scope closed by try-with-resources; closing restores what was in force before it was opened. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Opens a scope; {@code listener} and {@code headers} may be null. */
    public static Scope open(RequestListener listener, Map<String, String> headers) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(new RequestContext(listener, headers));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    static RequestContext current() {
        return CURRENT.get();
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Tells the listener, if any; its failure never fails the call. */
    void attemptFinished(String method, int attempt, int status, boolean retrying, long durationNanos) {
        if (listener != null) {
            try {
                listener.attemptFinished(
                        new RequestListener.RequestAttempt(method, attempt, status, retrying, durationNanos));
            } catch (RuntimeException ignored) {
                // metrics must not break a call
            }
        }
    }
}
