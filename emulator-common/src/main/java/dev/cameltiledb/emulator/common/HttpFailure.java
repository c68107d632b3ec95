package dev.cameltiledb.emulator.common;

import java.util.Map;

/**
 * Ends a request with an error status: handlers and the framework throw it, and the service's {@link Dialect} turns it
 * into the answer in the service's own error shape, so no handler writes an error by hand. {@code headers} go out with
 * that answer ({@code Allow} of a 405, {@code Retry-After}, {@code WWW-Authenticate}).
 */
public class HttpFailure extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public HttpFailure(int status, String message) {
        this(status, message, Map.of());
    }

    public HttpFailure(int status, String message, Map<String, String> headers) {
        // no stack trace: a failure is an answer, not a bug, and requests that fail on purpose are many
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public final int status() {
        return status;
    }

    public final Map<String, String> headers() {
        return headers;
    }
}
