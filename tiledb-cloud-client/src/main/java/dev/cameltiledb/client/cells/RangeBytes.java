package dev.cameltiledb.client.cells;

/**
 * {@code SubarrayRanges}: one dimension's ranges in a query message, as little-endian bytes of the dimension's type
 * ({@code [lo, hi, lo, hi...]}) with each range's byte size; {@code wholeDomain} ({@code hasDefaultRange}) when none
 * was asked for. A string dimension's ranges are their bytes, {@code startSizes} saying where each range's high end
 * starts.
 */
public record RangeBytes(String type, boolean wholeDomain, byte[] buffer, long[] sizes, long[] startSizes) {}
