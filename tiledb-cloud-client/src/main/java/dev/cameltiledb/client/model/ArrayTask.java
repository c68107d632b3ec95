package dev.cameltiledb.client.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A task the service ran on an array (a query, SQL, a UDF...): who ran it, on what, when, its status and cost, its
 * logs and activity events. Memory in bytes, CPU in millicpu, costs in USD, duration in nanoseconds as the service
 * reports it.
 *
 * @param status        {@code QUEUED}, {@code RUNNING}, {@code COMPLETED}, {@code FAILED}, {@code CANCELLED},
 *                      {@code RESOURCES_UNAVAILABLE}, {@code UNKNOWN} or {@code DENIED}
 * @param statusMessage why the task is in its status (a failure's reason)
 * @param type          {@code SQL}, {@code UDF}, {@code QUERY}, {@code GENERIC_UDF}, {@code BATCH_UDF} or
 *                      {@code CLIENT_COMPUTATION}
 * @param logs          what the task wrote to stdout and stderr (a UDF's traceback)
 * @param duration      nanoseconds
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayTask(
        String id,
        String name,
        String username,
        String description,
        ArrayInfo arrayMetadata,
        DomainArray subarray,
        Long memory,
        Long cpu,
        String namespace,
        String status,
        String statusMessage,
        Instant startTime,
        Instant finishTime,
        Double cost,
        Double egressCost,
        Double accessCost,
        String queryType,
        String udfCode,
        String udfLanguage,
        String sqlQuery,
        String type,
        List<ArrayActivityLog> activity,
        String logs,
        Double duration,
        List<String> sqlInitCommands,
        List<Object> sqlParameters,
        String resultFormat,
        String taskGraphUuid,
        String clientNodeUuid,
        String cloudProvider,
        String cloudRegion) {

    /**
     * The statuses that do not change any more. TileDB's Python client takes {@code RESOURCES_UNAVAILABLE},
     * {@code UNKNOWN} and {@code DENIED} for failures, so they end a task too.
     */
    private static final Set<String> FINISHED =
            Set.of("COMPLETED", "FAILED", "CANCELLED", "RESOURCES_UNAVAILABLE", "UNKNOWN", "DENIED");

    private static final Set<String> FAILED = Set.of("FAILED", "RESOURCES_UNAVAILABLE", "UNKNOWN", "DENIED");

    /** Whether the task has ended, whatever its outcome. */
    @JsonIgnore
    public boolean isFinished() {
        return status != null && FINISHED.contains(status);
    }

    /** Whether the task ended in failure (cancelled is not a failure). */
    @JsonIgnore
    public boolean isFailed() {
        return status != null && FAILED.contains(status);
    }

    /** How long the task ran, from {@code duration}; null when the service gave none. */
    @JsonIgnore
    public Duration elapsed() {
        return duration == null ? null : Duration.ofNanos(duration.longValue());
    }
}
