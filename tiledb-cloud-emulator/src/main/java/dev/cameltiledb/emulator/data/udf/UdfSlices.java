package dev.cameltiledb.emulator.data.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.emulator.data.EngineException;

/** Array slices in a UDF's arguments: the {@code udf_array_details} sentinels, found, completed and written. */
final class UdfSlices {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UdfSlices() {}

    /** The sentinel that hands a slice to the function as an argument. */
    static JsonNode sentinel(UdfArrayDetails details) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("__tdbudf__", "udf_array_details");
        s.set("udf_array_details", MAPPER.valueToTree(details));
        return s;
    }

    /** The details a sentinel carries. */
    static UdfArrayDetails details(JsonNode sentinel) {
        try {
            return MAPPER.treeToValue(sentinel.path("udf_array_details"), UdfArrayDetails.class);
        } catch (JsonProcessingException e) {
            throw EngineException.badRequest(
                    "an array argument (udf_array_details) is malformed: " + e.getOriginalMessage());
        }
    }

    /**
     * Completes the sentinels of the arguments: one that gives only a {@code parameter_id} takes the entry of
     * {@code arrays} with that id (the Python client lists the arrays there and refers to them).
     */
    static JsonNode complete(JsonNode value, List<UdfArrayDetails> arrays) {
        if (value == null) {
            return null;
        }
        if (value.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = MAPPER.createArrayNode();
            value.forEach(v -> out.add(complete(v, arrays)));
            return out;
        }
        if (!value.isObject()) {
            return value;
        }
        String kind = value.path("__tdbudf__").asText("");
        if (kind.equals("raw_json") || kind.equals("immediate")) {
            return value;
        }
        if (kind.equals("udf_array_details")) {
            UdfArrayDetails d = details(value);
            if (d.uri() == null && d.parameterId() != null) {
                UdfArrayDetails listed = arrays.stream()
                        .filter(a -> d.parameterId().equals(a.parameterId()))
                        .findFirst()
                        .orElseThrow(() -> EngineException.badRequest("an array argument refers to parameter_id "
                                + d.parameterId() + ", which no entry of arrays has"));
                return sentinel(listed);
            }
            if (d.uri() == null) {
                throw EngineException.badRequest("an array argument (udf_array_details) has no uri");
            }
            return value;
        }
        ObjectNode out = MAPPER.createObjectNode();
        value.fields().forEachRemaining(e -> out.set(e.getKey(), complete(e.getValue(), arrays)));
        return out;
    }

    /** The URIs of every slice in the values. */
    static List<String> uris(List<JsonNode> values) {
        List<String> uris = new ArrayList<>();
        values.forEach(v -> collect(v, uris));
        return uris;
    }

    private static void collect(JsonNode value, List<String> uris) {
        if (value == null) {
            return;
        }
        if (value.isObject()
                && "udf_array_details".equals(value.path("__tdbudf__").asText())) {
            String uri = details(value).uri();
            if (!uris.contains(uri)) {
                uris.add(uri);
            }
            return;
        }
        if (value.isObject() && "raw_json".equals(value.path("__tdbudf__").asText())) {
            return;
        }
        value.forEach(v -> collect(v, uris));
    }

    /**
     * The deprecated {@code UDFSubarray} ({@code {"layout", "ranges": [{"dimension_id", "range_start": {"int32": 1},
     * "range_end": {...}}]}}) as {@code QueryRanges}.
     */
    static dev.cameltiledb.emulator.data.query.QueryRanges fromSubarray(JsonNode subarray) {
        Map<Integer, List<Object>> byDimension = new LinkedHashMap<>();
        int dims = 0;
        for (JsonNode r : subarray.path("ranges")) {
            int d = r.path("dimension_id").asInt(0);
            dims = Math.max(dims, d + 1);
            List<Object> list = byDimension.computeIfAbsent(d, k -> new ArrayList<>());
            list.add(oneValue(r.path("range_start")));
            list.add(oneValue(r.path("range_end")));
        }
        List<List<Object>> ranges = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            ranges.add(byDimension.getOrDefault(d, List.of()));
        }
        String layout =
                subarray.path("layout").isTextual() ? subarray.path("layout").asText() : null;
        return new dev.cameltiledb.emulator.data.query.QueryRanges(layout, ranges);
    }

    private static Object oneValue(JsonNode typed) {
        JsonNode v = typed.isObject() && typed.size() == 1 ? typed.elements().next() : typed;
        return MAPPER.convertValue(v, Object.class);
    }
}
