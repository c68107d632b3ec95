package dev.cameltiledb.emulator.data.task;

import java.util.List;

import dev.cameltiledb.emulator.data.ResultFormat;

/**
 * What a task records when it starts: its type, who runs it where, the arrays it touches ({@code tiledb://} URIs)
 * and what it runs (SQL with its init commands and parameters, or UDF code), the result format, and the task graph
 * execution and node it belongs to (or nulls).
 */
public record TaskStart(
        TaskType type,
        String name,
        String username,
        String namespace,
        List<String> arrays,
        String queryType,
        String sqlQuery,
        List<String> sqlInitCommands,
        List<Object> sqlParameters,
        String udfCode,
        String udfLanguage,
        ResultFormat resultFormat,
        String taskGraphUuid,
        String clientNodeUuid) {

    public TaskStart {
        arrays = arrays == null ? List.of() : List.copyOf(arrays);
    }

    public static TaskStart sql(
            String name,
            String username,
            String namespace,
            List<String> arrays,
            String query,
            List<String> initCommands,
            List<Object> parameters,
            ResultFormat format) {
        return new TaskStart(
                TaskType.SQL,
                name,
                username,
                namespace,
                arrays,
                null,
                query,
                initCommands,
                parameters,
                null,
                null,
                format,
                null,
                null);
    }

    public static TaskStart udf(
            TaskType type,
            String name,
            String username,
            String namespace,
            List<String> arrays,
            String code,
            String language,
            ResultFormat format) {
        return new TaskStart(
                type, name, username, namespace, arrays, null, null, null, null, code, language, format, null, null);
    }

    public static TaskStart query(String username, String namespace, String arrayUri) {
        return new TaskStart(
                TaskType.QUERY,
                "query " + arrayUri,
                username,
                namespace,
                List.of(arrayUri),
                "READ",
                null,
                null,
                null,
                null,
                null,
                ResultFormat.JSON,
                null,
                null);
    }

    /** The same start, as a node of a task graph execution. */
    public TaskStart inGraph(String graphUuid, String nodeUuid) {
        return new TaskStart(
                type,
                name,
                username,
                namespace,
                arrays,
                queryType,
                sqlQuery,
                sqlInitCommands,
                sqlParameters,
                udfCode,
                udfLanguage,
                resultFormat,
                graphUuid,
                nodeUuid);
    }
}
