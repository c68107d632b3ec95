package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One execution of a task graph ({@code TaskGraphLog}): its status, costs, and each node's status and tasks (with
 * their logs). A listing carries summaries without the nodes.
 *
 * @param status        {@code submitted}, {@code running}, {@code idle}, {@code abandoned}, {@code succeeded},
 *                      {@code failed} or {@code cancelled}
 * @param executionTime the nodes' total running time, ISO 8601 ({@code PT15H22M0.45S})
 * @param statusCount   how many nodes are in each task status ({@code COMPLETED}: 3)
 * @param nodes         the graph's nodes and how they ran
 * @param taskGraphId   the {@link TaskGraph} executed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskGraphLog(
        String uuid,
        String namespace,
        String createdBy,
        String name,
        Instant createdAt,
        Instant startTime,
        Instant endTime,
        String status,
        Double totalCost,
        Double accessCost,
        Double egressCost,
        String executionTime,
        Map<String, Long> statusCount,
        List<TaskGraphNodeMetadata> nodes,
        String taskGraphType,
        String taskGraphId,
        String cloudProvider,
        String cloudRegion) {

    /** Statuses after which nothing more runs; {@code abandoned} counts, as TileDB's Python client takes it. */
    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled", "abandoned");

    /** Whether the execution has ended, whatever its outcome. */
    @JsonIgnore
    public boolean isFinished() {
        return status != null && FINISHED.contains(status);
    }

    /** The node named {@code name} (or with that client id), or null. */
    public TaskGraphNodeMetadata node(String name) {
        if (nodes == null) {
            return null;
        }
        return nodes.stream()
                .filter(n -> name.equals(n.name()) || name.equals(n.clientNodeUuid()))
                .findFirst()
                .orElse(null);
    }
}
