package dev.cameltiledb.client.model;

import java.util.List;

/**
 * An attribute of an array: a typed value stored in every cell. {@code cellValNum} is TileDB's uint32, so a long: a
 * variable-size attribute (a string) has {@value #VAR_NUM}, which an int cannot hold.
 */
public record Attribute(
        String name,
        String type,
        FilterPipeline filterPipeline,
        long cellValNum,
        Boolean nullable,
        List<Integer> fillValue) {

    /** The cellValNum of a variable-size attribute: TileDB's {@code TILEDB_VAR_NUM}, uint32 max. */
    public static final long VAR_NUM = 4294967295L;
}
