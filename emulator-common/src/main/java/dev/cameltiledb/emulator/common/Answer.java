package dev.cameltiledb.emulator.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a request is answered with: a status, a body and extra headers. The body is a value the service's JSON mapper
 * writes, a {@link StreamedBody} written as it is produced, or null for none. The {@link Dispatcher} sends it only
 * after the request's transaction committed, so a client never holds an answer to a write that is not saved.
 */
public record Answer(int status, Object body, Map<String, String> headers) {

    public Answer {
        headers = Map.copyOf(headers);
    }

    public static Answer json(int status, Object body) {
        return new Answer(status, body, Map.of());
    }

    public static Answer ok(Object body) {
        return json(200, body);
    }

    public static Answer created(Object body) {
        return json(201, body);
    }

    /** A status without a body (a 204, and the v2 answers of 200 or 201 without content). */
    public static Answer empty(int status) {
        return new Answer(status, null, Map.of());
    }

    public static Answer empty(int status, Map<String, String> headers) {
        return new Answer(status, null, headers);
    }

    public static Answer noContent() {
        return empty(204);
    }

    public static Answer streamed(int status, StreamedBody body, Map<String, String> headers) {
        return new Answer(status, body, headers);
    }

    public static Answer redirect(int status, String location) {
        return empty(status, Map.of("Location", location));
    }

    /** The same answer with one more header. */
    public Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, body, more);
    }
}
