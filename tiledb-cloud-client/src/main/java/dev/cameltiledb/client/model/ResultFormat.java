package dev.cameltiledb.client.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The format of a task's result ({@code ResultFormat} in the spec), with the media type the service labels a stored
 * result with ({@code GET /v1/task/{id}/result}), as TileDB's Python client maps them. {@link #JSON} is what this
 * client asks for unless told otherwise; {@link #ARROW} is an Arrow IPC stream, handed over unread.
 */
public enum ResultFormat {
    PYTHON_PICKLE("python_pickle", "application/vnd.tiledb.python-pickle"),
    R_SERIALIZATION("r_serialization", null),
    JSON("json", "application/json"),
    ARROW("arrow", "application/vnd.apache.arrow.stream"),
    BYTES("bytes", "application/octet-stream"),
    TILEDB_JSON("tiledb_json", "application/vnd.tiledb.udf-data+json"),
    /** Deprecated by the service: the language's own serialisation, decoded as {@link #PYTHON_PICKLE}. */
    NATIVE("native", "application/vnd.tiledb.python-pickle");

    private final String wireName;
    private final String mediaType;

    ResultFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    /** As the spec spells it: {@code json}, {@code arrow}, {@code tiledb_json}... */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The media type of a result in this format; null for R's serialisation, whose label is not known. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format a {@code Content-Type} names (parameters such as {@code charset} ignored), or null for a media type
     * no format has.
     */
    public static ResultFormat ofMediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (ResultFormat f : values()) {
            if (base.equals(f.mediaType)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The format named {@code name} as the spec spells it ({@code json}, {@code arrow}...) in any case, or its Java
     * name; an unknown name is an {@link IllegalArgumentException} listing the known ones.
     */
    public static ResultFormat of(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ResultFormat f : values()) {
            if (f.wireName.equals(wanted)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (ResultFormat f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.wireName);
        }
        throw new IllegalArgumentException("Unknown result format '" + name + "'; expected one of " + known);
    }
}
