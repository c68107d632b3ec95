package dev.cameltiledb.emulator.data.udf;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.emulator.data.query.QueryRanges;

/**
 * The body of a UDF call: the spec's {@code GenericUDF} ({@code POST /v1/udfs/generic/{namespace}}) and
 * {@code MultiArrayUDF} ({@code /v1/udfs/arrays/{namespace}}, {@code /v1/arrays/{ns}/{array}/udf/submit}) in one
 * record, with {@code arguments_json}, which the Python client sends to both. The code is a registered UDF
 * ({@code udf_info_name}, {@code namespace/name}, optionally {@code @<ISO date-time>} for the version then), Python
 * source ({@code exec_raw}), or a base64 pickle of a function ({@code exec}). Arguments: {@code arguments_json}
 * (TileDB JSON values, positional then named), else {@code argument} as JSON text (a list: positional; an object:
 * named); array slices come from {@code arrays} (or the deprecated {@code ranges}, {@code subarray} and
 * {@code buffers} of a single-array call).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UdfCall(
        String udfInfoName,
        String language,
        String version,
        String imageName,
        String accessCredentialsName,
        String resourceClass,
        @JsonProperty("exec") String exec,
        String execRaw,
        String argument,
        List<UdfArgument> argumentsJson,
        List<String> storedParamUuids,
        String resultFormat,
        String taskName,
        Boolean storeResults,
        Integer timeout,
        Boolean dontDownloadResults,
        QueryRanges ranges,
        JsonNode subarray,
        List<String> buffers,
        List<UdfArrayDetails> arrays,
        String taskGraphUuid,
        String clientNodeUuid) {

    /** Python source run with JSON arguments given as text. */
    public static UdfCall source(String execRaw, String argument) {
        return new UdfCall(
                null, "python", null, null, null, null, null, execRaw, argument, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** A registered UDF run with JSON arguments given as text. */
    public static UdfCall registered(String name, String argument) {
        return new UdfCall(
                name, null, null, null, null, null, null, null, argument, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public UdfCall withArguments(List<UdfArgument> values) {
        return new UdfCall(
                udfInfoName,
                language,
                version,
                imageName,
                accessCredentialsName,
                resourceClass,
                exec,
                execRaw,
                argument,
                values,
                storedParamUuids,
                resultFormat,
                taskName,
                storeResults,
                timeout,
                dontDownloadResults,
                ranges,
                subarray,
                buffers,
                arrays,
                taskGraphUuid,
                clientNodeUuid);
    }

    public UdfCall withArrays(List<UdfArrayDetails> values) {
        return new UdfCall(
                udfInfoName,
                language,
                version,
                imageName,
                accessCredentialsName,
                resourceClass,
                exec,
                execRaw,
                argument,
                argumentsJson,
                storedParamUuids,
                resultFormat,
                taskName,
                storeResults,
                timeout,
                dontDownloadResults,
                ranges,
                subarray,
                buffers,
                values,
                taskGraphUuid,
                clientNodeUuid);
    }

    public UdfCall withResult(String format, boolean store) {
        return new UdfCall(
                udfInfoName,
                language,
                version,
                imageName,
                accessCredentialsName,
                resourceClass,
                exec,
                execRaw,
                argument,
                argumentsJson,
                storedParamUuids,
                format,
                taskName,
                store,
                timeout,
                dontDownloadResults,
                ranges,
                subarray,
                buffers,
                arrays,
                taskGraphUuid,
                clientNodeUuid);
    }

    public UdfCall withTimeout(Integer seconds) {
        return new UdfCall(
                udfInfoName,
                language,
                version,
                imageName,
                accessCredentialsName,
                resourceClass,
                exec,
                execRaw,
                argument,
                argumentsJson,
                storedParamUuids,
                resultFormat,
                taskName,
                storeResults,
                seconds,
                dontDownloadResults,
                ranges,
                subarray,
                buffers,
                arrays,
                taskGraphUuid,
                clientNodeUuid);
    }

    public UdfCall withSlice(QueryRanges sliceRanges, List<String> sliceBuffers) {
        return new UdfCall(
                udfInfoName,
                language,
                version,
                imageName,
                accessCredentialsName,
                resourceClass,
                exec,
                execRaw,
                argument,
                argumentsJson,
                storedParamUuids,
                resultFormat,
                taskName,
                storeResults,
                timeout,
                dontDownloadResults,
                sliceRanges,
                subarray,
                sliceBuffers,
                arrays,
                taskGraphUuid,
                clientNodeUuid);
    }

    public UdfCall inGraph(String graphUuid, String nodeUuid) {
        return new UdfCall(
                udfInfoName,
                language,
                version,
                imageName,
                accessCredentialsName,
                resourceClass,
                exec,
                execRaw,
                argument,
                argumentsJson,
                storedParamUuids,
                resultFormat,
                taskName,
                storeResults,
                timeout,
                dontDownloadResults,
                ranges,
                subarray,
                buffers,
                arrays,
                graphUuid,
                nodeUuid);
    }
}
