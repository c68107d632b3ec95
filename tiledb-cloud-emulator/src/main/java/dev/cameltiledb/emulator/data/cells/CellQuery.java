package dev.cameltiledb.emulator.data.cells;

import java.util.List;

/**
 * A read of cells: per dimension (in schema order) its ranges as a flat list {@code [lo1, hi1, lo2, hi2, ...]} (the
 * spec's {@code QueryRanges.ranges}; a missing or empty list means the whole dimension: for a dense array its
 * non-empty domain), the fields to return (none: every dimension, then every attribute), the layout, and the
 * timestamps to read as of (epoch ms, inclusive; null for the beginning and for now). {@code after}, when given, is
 * the coordinates (one value per dimension, schema order) of the last cell a previous page of the same read
 * delivered: the read continues with the cell after it in the layout's order (a keyset, so a page costs the same
 * wherever it starts). It needs coordinates that tell cells apart: not for a sparse array that allows duplicates.
 */
public record CellQuery(
        List<List<Object>> ranges,
        List<String> fields,
        Layout layout,
        Long startTimestamp,
        Long endTimestamp,
        List<Object> after) {

    public CellQuery {
        ranges = ranges == null ? List.of() : ranges;
        fields = fields == null ? List.of() : List.copyOf(fields);
        layout = layout == null ? Layout.ROW_MAJOR : layout;
    }

    /** A read from the first cell. */
    public CellQuery(
            List<List<Object>> ranges, List<String> fields, Layout layout, Long startTimestamp, Long endTimestamp) {
        this(ranges, fields, layout, startTimestamp, endTimestamp, null);
    }

    /** Every cell, every field, row-major, as of now. */
    public static CellQuery all() {
        return new CellQuery(null, null, Layout.ROW_MAJOR, null, null);
    }

    /** The same read, of other fields. */
    public CellQuery withFields(List<String> names) {
        return new CellQuery(ranges, names, layout, startTimestamp, endTimestamp, after);
    }

    /** The same read, continued after the cell at {@code coordinates}. */
    public CellQuery continuedAfter(List<Object> coordinates) {
        return new CellQuery(ranges, fields, layout, startTimestamp, endTimestamp, coordinates);
    }
}
