package dev.cameltiledb.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One coordinate in the dimension's type ({@code DimensionCoordinate}): the one component set, the others null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DimensionCoordinate(
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

    public static DimensionCoordinate int32(int value) {
        return new DimensionCoordinate(null, null, null, null, value, null, null, null, null, null);
    }

    public static DimensionCoordinate int64(long value) {
        return new DimensionCoordinate(null, null, null, null, null, null, value, null, null, null);
    }

    public static DimensionCoordinate float64(double value) {
        return new DimensionCoordinate(null, null, null, null, null, null, null, null, null, value);
    }
}
