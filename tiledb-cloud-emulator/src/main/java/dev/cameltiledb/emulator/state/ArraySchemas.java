package dev.cameltiledb.emulator.state;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Schemas for arrays whose real schema the emulator cannot read from storage (registered or seeded ones). */
public final class ArraySchemas {

    private static final String DEFAULT = """
            {"version":[1,3,0],"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major",
             "capacity":10000,"coordsFilterPipeline":{"filters":[]},"offsetFilterPipeline":{"filters":[]},
             "domain":{"type":"INT32","tileOrder":"row-major","cellOrder":"row-major","dimensions":[
               {"name":"rows","type":"INT32","domain":{"int32":[1,100]},"nullTileExtent":false,
                "tileExtent":{"int32":10},"filterPipeline":{"filters":[]}}]},
             "attributes":[{"name":"value","type":"INT32","filterPipeline":{"filters":[]},"cellValNum":1,
                            "nullable":false}],
             "allowsDuplicates":false}""";

    /** The notebook layout of the Python client: a dense 1-D UINT64 array of UINT8 bytes, ZSTD-compressed. */
    private static final String NOTEBOOK = """
            {"version":[1,3,0],"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major",
             "capacity":10000,"coordsFilterPipeline":{"filters":[]},"offsetFilterPipeline":{"filters":[]},
             "domain":{"type":"UINT64","tileOrder":"row-major","cellOrder":"row-major","dimensions":[
               {"name":"position","type":"UINT64","domain":{"uint64":[0,18446744073709550590]},"nullTileExtent":false,
                "tileExtent":{"uint64":1024},"filterPipeline":{"filters":[{"type":"FILTER_ZSTD","data":{"int32":-1}}]}}]},
             "attributes":[{"name":"contents","type":"UINT8","cellValNum":1,"nullable":false,
                            "filterPipeline":{"filters":[{"type":"FILTER_ZSTD","data":{"int32":-1}}]}}],
             "allowsDuplicates":false}""";

    private ArraySchemas() {}

    /** A dense 1-D INT32 array of 100 cells with one INT32 attribute, stored at {@code uri}. */
    public static ObjectNode defaultFor(ObjectMapper mapper, String uri) {
        return parse(mapper, DEFAULT, uri);
    }

    /**
     * Fills in what the service fills in for a schema that leaves it out (a create's body, a seed's schema), so every
     * schema the emulator answers has the fields the ArraySchema, Attribute and Dimension models require: a version,
     * orders (of the schema and of its domain), capacity, empty filter pipelines, one value per cell, the domain's type,
     * and whether a dimension has a tile extent.
     */
    public static void fillDefaults(ObjectNode schema) {
        if (!schema.has("version")) {
            schema.putArray("version").add(1).add(3).add(0);
        }
        schema.putIfAbsent("tileOrder", schema.textNode("row-major"));
        schema.putIfAbsent("cellOrder", schema.textNode("row-major"));
        schema.putIfAbsent("capacity", schema.numberNode(10000));
        schema.putIfAbsent("coordsFilterPipeline", emptyPipeline(schema));
        schema.putIfAbsent("offsetFilterPipeline", emptyPipeline(schema));
        for (JsonNode attribute : schema.path("attributes")) {
            if (attribute instanceof ObjectNode a) {
                a.putIfAbsent("filterPipeline", emptyPipeline(schema));
                a.putIfAbsent("cellValNum", a.numberNode(1));
            }
        }
        if (schema.get("domain") instanceof ObjectNode domain) {
            domain.putIfAbsent("tileOrder", schema.get("tileOrder"));
            domain.putIfAbsent("cellOrder", schema.get("cellOrder"));
            if (!domain.has("type")) {
                // the dimensions' type when they share one, else ANY, as TileDB gives a heterogeneous domain's
                Set<String> types = new TreeSet<>();
                domain.path("dimensions").forEach(d -> types.add(d.path("type").asText()));
                domain.put("type", types.size() == 1 ? types.iterator().next() : "ANY");
            }
        }
        for (JsonNode dimension : schema.path("domain").path("dimensions")) {
            if (dimension instanceof ObjectNode d) {
                d.putIfAbsent("nullTileExtent", d.booleanNode(!d.hasNonNull("tileExtent")));
            }
        }
    }

    private static ObjectNode emptyPipeline(ObjectNode near) {
        ObjectNode pipeline = near.objectNode();
        pipeline.putArray("filters");
        return pipeline;
    }

    public static ObjectNode notebook(ObjectMapper mapper, String uri) {
        return parse(mapper, NOTEBOOK, uri);
    }

    private static ObjectNode parse(ObjectMapper mapper, String json, String uri) {
        try {
            ObjectNode schema = (ObjectNode) mapper.readTree(json);
            schema.put("uri", uri);
            return schema;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the built-in schema is not valid JSON", e);
        }
    }
}
