package dev.cameltiledb.emulator.data.cells;

import java.util.Locale;

import dev.cameltiledb.emulator.data.EngineException;

/** The spec's {@code Layout}: the order cells are read in, and an array's cell and tile orders. */
public enum Layout {
    ROW_MAJOR("row-major"),
    COL_MAJOR("col-major"),
    GLOBAL_ORDER("global-order"),
    UNORDERED("unordered");

    private final String wire;

    Layout(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The layout named {@code value}, {@code fallback} when absent; a 400 naming {@code field} otherwise. */
    public static Layout parse(String value, Layout fallback, String field) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (Layout l : values()) {
            if (l.wire.equals(v)) {
                return l;
            }
        }
        // the letters the Python client's array.apply takes
        switch (v) {
            case "r":
                return ROW_MAJOR;
            case "c":
                return COL_MAJOR;
            case "g":
                return GLOBAL_ORDER;
            case "u":
                return UNORDERED;
            default:
                throw EngineException.badRequest(
                        field + " must be row-major, col-major, global-order or unordered, was '" + value + "'");
        }
    }

    /**
     * An array's cell or tile order: row-major or col-major. TileDB's {@code hilbert} cell order is read as row-major
     * (the emulator does not lay cells along a Hilbert curve).
     */
    static Layout order(String value, String field) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("hilbert")) {
            return ROW_MAJOR;
        }
        Layout l = parse(value, ROW_MAJOR, field);
        if (l != ROW_MAJOR && l != COL_MAJOR) {
            throw EngineException.badRequest(field + " must be row-major or col-major, was '" + value + "'");
        }
        return l;
    }
}
