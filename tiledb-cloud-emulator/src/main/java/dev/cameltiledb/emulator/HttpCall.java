package dev.cameltiledb.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * One request being answered: its path variables, typed query parameters, headers and JSON body in, a JSON or
 * empty answer out. Parameter errors become 400 answers that name the parameter.
 */
final class HttpCall {

    private static final int MAX_RECORDED_BODY = 1024 * 1024;
    /** How much of a streamed (non-JSON) body a record keeps: enough to see it, never a whole upload. */
    private static final int RECORDED_PREFIX = 64 * 1024;

    private final HttpServerExchange exchange;
    private final ObjectMapper mapper;
    /** Receives the exchange just before the answer is written, so a client never sees an answer before its record. */
    private final Consumer<RecordedExchange> recorder;

    private Map<String, String> pathVariables = Map.of();
    private byte[] requestBody;
    private byte[] responseBody;
    private User user;

    HttpCall(HttpServerExchange exchange, ObjectMapper mapper, Consumer<RecordedExchange> recorder) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.recorder = recorder;
    }

    String method() {
        return exchange.getRequestMethod().toString();
    }

    /** The path as sent, still percent-encoded, so encoded slashes stay inside their segment. */
    String rawPath() {
        String uri = exchange.getRequestURI();
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    void pathVariables(Map<String, String> variables) {
        this.pathVariables = variables;
    }

    String path(String name) {
        return pathVariables.get(name);
    }

    User user() {
        return user;
    }

    void user(User user) {
        this.user = user;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Sets a header of the answer, before it is sent. */
    void responseHeader(String name, String value) {
        exchange.getResponseHeaders().put(HttpString.tryFromString(name), value);
    }

    String query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Who asks what, with every query parameter but {@code except}: two calls with the same answer have the same key. */
    String questionWithout(String except) {
        StringBuilder key = new StringBuilder(user == null ? "" : user.username())
                .append(' ')
                .append(rawPath());
        new TreeMap<>(exchange.getQueryParameters()).forEach((name, values) -> {
            if (!name.equals(except)) {
                key.append('&').append(name).append('=').append(values);
            }
        });
        return key.toString();
    }

    List<String> queryAll(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    Integer queryInt(String name) {
        Long value = queryLong(name);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw ApiFailure.badRequest(
                    "query parameter " + name + " must be at most " + Integer.MAX_VALUE + ", was " + value);
        }
        return value == null ? null : value.intValue();
    }

    Long queryLong(String name) {
        String value = query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiFailure.badRequest("query parameter " + name + " must be an integer, was '" + value + "'");
        }
    }

    /** Accepts {@code true} and the Python client's {@code True}. */
    Boolean queryBoolean(String name) {
        String value = query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw ApiFailure.badRequest("query parameter " + name + " must be true or false, was '" + value + "'");
        };
    }

    /** JSON bodies are read whole; notebook uploads stream to disk and are not limited by this. */
    static final int MAX_JSON_BODY_BYTES = 16 * 1024 * 1024;

    /** Reads the whole JSON body as {@code type}; a missing or malformed body is a 400, one over 16 MiB a 413. */
    <T> T body(Class<T> type) {
        byte[] bytes = bodyBytes();
        if (bytes.length == 0) {
            throw ApiFailure.badRequest("request body is required");
        }
        try {
            return mapper.readValue(bytes, type);
        } catch (JacksonException e) {
            throw ApiFailure.badRequest(
                    "request body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiFailure.badRequest("request body could not be read: " + e.getMessage());
        }
    }

    /** Whether the request came without a body, for endpoints whose body is optional. */
    boolean hasNoBody() {
        return bodyBytes().length == 0;
    }

    private byte[] bodyBytes() {
        if (requestBody == null) {
            // not closed here: closing reads what is left, and what is left of a body over the limit is not wanted
            try {
                requestBody = exchange.getInputStream().readNBytes(MAX_JSON_BODY_BYTES + 1);
            } catch (IOException e) {
                throw ApiFailure.badRequest("request body could not be read: " + e.getMessage());
            }
            if (requestBody.length > MAX_JSON_BODY_BYTES) {
                requestBody = new byte[0];
                throw new ApiFailure(413, "a JSON request body may hold at most " + MAX_JSON_BODY_BYTES + " bytes");
            }
        }
        return requestBody;
    }

    /**
     * The raw request body, for uploads that are streamed to disk rather than parsed. When recording, its first
     * {@value #RECORDED_PREFIX} bytes are kept for the record.
     */
    InputStream bodyStream() {
        InputStream in = exchange.getInputStream();
        if (recorder == null) {
            return in;
        }
        java.io.ByteArrayOutputStream prefix = new java.io.ByteArrayOutputStream();
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && prefix.size() < RECORDED_PREFIX) {
                    prefix.write(b);
                }
                requestBody = prefix.toByteArray();
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0 && prefix.size() < RECORDED_PREFIX) {
                    prefix.write(buffer, offset, Math.min(n, RECORDED_PREFIX - prefix.size()));
                    requestBody = prefix.toByteArray();
                }
                return n;
            }
        };
    }

    /** Streams a file as the answer, never holding it in memory. */
    void file(int status, String contentType, java.nio.file.Path file) throws IOException {
        if (recorder != null) {
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                responseBody = in.readNBytes(RECORDED_PREFIX);
            }
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, java.nio.file.Files.size(file));
        answerStarts();
        try (java.io.OutputStream out = exchange.getOutputStream()) {
            java.nio.file.Files.copy(file, out);
        }
    }

    /**
     * Streams {@code length} bytes from {@code source} as the answer (nothing for a HEAD request), with the given
     * extra headers; the caller opened the source, so a file replaced meanwhile is still read whole.
     */
    void stream(int status, String contentType, long length, Map<String, String> headers, InputStream source)
            throws IOException {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length);
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
        answerStarts();
        if (method().equals("HEAD")) {
            exchange.endExchange();
            return;
        }
        try (java.io.OutputStream out = exchange.getOutputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = source.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the stored file ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /** An empty answer with extra headers, such as the {@code ETag} of a stored upload. */
    void empty(int status, Map<String, String> headers) {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
        empty(status);
    }

    void json(int status, Object body) {
        try {
            send(status, mapper.writeValueAsBytes(body));
        } catch (JacksonException e) {
            throw new IllegalStateException("emulator could not write its own answer", e);
        }
    }

    void redirect(int status, String location) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        answerStarts();
        exchange.endExchange();
    }

    void noContent() {
        empty(204);
    }

    /** An answer with a status and no body, as several v2 endpoints give (201 or 200 without content). */
    void empty(int status) {
        exchange.setStatusCode(status);
        answerStarts();
        exchange.endExchange();
    }

    void error(ApiFailure failure) {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().put(HttpString.tryFromString("X-Request-Id"), requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", failure.code());
        error.put("message", failure.getMessage());
        error.put("request_id", requestId);
        json(failure.status(), error);
    }

    /** An error whose answer the spec declares without a body: the status and the request id only. */
    void errorWithoutBody(ApiFailure failure) {
        exchange.getResponseHeaders()
                .put(HttpString.tryFromString("X-Request-Id"), UUID.randomUUID().toString());
        empty(failure.status());
    }

    private void send(int status, byte[] bytes) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        responseBody = bytes;
        answerStarts();
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    /**
     * Before any answer goes out: a connection whose request body was not read to its end (a 401, a 503 for want of an
     * upload slot, a 413) is closed after the answer rather than drained, so a client that sends its body slowly, or
     * never, holds no worker; then the exchange is recorded.
     */
    private void answerStarts() {
        if (bodyComing()) {
            exchange.setPersistent(false);
        }
        if (recorder != null) {
            recorder.accept(snapshot());
        }
    }

    /** Whether the request has a body not yet read to its end (nothing of it may have been read yet). */
    boolean bodyComing() {
        return !exchange.isRequestComplete();
    }

    private RecordedExchange snapshot() {
        byte[] request = requestBody != null && requestBody.length <= MAX_RECORDED_BODY ? requestBody : null;
        Map<String, List<String>> query = new LinkedHashMap<>();
        exchange.getQueryParameters().forEach((k, v) -> query.put(k, List.copyOf(v)));
        return new RecordedExchange(
                method(),
                rawPath(),
                query,
                headers(exchange.getRequestHeaders()),
                request,
                exchange.getStatusCode(),
                headers(exchange.getResponseHeaders()),
                responseBody);
    }

    private static Map<String, List<String>> headers(HeaderMap map) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : map) {
            headers.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), new ArrayList<>(values));
        }
        return headers;
    }
}
