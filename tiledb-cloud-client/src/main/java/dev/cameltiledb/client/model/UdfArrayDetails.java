package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One array slice a UDF reads ({@code UDFArrayDetails}); also a task graph's array node.
 *
 * @param parameterId tells several slices of one array apart (optional)
 * @param uri         the array, {@code tiledb://namespace/name}
 * @param ranges      the slice
 * @param buffers     the attributes and dimensions to read; null or empty for all
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfArrayDetails(String parameterId, String uri, QueryRanges ranges, List<String> buffers) {

    public static UdfArrayDetails of(String uri, QueryRanges ranges, List<String> buffers) {
        return new UdfArrayDetails(null, uri, ranges, buffers == null ? null : List.copyOf(buffers));
    }
}
