package dev.cameltiledb.arraylake.emulator;

import java.util.List;

/**
 * One entry of a FastAPI validation error: where ({@code ["body", "name"]}, {@code ["query", "size"]}), what, and
 * pydantic's error type ({@code missing}, {@code value_error}, {@code literal_error}, ...).
 */
record Problem(List<Object> loc, String msg, String type) {

    static Problem body(String field, String msg, String type) {
        return new Problem(List.of("body", field), msg, type);
    }

    static Problem query(String parameter, String msg, String type) {
        return new Problem(List.of("query", parameter), msg, type);
    }

    /** Pydantic v2 prefixes the message of a validator's ValueError this way. */
    static Problem bodyValue(String field, String msg) {
        return body(field, "Value error, " + msg, "value_error");
    }

    static Problem missingBody(String field) {
        return body(field, "Field required", "missing");
    }

    static Problem missingQuery(String parameter) {
        return query(parameter, "Field required", "missing");
    }
}
