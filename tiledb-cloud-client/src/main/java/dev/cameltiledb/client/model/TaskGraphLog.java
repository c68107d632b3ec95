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

    /** The log of a graph the client runs itself ({@code realtime}), to create: its nodes, each run {@code client}. */
    public static TaskGraphLog clientRun(String namespace, String name, List<TaskGraphNodeMetadata> nodes) {
        return sent(namespace, name, null, List.copyOf(nodes), "realtime");
    }

    /** An update of nothing but the status: how a client ends the log of a graph it ran. */
    public static TaskGraphLog statusUpdate(String status) {
        return sent(null, null, status, null, null);
    }

    /** A log as a client sends it: the service sets the rest. */
    private static TaskGraphLog sent(
            String namespace, String name, String status, List<TaskGraphNodeMetadata> nodes, String type) {
        return new TaskGraphLog(
                null, namespace, null, name, null, null, null, status, null, null, null, null, null, nodes, type, null,
                null, null);
    }

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
