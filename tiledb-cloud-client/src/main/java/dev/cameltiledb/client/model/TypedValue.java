package dev.cameltiledb.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A single number tagged with its TileDB type, as used for a dimension's tile extent, a filter's option and a UDF
 * subarray's bounds ({@code {"uint64": 1024}}, {@code {"int32": -1}}; the spec's {@code DimensionCoordinate}). Exactly
 * one component is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TypedValue(
        Integer int8,
        Integer uint8,
        Integer int16,
        Integer uint16,
        Integer int32,
        Long uint32,
        Long int64,
        Number uint64,
        Float float32,
        Double float64) {

    public static TypedValue ofInt32(int value) {
        return new TypedValue(null, null, null, null, value, null, null, null, null, null);
    }

    public static TypedValue ofInt64(long value) {
        return new TypedValue(null, null, null, null, null, null, value, null, null, null);
    }
}
