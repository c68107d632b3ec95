package dev.cameltiledb.emulator.data.sql;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The spec's {@code SQLParameters}, the body of {@code POST /v1/sql/{namespace}}. {@code name} is the task's name;
 * {@code parameters} replace the query's {@code ?} in order; {@code init_commands} run first, in the same session
 * ({@code SET @a = 1}); {@code result_format} is {@code json} (the default) or {@code arrow}; {@code output_uri} (a
 * {@code tiledb://} URI) receives the result as an array, {@code store_results} keeps it for
 * {@code /v1/task/{id}/result}, {@code dont_download_results} answers without it. {@code resource_class} is recorded,
 * nothing more (the emulator has one size).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SqlParameters(
        String name,
        String query,
        String outputUri,
        Boolean storeResults,
        Boolean dontDownloadResults,
        String resourceClass,
        String resultFormat,
        List<String> initCommands,
        List<Object> parameters,
        String taskGraphUuid,
        String clientNodeUuid) {

    /** A query with everything else left to its default. */
    public static SqlParameters of(String query) {
        return new SqlParameters(null, query, null, null, null, null, null, null, null, null, null);
    }

    public SqlParameters withResultFormat(String format) {
        return new SqlParameters(
                name,
                query,
                outputUri,
                storeResults,
                dontDownloadResults,
                resourceClass,
                format,
                initCommands,
                parameters,
                taskGraphUuid,
                clientNodeUuid);
    }

    public SqlParameters withStorage(String uri, boolean store, boolean dontDownload) {
        return new SqlParameters(
                name,
                query,
                uri,
                store,
                dontDownload,
                resourceClass,
                resultFormat,
                initCommands,
                parameters,
                taskGraphUuid,
                clientNodeUuid);
    }

    public SqlParameters withInit(List<String> commands, List<Object> values) {
        return new SqlParameters(
                name,
                query,
                outputUri,
                storeResults,
                dontDownloadResults,
                resourceClass,
                resultFormat,
                commands,
                values,
                taskGraphUuid,
                clientNodeUuid);
    }

    public SqlParameters inGraph(String graphUuid, String nodeUuid) {
        return new SqlParameters(
                name,
                query,
                outputUri,
                storeResults,
                dontDownloadResults,
                resourceClass,
                resultFormat,
                initCommands,
                parameters,
                graphUuid,
                nodeUuid);
    }
}
