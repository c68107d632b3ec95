package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A task graph stored under a name for others to run ({@code RegisteredTaskGraph}).
 *
 * @param name  unique in its namespace
 * @param nodes topologically sorted, as in a {@link TaskGraph}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegisteredTaskGraph(
        String uuid,
        String namespace,
        String name,
        String readme,
        String licenseId,
        String licenseText,
        List<String> tags,
        List<TaskGraphNode> nodes) {

    /** A graph of {@code nodes} to register as {@code name}. */
    public static RegisteredTaskGraph of(String name, List<TaskGraphNode> nodes) {
        return new RegisteredTaskGraph(null, null, name, null, null, null, null, List.copyOf(nodes));
    }
}
