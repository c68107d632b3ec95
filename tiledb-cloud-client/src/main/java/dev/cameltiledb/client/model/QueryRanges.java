package dev.cameltiledb.client.model;

import java.util.List;

/**
 * The slice of an array to read ({@code QueryRanges}): one list per dimension, in the schema's order, of bounds
 * {@code [lo1, hi1, lo2, hi2, ...]}; an empty list reads the dimension's whole domain. Numbers only: a string
 * dimension cannot be sliced this way.
 *
 * @param layout the order of the cells: {@code row-major}, {@code col-major}, {@code global-order} or
 *               {@code unordered}
 * @param ranges the bounds per dimension
 */
public record QueryRanges(String layout, List<List<Number>> ranges) {

    public QueryRanges {
        ranges = ranges == null ? null : ranges.stream().map(List::copyOf).toList();
    }
}
