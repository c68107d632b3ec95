package dev.cameltiledb.emulator.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The spec's {@code ResultFormat}, with the MIME type each is delivered in (what the Python client maps back to a
 * decoder when it reads {@code /v1/task/{id}/result}).
 */
public enum ResultFormat {
    PYTHON_PICKLE("python_pickle", "application/vnd.tiledb.python-pickle"),
    R_SERIALIZATION("r_serialization", "application/vnd.tiledb.r-serialization"),
    JSON("json", "application/json"),
    ARROW("arrow", "application/vnd.apache.arrow.stream"),
    BYTES("bytes", "application/octet-stream"),
    TILEDB_JSON("tiledb_json", "application/vnd.tiledb.udf-data+json"),
    /** Deprecated by the spec; the Python client reads it as a pickle. */
    NATIVE("native", "application/vnd.tiledb.python-pickle");

    private final String wire;
    private final String mimeType;

    ResultFormat(String wire, String mimeType) {
        this.wire = wire;
        this.mimeType = mimeType;
    }

    public String wire() {
        return wire;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format named {@code value}, {@code fallback} when it is absent; a 400 naming {@code field} otherwise. */
    public static ResultFormat parse(String value, ResultFormat fallback, String field) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (ResultFormat f : values()) {
            if (f.wire.equals(v)) {
                return f;
            }
        }
        throw EngineException.badRequest(field + " must be one of "
                + Arrays.stream(values()).map(ResultFormat::wire).collect(Collectors.joining(", "))
                + ", was '" + value + "'");
    }
}
