package dev.cameltiledb.emulator.workspace;

import java.util.Map;

import dev.cameltiledb.emulator.http.ApiFailure;

/** Fields of a JSON request body read as a map: a missing or mistyped required field is a 400 that names it. */
final class Json {

    private Json() {}

    /** A required non-blank string. */
    static String text(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw ApiFailure.badRequest(field + " must be a non-empty string");
        }
        return s;
    }

    /** An optional string: null when absent, a 400 when present but not a string. */
    static String optionalText(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw ApiFailure.badRequest(field + " must be a string");
        }
        return (String) value;
    }

    /** A name of a workspace, teamspace, folder or asset: one path segment. */
    static String name(Map<?, ?> body, String field) {
        String name = text(body, field);
        if (name.contains("/")) {
            throw ApiFailure.badRequest(field + " must not contain '/', was '" + name + "'");
        }
        return name;
    }
}
