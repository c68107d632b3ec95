package dev.cameltiledb.emulator.data.udf;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.emulator.data.query.QueryRanges;

/**
 * The spec's {@code UDFArrayDetails}: an array slice a UDF gets ({@code tiledb://} URI, ranges, the fields as
 * {@code buffers}: none means all), told apart from others of the same array by {@code parameter_id}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UdfArrayDetails(String parameterId, String uri, QueryRanges ranges, List<String> buffers) {}
