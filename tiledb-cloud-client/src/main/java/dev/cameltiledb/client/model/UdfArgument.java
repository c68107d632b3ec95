package dev.cameltiledb.client.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One argument of a UDF ({@code TGUDFArgument}): positional without a name, named with one; positional ones come
 * first. The value is plain JSON, or a TileDB sentinel object (a key {@code __tdbudf__}) such as
 * {@link #nodeOutput}: the output of another node of a task graph.
 *
 * @param name  the parameter's name; null for a positional argument
 * @param value the value ({@code TGArgValue})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UdfArgument(
        @JsonInclude(JsonInclude.Include.NON_NULL) String name, Object value) {

    /** The key that marks a sentinel object in a {@code TGArgValue}. */
    public static final String SENTINEL = "__tdbudf__";

    public static UdfArgument positional(Object value) {
        return new UdfArgument(null, escaped(value));
    }

    public static UdfArgument named(String name, Object value) {
        return new UdfArgument(name, escaped(value));
    }

    /**
     * The arguments {@code values} stands for: each item of a {@link List} positional, each entry of a {@link Map}
     * named, anything else one positional argument, null none at all.
     */
    public static List<UdfArgument> of(Object values) {
        List<UdfArgument> arguments = new ArrayList<>();
        if (values instanceof Collection<?> list) {
            list.forEach(v -> arguments.add(positional(v)));
        } else if (values instanceof Map<?, ?> map) {
            map.forEach((k, v) -> arguments.add(named(String.valueOf(k), v)));
        } else if (values != null) {
            arguments.add(positional(values));
        }
        return arguments;
    }

    /** The output of node {@code clientNodeId} of the same task graph, passed in when it has run. */
    public static Map<String, Object> nodeOutput(String clientNodeId) {
        return Map.of(SENTINEL, "node_output", "client_node_id", clientNodeId);
    }

    /**
     * A plain JSON value that holds an object with a {@code __tdbudf__} key would be read as a sentinel: such a value
     * goes wrapped as {@code raw_json}, which the service passes on as it is (as TileDB's Python client does).
     */
    private static Object escaped(Object value) {
        return holdsSentinelKey(value) ? Map.of(SENTINEL, "raw_json", "raw_json", value) : value;
    }

    private static boolean holdsSentinelKey(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.containsKey(SENTINEL) || map.values().stream().anyMatch(UdfArgument::holdsSentinelKey);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(UdfArgument::holdsSentinelKey);
        }
        return false;
    }
}
