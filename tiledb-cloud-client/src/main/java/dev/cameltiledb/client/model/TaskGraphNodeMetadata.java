package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A node of a task graph execution ({@code TaskGraphNodeMetadata}): its status and every attempt at running it.
 *
 * @param runLocation {@code server}, {@code client} or {@code virtual} (an input, not run)
 * @param status      a task status; {@code QUEUED} until it runs
 * @param executions  the tasks of its attempts, the latest last
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskGraphNodeMetadata(
        String clientNodeUuid,
        String name,
        List<String> dependsOn,
        String runLocation,
        String status,
        String statusMessage,
        List<ArrayTask> executions) {

    /** The task of the latest attempt, or null before the node ran. */
    @JsonIgnore
    public ArrayTask latestExecution() {
        return executions == null || executions.isEmpty() ? null : executions.get(executions.size() - 1);
    }
}
