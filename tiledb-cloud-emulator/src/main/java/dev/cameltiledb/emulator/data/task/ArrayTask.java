package dev.cameltiledb.emulator.data.task;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The spec's {@code ArrayTask}, as a route answers it ({@code GET /v1/task/{id}}, {@code /v1/tasks}). Times are RFC 3339
 * text; {@code duration} is in nanoseconds; costs are 0 (the emulator charges nothing). {@code array_metadata} is the
 * route's to fill ({@link #withArrayMetadata}): the engine records only which arrays a task touched
 * ({@link TaskRecord#arrays()}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArrayTask(
        String id,
        String name,
        String username,
        String description,
        Object arrayMetadata,
        String namespace,
        String status,
        String statusMessage,
        String startTime,
        String finishTime,
        Double cost,
        Double egressCost,
        Double accessCost,
        String queryType,
        String udfCode,
        String udfLanguage,
        String sqlQuery,
        String type,
        @JsonInclude(JsonInclude.Include.ALWAYS) String logs,
        Long duration,
        List<String> sqlInitCommands,
        List<Object> sqlParameters,
        String resultFormat,
        String taskGraphUuid,
        String clientNodeUuid) {

    /** The same task with the route's {@code ArrayInfo} of its array. */
    public ArrayTask withArrayMetadata(Object info) {
        return new ArrayTask(
                id,
                name,
                username,
                description,
                info,
                namespace,
                status,
                statusMessage,
                startTime,
                finishTime,
                cost,
                egressCost,
                accessCost,
                queryType,
                udfCode,
                udfLanguage,
                sqlQuery,
                type,
                logs,
                duration,
                sqlInitCommands,
                sqlParameters,
                resultFormat,
                taskGraphUuid,
                clientNodeUuid);
    }

    ArrayTask finished(TaskStatus to, String message, String finish, long nanos, String output) {
        return new ArrayTask(
                id,
                name,
                username,
                description,
                arrayMetadata,
                namespace,
                to.name(),
                message,
                startTime,
                finish,
                cost,
                egressCost,
                accessCost,
                queryType,
                udfCode,
                udfLanguage,
                sqlQuery,
                type,
                output,
                nanos,
                sqlInitCommands,
                sqlParameters,
                resultFormat,
                taskGraphUuid,
                clientNodeUuid);
    }

    public TaskStatus taskStatus() {
        return TaskStatus.valueOf(status);
    }
}
