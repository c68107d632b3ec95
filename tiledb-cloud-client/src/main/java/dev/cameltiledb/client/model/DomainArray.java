package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A range (or list of bounds) in the one element type the service filled in; the other components are null.
 * Unsigned 64-bit bounds may exceed {@code Long.MAX_VALUE}, hence {@link Number}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DomainArray(
        List<Integer> int8,
        List<Integer> uint8,
        List<Integer> int16,
        List<Integer> uint16,
        List<Integer> int32,
        List<Long> uint32,
        List<Long> int64,
        List<Number> uint64,
        List<Float> float32,
        List<Double> float64) {

    public static DomainArray ofInt32(int low, int high) {
        return new DomainArray(null, null, null, null, List.of(low, high), null, null, null, null, null);
    }
}
