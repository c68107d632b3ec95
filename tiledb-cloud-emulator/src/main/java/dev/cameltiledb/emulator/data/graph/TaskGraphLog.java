package dev.cameltiledb.emulator.data.graph;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.emulator.data.task.ArrayTask;

/**
 * The spec's {@code TaskGraphLog}: one execution of a task graph, its status ({@code submitted}, {@code running},
 * {@code succeeded}, {@code failed}, {@code cancelled}), times, the count of its nodes per status, and its nodes with
 * their status and executions (each an {@code ArrayTask}, the last the latest attempt).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskGraphLog(
        String uuid,
        String namespace,
        String createdBy,
        String name,
        String createdAt,
        String startTime,
        String endTime,
        String status,
        Double totalCost,
        Double accessCost,
        Double egressCost,
        String executionTime,
        Map<String, Integer> statusCount,
        List<NodeMetadata> nodes,
        String taskGraphType,
        String taskGraphId) {

    /** The spec's {@code TaskGraphNodeMetadata}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeMetadata(
            String clientNodeUuid,
            String name,
            List<String> dependsOn,
            String runLocation,
            String status,
            String statusMessage,
            List<ArrayTask> executions) {}

    /** The node with that client id. */
    public NodeMetadata node(String clientNodeId) {
        return nodes.stream()
                .filter(n -> n.clientNodeUuid().equals(clientNodeId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + clientNodeId));
    }

    /** Whether the execution will not change again (until it is retried). */
    public boolean finished() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
    }
}
