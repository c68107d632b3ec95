package dev.cameltiledb.emulator.state;

import com.fasterxml.jackson.core.JsonProcessingException;
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
