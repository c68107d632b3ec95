package dev.cameltiledb.emulator.data.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The spec's {@code TaskGraph} ({@code /v1/taskgraphs/{namespace}/graphs}): nodes with their dependencies, how many
 * may run at once ({@code parallelism}), and the engine-set {@code uuid}, {@code created_by}, {@code created_at}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskGraph(
        String uuid,
        String namespace,
        String createdBy,
        String name,
        String createdAt,
        List<TaskGraphNode> nodes,
        Long parallelism,
        JsonNode retryStrategy,
        Long deadline,
        String taskGraphType) {

    public TaskGraph {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** A graph of these nodes, everything else to be set by the engine. */
    public static TaskGraph of(String name, List<TaskGraphNode> nodes) {
        return new TaskGraph(null, null, null, name, null, nodes, null, null, null, "batch");
    }

    public TaskGraph withParallelism(long value) {
        return new TaskGraph(
                uuid, namespace, createdBy, name, createdAt, nodes, value, retryStrategy, deadline, taskGraphType);
    }

    TaskGraph registered(String id, String ns, String by, String at) {
        return new TaskGraph(
                id,
                ns,
                by,
                name,
                at,
                nodes,
                parallelism,
                retryStrategy,
                deadline,
                taskGraphType == null ? "batch" : taskGraphType);
    }
}
