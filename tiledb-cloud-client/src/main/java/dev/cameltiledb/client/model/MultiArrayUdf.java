package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A UDF to run over array slices ({@code MultiArrayUDF}, the body of {@code POST /v1/udfs/arrays/{namespace}} and
 * {@code POST /v1/arrays/{namespace}/{array}/udf/submit}): everything a {@link GenericUdf} holds, sent at the same
 * level, plus the arrays and their ranges. Several arrays go in {@code arrays}; the single-array call takes
 * {@code ranges} and {@code buffers} (or the older {@code subarray}) for the array its path names.
 *
 * @param udf           the UDF and how to run it
 * @param argumentsJson the arguments, positional then named ({@code TGUDFArgument}); see {@link UdfArgument}
 * @param ranges        the single-array call's ranges
 * @param subarray      the single-array call's ranges in the older form (deprecated by the service)
 * @param buffers       the single-array call's attributes and dimensions to read
 * @param arrays        the arrays, each with its ranges and buffers
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MultiArrayUdf(
        @JsonUnwrapped GenericUdf udf,
        List<UdfArgument> argumentsJson,
        QueryRanges ranges,
        UdfSubarray subarray,
        List<String> buffers,
        List<UdfArrayDetails> arrays) {

    /** {@code udf} over several array slices, with its arguments (null for none). */
    public static MultiArrayUdf over(GenericUdf udf, List<UdfArrayDetails> arrays, List<UdfArgument> arguments) {
        return new MultiArrayUdf(udf, arguments, null, null, null, arrays == null ? null : List.copyOf(arrays));
    }

    /** {@code udf} over one slice of the array the call's path names: its ranges and buffers (null for all). */
    public static MultiArrayUdf onSlice(
            GenericUdf udf, QueryRanges ranges, List<String> buffers, List<UdfArgument> arguments) {
        return new MultiArrayUdf(udf, arguments, ranges, null, buffers == null ? null : List.copyOf(buffers), null);
    }

    /** A copy whose UDF part is {@code other}. */
    public MultiArrayUdf withUdf(GenericUdf other) {
        return new MultiArrayUdf(other, argumentsJson, ranges, subarray, buffers, arrays);
    }
}
