package dev.cameltiledb.emulator.data.udf;

import com.fasterxml.jackson.databind.JsonNode;

/** The results of a task graph's earlier nodes, as TileDB JSON values (what a {@code node_output} argument becomes). */
public interface NodeOutputs {

    /** The output of the node with that client id; an {@code EngineException} when there is none. */
    JsonNode output(String clientNodeId);

    /** Outside a task graph: a {@code node_output} argument is a 400. */
    NodeOutputs NONE = id -> {
        throw dev.cameltiledb.emulator.data.EngineException.badRequest(
                "an argument refers to the output of node " + id + "; node outputs exist only in a task graph");
    };
}
