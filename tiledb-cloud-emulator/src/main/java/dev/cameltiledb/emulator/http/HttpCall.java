package dev.cameltiledb.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Call;
import dev.cameltiledb.emulator.common.StreamedBody;
import io.undertow.server.HttpServerExchange;

/**
 * One request being answered: the caller, typed query parameters and the JSON body in, a JSON, empty or streamed
 * answer out. Parameter errors become 400 answers that name the parameter. The answer is only kept here: the
 * dispatcher sends it once the handler's transaction has ended.
 */
public final class HttpCall extends Call {

    /** JSON bodies are read whole (before the handler runs); uploads stream to disk and are not limited by this. */
    public static final int MAX_JSON_BODY_BYTES = 16 * 1024 * 1024;

    /** How much of a streamed file a record keeps. */
    private static final int RECORDED_PREFIX = 64 * 1024;

    private final ObjectMapper mapper;
    private User user;
    private Answer answer;

    HttpCall(HttpServerExchange exchange, boolean recording, ObjectMapper mapper) {
        super(exchange, recording);
        this.mapper = mapper;
    }

    public User user() {
        return user;
    }

    public void user(User caller) {
        this.user = caller;
    }

    /** Who asks what, with every query parameter but {@code except}: two calls with the same answer have the same key. */
    public String questionWithout(String except) {
        StringBuilder key = new StringBuilder(user == null ? "" : user.username())
                .append(' ')
                .append(rawPath());
        new TreeMap<>(queryParameters()).forEach((name, values) -> {
            if (!name.equals(except)) {
                key.append('&').append(name).append('=').append(values);
            }
        });
        return key.toString();
    }

    public Integer queryInt(String name) {
        Long value = queryLong(name);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw ApiFailure.badRequest(
                    "query parameter " + name + " must be at most " + Integer.MAX_VALUE + ", was " + value);
        }
        return value == null ? null : value.intValue();
    }

    public Long queryLong(String name) {
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
    public Boolean queryBoolean(String name) {
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

    /** Reads the JSON body as {@code type}; a missing or malformed body is a 400. */
    public <T> T body(Class<T> type) {
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
    public boolean hasNoBody() {
        return bodyBytes().length == 0;
    }

    // ---- the answer, sent by the dispatcher once the handler's transaction has ended

    /** The answer the handler gave. */
    Answer answer() {
        if (answer == null) {
            throw new IllegalStateException("the handler of " + method() + " " + rawPath() + " gave no answer");
        }
        return answer;
    }

    public void json(int status, Object body) {
        answer = Answer.json(status, body);
    }

    public void noContent() {
        answer = Answer.noContent();
    }

    /** An answer with a status and no body, as several v2 endpoints give (201 or 200 without content). */
    public void empty(int status) {
        answer = Answer.empty(status);
    }

    /** An empty answer with extra headers, such as the {@code ETag} of a stored upload. */
    public void empty(int status, Map<String, String> headers) {
        answer = Answer.empty(status, headers);
    }

    /** A stored file as the answer, streamed from disk, never held in memory. */
    public void file(int status, String contentType, Path file) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not send " + file, e);
        }
        answer = Answer.streamed(status, new FileBody(contentType, file, length), Map.of());
    }

    /**
     * {@code length} bytes of {@code source} as the answer (nothing for a HEAD request), with the given extra headers;
     * the source was opened in the transaction, so a file replaced meanwhile is still read whole, and it is closed once
     * the answer is done.
     */
    public void stream(int status, String contentType, long length, Map<String, String> headers, InputStream source) {
        answer = Answer.streamed(status, new SourceBody(contentType, length, source), headers);
    }

    /** A body produced while it is sent (an SQL result of millions of rows), with the given extra headers. */
    public void stream(int status, Map<String, String> headers, StreamedBody body) {
        answer = Answer.streamed(status, body, headers);
    }

    /** A file on disk, opened when the answer is written. */
    private record FileBody(String contentType, Path file, long length) implements StreamedBody {
        @Override
        public byte[] head() {
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(RECORDED_PREFIX);
            } catch (IOException e) {
                throw new UncheckedIOException("emulator could not read " + file, e);
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Files.copy(file, out);
        }
    }

    /** Bytes of a source opened in the transaction; its head is not kept (the source is read once). */
    private record SourceBody(String contentType, long length, InputStream source) implements StreamedBody {
        @Override
        public byte[] head() {
            return null;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
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

        @Override
        public void close() {
            try {
                source.close();
            } catch (IOException ignored) {
                // nothing is left to answer: the file was only read
            }
        }
    }
}
