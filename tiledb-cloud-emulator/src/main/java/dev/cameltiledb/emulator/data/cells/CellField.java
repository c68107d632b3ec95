package dev.cameltiledb.emulator.data.cells;

/**
 * A dimension or attribute of an array, as the cells use it. {@code lo}, {@code hi} and {@code tileExtent} are Java
 * values of the type (null for a string dimension, which has no domain bounds, or an attribute); {@code fill} is what
 * an unwritten dense cell reads as (null for a nullable attribute).
 */
public record CellField(
        String name,
        TileType type,
        boolean dimension,
        boolean nullable,
        Object lo,
        Object hi,
        Object tileExtent,
        Object fill) {

    /** The field's column in SQL. */
    String column() {
        return dev.cameltiledb.emulator.data.store.Database.quote(name);
    }

    public String typeName() {
        return type.name();
    }

    /** A dense dimension's bound as a long. */
    long loLong() {
        return ((Number) lo).longValue();
    }

    long hiLong() {
        return ((Number) hi).longValue();
    }
}
