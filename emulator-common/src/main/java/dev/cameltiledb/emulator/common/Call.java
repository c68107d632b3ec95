package dev.cameltiledb.emulator.common;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.undertow.server.HttpServerExchange;

/**
 * One request being answered, as every service sees it: method, raw path, headers, query parameters, the path
 * variables of its route, and its body. A body is read whole by the {@link Dispatcher} before the handler's
 * transaction (at most the service's limit), unless the route streams it ({@link Route#streamedBody()}: an upload,
 * which {@link #bodyStream()} hands over). Each service extends it with its own typed readers and its caller.
 */
public class Call {

    /** How much of a streamed body a record keeps: enough to see it, never a whole upload. */
    static final int RECORDED_PREFIX = 64 * 1024;

    private final HttpServerExchange exchange;
    private final boolean recording;
    private Route<?> route;
    private Map<String, String> pathVariables = Map.of();
    /** What was read of the body: all of it, or the first bytes of a streamed one; null while nothing was read. */
    private byte[] body;

    boolean inBodySlot;

    protected Call(HttpServerExchange exchange, boolean recording) {
        this.exchange = exchange;
        this.recording = recording;
    }

    /** The Undertow exchange: for the dispatcher, and a service's own reading of the request (a multipart form). */
    public final HttpServerExchange exchange() {
        return exchange;
    }

    public final String method() {
        return exchange.getRequestMethod().toString();
    }

    /** The path as sent, still percent-encoded, so encoded slashes stay inside their segment. */
    public final String rawPath() {
        String uri = exchange.getRequestURI();
        int scheme = uri.indexOf("://");
        if (scheme >= 0) {
            // an absolute request target (a proxy's form): only its path counts
            int slash = uri.indexOf('/', scheme + 3);
            uri = slash < 0 ? "/" : uri.substring(slash);
        }
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    /** The raw query string, without {@code ?}; empty when there is none. */
    public final String queryString() {
        return exchange.getQueryString();
    }

    public final String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Every query parameter, decoded. */
    public final Map<String, Deque<String>> queryParameters() {
        return exchange.getQueryParameters();
    }

    /** The first value of a query parameter, or null. */
    public final String query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public final List<String> queryAll(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The route the request matched; null before routing (a fault, a 404). */
    public final Route<?> route() {
        return route;
    }

    /** A variable of the route's path template. */
    public final String path(String name) {
        return pathVariables.get(name);
    }

    public final Map<String, String> pathVariables() {
        return pathVariables;
    }

    final void routed(Route<?> matched, Map<String, String> variables) {
        this.route = matched;
        this.pathVariables = variables;
    }

    /** Whether the request has a body not yet read to its end (nothing of it may have been read yet). */
    public final boolean bodyComing() {
        return !exchange.isRequestComplete();
    }

    /** The request body, read whole before the handler ran; empty when there is none. */
    public final byte[] bodyBytes() {
        return body == null ? new byte[0] : body;
    }

    /** What of the body the record keeps: all of a read one, the first bytes of a streamed one; null when none. */
    final byte[] recordedBody() {
        return body == null || body.length == 0 ? null : body;
    }

    /** A body that stopped coming or broke off: the connection is dropped, unanswered. */
    static final class BodyCutShort extends RuntimeException {
        BodyCutShort(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Reads the whole body, at most {@code maxBytes}. Not closed: closing reads what is left, and what is left of a
     * body over the limit is not wanted (the connection is closed after the answer instead).
     */
    final void readBody(int maxBytes, Dialect dialect) {
        byte[] read;
        try {
            read = exchange.getInputStream().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            // the client stopped sending (the read timeout closes the connection) or went away: nobody to answer
            throw new BodyCutShort(e);
        }
        if (read.length > maxBytes) {
            throw dialect.bodyTooLarge(maxBytes);
        }
        body = read;
    }

    /**
     * The raw body of a route that streams it ({@link Route#streamedBody()}), for uploads that go to disk rather than
     * memory; when exchanges are recorded, its first {@value #RECORDED_PREFIX} bytes are kept for the record.
     */
    public final InputStream bodyStream() {
        InputStream in = exchange.getInputStream();
        if (!recording) {
            return in;
        }
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && prefix.size() < RECORDED_PREFIX) {
                    prefix.write(b);
                    body = prefix.toByteArray();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0 && prefix.size() < RECORDED_PREFIX) {
                    prefix.write(buffer, offset, Math.min(n, RECORDED_PREFIX - prefix.size()));
                    body = prefix.toByteArray();
                }
                return n;
            }
        };
    }
}
