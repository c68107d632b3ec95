package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One dimension's range in a {@link UdfSubarray} ({@code UDFSubarrayRange}).
 *
 * @param dimensionId the dimension's index in the schema
 * @param rangeStart  the first coordinate
 * @param rangeEnd    the last coordinate
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfSubarrayRange(Integer dimensionId, TypedValue rangeStart, TypedValue rangeEnd) {}
