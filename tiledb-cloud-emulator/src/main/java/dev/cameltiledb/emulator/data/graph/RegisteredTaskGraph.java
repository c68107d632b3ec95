package dev.cameltiledb.emulator.data.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The spec's {@code RegisteredTaskGraph} ({@code /v1/taskgraphs/{namespace}/registered/{name}}): a graph kept under a
 * name unique in its namespace, with its description, to be run later.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredTaskGraph(
        String uuid,
        String namespace,
        String name,
        String readme,
        String licenseId,
        String licenseText,
        List<String> tags,
        List<TaskGraphNode> nodes) {

    /** The registration as kept: the engine's uuid, the path's namespace and name. */
    RegisteredTaskGraph at(String id, String ns, String graphName) {
        return new RegisteredTaskGraph(id, ns, graphName, readme, licenseId, licenseText, tags, nodes);
    }

    /** This registration with the fields {@code update} gives replaced. */
    RegisteredTaskGraph updatedBy(RegisteredTaskGraph update) {
        return new RegisteredTaskGraph(
                uuid,
                namespace,
                name,
                update.readme() != null ? update.readme() : readme,
                update.licenseId() != null ? update.licenseId() : licenseId,
                update.licenseText() != null ? update.licenseText() : licenseText,
                update.tags() != null ? update.tags() : tags,
                update.nodes() != null ? update.nodes() : nodes);
    }
}
