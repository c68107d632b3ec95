package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A task graph the service runs by itself ({@code TaskGraph}): nodes of SQL, UDFs, array slices and inputs, each
 * after the nodes it depends on. Created once, then submitted for each execution ({@link TaskGraphLog}). The server
 * sets {@code uuid}, {@code createdBy} and {@code createdAt}.
 *
 * @param nodes          topologically sorted: each after every node it depends on
 * @param parallelism    the most nodes running at once
 * @param retryStrategy  how failed nodes are retried
 * @param deadline       seconds the whole graph may run (the service's default is a day)
 * @param taskGraphType  {@code batch} (run by the service) or {@code realtime} (run by a client)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskGraph(
        String uuid,
        String namespace,
        String createdBy,
        String name,
        Instant createdAt,
        List<TaskGraphNode> nodes,
        Long parallelism,
        RetryStrategy retryStrategy,
        Long deadline,
        String taskGraphType) {

    /** A graph of {@code nodes} named {@code name}, run by the service ({@code batch}). */
    public static TaskGraph batch(String name, List<TaskGraphNode> nodes) {
        return new TaskGraph(null, null, null, name, null, List.copyOf(nodes), null, null, null, "batch");
    }
}
