package dev.cameltiledb.arraylake.client.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cameltiledb.arraylake.client.ArraylakeNameException;

/** A repo's operation mode: the service writes these in lower case. */
public enum RepoMode {
    ONLINE,
    MAINTENANCE,
    OFFLINE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts any case, so a URI option {@code mode=maintenance} and {@code MAINTENANCE} both work. */
    @JsonCreator
    public static RepoMode of(String value) {
        for (RepoMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new ArraylakeNameException("repo mode", value, "one of online, maintenance, offline");
    }
}
