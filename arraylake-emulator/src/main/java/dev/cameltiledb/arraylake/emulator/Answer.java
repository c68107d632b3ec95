package dev.cameltiledb.arraylake.emulator;

import java.util.Map;

/** What a handler answers: a status, a JSON body (null for none) or a {@link StreamedBody}, and extra headers. */
record Answer(int status, Object body, Map<String, String> headers) {

    static Answer ok(Object body) {
        return new Answer(200, body, Map.of());
    }

    static Answer created(Object body) {
        return new Answer(201, body, Map.of());
    }

    static Answer streamed(StreamedBody body) {
        return new Answer(200, body, Map.of());
    }

    static Answer noContent() {
        return new Answer(204, null, Map.of());
    }
}
