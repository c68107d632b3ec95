package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One node of a {@link TaskGraph} or {@link RegisteredTaskGraph} ({@code TaskGraphNode}): exactly one of an array
 * slice, an input value, SQL or a UDF. A UDF takes another node's output as an argument with
 * {@link UdfArgument#nodeOutput}; it must then depend on that node.
 *
 * @param clientNodeId     the node's id, chosen by the client (a UUID); what {@code dependsOn} refers to
 * @param name             unique within the graph when given
 * @param dependsOn        the ids of the nodes that must run first
 * @param arrayNode        an array slice, passed to the UDFs that depend on it
 * @param inputNode        a parameter of the graph
 * @param sqlNode          SQL to run
 * @param udfNode          a UDF to run
 * @param retryStrategy    how this node is retried
 * @param expandNodeOutput the id of a node whose JSON list output makes one task of this node per item
 * @param deadline         seconds the node may run
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskGraphNode(
        String clientNodeId,
        String name,
        List<String> dependsOn,
        UdfArrayDetails arrayNode,
        InputNodeData inputNode,
        SqlNodeData sqlNode,
        UdfNodeData udfNode,
        RetryStrategy retryStrategy,
        String expandNodeOutput,
        Long deadline) {

    public TaskGraphNode {
        dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
    }

    public static TaskGraphNode sql(String id, String name, SqlNodeData sql, List<String> dependsOn) {
        return new TaskGraphNode(id, name, dependsOn, null, null, sql, null, null, null, null);
    }

    public static TaskGraphNode udf(String id, String name, UdfNodeData udf, List<String> dependsOn) {
        return new TaskGraphNode(id, name, dependsOn, null, null, null, udf, null, null, null);
    }

    public static TaskGraphNode array(String id, String name, UdfArrayDetails array) {
        return new TaskGraphNode(id, name, List.of(), array, null, null, null, null, null, null);
    }

    public static TaskGraphNode input(String id, String name, InputNodeData input) {
        return new TaskGraphNode(id, name, List.of(), null, input, null, null, null, null, null);
    }
}
