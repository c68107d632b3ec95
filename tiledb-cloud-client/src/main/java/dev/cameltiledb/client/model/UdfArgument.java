package dev.cameltiledb.client.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One argument of a UDF ({@code TGUDFArgument}): positional without a name, named with one; positional ones come
 * first. The value is plain JSON, or holds TileDB sentinels such as {@link #nodeOutput} (the output of another node of
 * a task graph). A map of the caller's own that has a {@code __tdbudf__} key is sent escaped, as TileDB's Python client
 * does, so that the service does not take it for a sentinel.
 *
 * @param name  the parameter's name; null for a positional argument
 * @param value the value ({@code TGArgValue})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UdfArgument(
        @JsonInclude(JsonInclude.Include.NON_NULL) String name, Object value) {

    /** The key that marks a sentinel object in a {@code TGArgValue}. */
    public static final String SENTINEL = "__tdbudf__";

    /** A sentinel made on purpose ({@link #nodeOutput}): sent as the map it holds, never escaped. */
    public record Sentinel(@JsonValue Map<String, Object> json) {}

    public static UdfArgument positional(Object value) {
        return new UdfArgument(null, encoded(value));
    }

    public static UdfArgument named(String name, Object value) {
        return new UdfArgument(name, encoded(value));
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
    public static Sentinel nodeOutput(String clientNodeId) {
        return new Sentinel(Map.of(SENTINEL, "node_output", "client_node_id", clientNodeId));
    }

    /**
     * {@code value} in TileDB's JSON encoding: a map with a {@code __tdbudf__} key of its own goes as
     * {@code {"__tdbudf__": "__escape__", "__escape__": map}}; sentinels made on purpose as they are.
     */
    private static Object encoded(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), encoded(v)));
            return map.containsKey(SENTINEL) ? Map.of(SENTINEL, "__escape__", "__escape__", copy) : copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(encoded(v)));
            return copy;
        }
        return value;
    }
}
