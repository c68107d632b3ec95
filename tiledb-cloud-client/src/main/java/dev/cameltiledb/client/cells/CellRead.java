package dev.cameltiledb.client.cells;

import java.util.List;

/**
 * A read of an array's cells: the fields (none: every dimension, then every attribute), the ranges per dimension in
 * schema order (flat {@code [lo, hi, lo, hi...]}; empty or missing: the whole dimension), the layout
 * ({@code row-major}, {@code col-major}, {@code global-order}, {@code unordered}), the time window (epoch ms, null for
 * the beginning and for now) and the bytes one page may take ({@code bufferBytes}, shared by the fields): the read's
 * memory stays within about one page whatever its size.
 */
public record CellRead(
        List<String> fields,
        List<? extends List<?>> ranges,
        String layout,
        Long startTimestamp,
        Long endTimestamp,
        long bufferBytes) {

    /** The default page: 16 MiB. */
    public static final long DEFAULT_BUFFER_BYTES = 16L << 20;

    public static final List<String> LAYOUTS = List.of("row-major", "col-major", "global-order", "unordered");

    public CellRead {
        fields = fields == null ? List.of() : List.copyOf(fields);
        layout = layout == null || layout.isBlank() ? "row-major" : layout;
        if (!LAYOUTS.contains(layout)) {
            throw new IllegalArgumentException("layout must be one of " + LAYOUTS + ", was '" + layout + "'");
        }
        if (bufferBytes <= 0) {
            bufferBytes = DEFAULT_BUFFER_BYTES;
        }
        if (bufferBytes < 1024) {
            throw new IllegalArgumentException("a read's buffer must hold at least 1024 bytes, was " + bufferBytes);
        }
    }

    /** Every cell, every field, row-major, as of now. */
    public static CellRead all() {
        return new CellRead(null, null, null, null, null, 0);
    }

    public CellRead withBufferBytes(long bytes) {
        return new CellRead(fields, ranges, layout, startTimestamp, endTimestamp, bytes);
    }
}
