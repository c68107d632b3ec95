package dev.cameltiledb.emulator.data.graph;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.emulator.data.udf.UdfArgument;

/**
 * The spec's {@code TaskGraphNode}: its client id, name, the client ids it depends on, and one of an input (a value),
 * an SQL statement or a UDF. A {@code node_output} argument or parameter ({@code {"__tdbudf__": "node_output",
 * "client_node_id": ...}}) is the output of a node it depends on.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskGraphNode(
        String clientNodeId,
        String name,
        List<String> dependsOn,
        JsonNode arrayNode,
        InputNode inputNode,
        SqlNode sqlNode,
        UdfNode udfNode) {

    public TaskGraphNode {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** The spec's {@code TGInputNodeData}: the value the node outputs. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputNode(JsonNode defaultValue, String datatype) {}

    /** The spec's {@code TGSQLNodeData}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SqlNode(
            List<String> initCommands,
            String query,
            List<JsonNode> parameters,
            String resultFormat,
            String namespace) {}

    /** The spec's {@code TGUDFNodeData}: a registered UDF or code (Python source as {@code source_text}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UdfNode(
            String registeredUdfName,
            String executableCode,
            String sourceText,
            Environment environment,
            List<UdfArgument> arguments,
            String resultFormat) {}

    /** The spec's {@code TGUDFEnvironment}, the fields the engine uses. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Environment(
            String language, String languageVersion, String imageName, String namespace, Integer timeout) {}

    public static TaskGraphNode input(String id, JsonNode value) {
        return new TaskGraphNode(id, id, List.of(), null, new InputNode(value, null), null, null);
    }

    public static TaskGraphNode sql(String id, String query, List<JsonNode> parameters, String... dependsOn) {
        return new TaskGraphNode(
                id, id, List.of(dependsOn), null, null, new SqlNode(null, query, parameters, "json", null), null);
    }

    public static TaskGraphNode udf(String id, String source, List<UdfArgument> arguments, String... dependsOn) {
        return new TaskGraphNode(
                id, id, List.of(dependsOn), null, null, null, new UdfNode(null, null, source, null, arguments, "json"));
    }
}
