package dev.cameltiledb.client.cells;

/**
 * A dimension or attribute as reads and writes need it: its wire type, TileDB's name for the type (a datetime's
 * unit), whether it may hold no value, and a numeric dimension's domain bounds (as {@code Long} or {@code Double};
 * null for a string dimension or an attribute).
 */
public record CellField(
        String name, CellType type, String typeName, boolean dimension, boolean nullable, Number lo, Number hi) {

    /** Bytes a cell takes in a read's buffers, for sharing a budget between fields (a string is guessed at 32). */
    long bytesPerCell() {
        long bytes = type.varSize() ? 8 + 32 : type.width();
        return bytes + (nullable ? 1 : 0);
    }
}
