package dev.cameltiledb.client.model;

import java.util.List;

/**
 * A single-array UDF's slice in the older form ({@code UDFSubarray}, deprecated by the service in favour of
 * {@link QueryRanges}): one typed range per entry.
 *
 * @param layout the order of the cells ({@code row-major}...)
 * @param ranges the ranges
 */
public record UdfSubarray(String layout, List<UdfSubarrayRange> ranges) {}
