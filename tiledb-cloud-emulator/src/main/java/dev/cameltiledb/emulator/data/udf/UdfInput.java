package dev.cameltiledb.emulator.data.udf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.ResultFormat;
import dev.cameltiledb.emulator.data.cells.CellSnapshot;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.query.ColumnsWriter;
import dev.cameltiledb.emulator.data.query.QueryRanges;

/**
 * The request {@code udf_runner.py} reads on stdin: the code, the result format, and the arguments as TileDB JSON,
 * with what only the engine can give filled in as it is written: an array slice ({@code udf_array_details}) becomes
 * the slice's columns, a {@code node_output} the earlier node's result. Written straight to the process, so a large
 * slice is never held.
 */
final class UdfInput implements PythonProcess.Input {

    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    private final String source;
    private final String pickle;
    private final ResultFormat format;
    private final List<JsonNode> positional;
    private final Map<String, JsonNode> named;
    private final CellStore cells;
    /** The arrays the slices name, readable by the caller (checked before the process starts). */
    private final Map<String, ArrayEntry> arrays;

    private final NodeOutputs outputs;

    UdfInput(
            String source,
            String pickle,
            ResultFormat format,
            List<JsonNode> positional,
            Map<String, JsonNode> named,
            CellStore cells,
            Map<String, ArrayEntry> arrays,
            NodeOutputs outputs) {
        this.source = source;
        this.pickle = pickle;
        this.format = format;
        this.positional = positional;
        this.named = named;
        this.cells = cells;
        this.arrays = arrays;
        this.outputs = outputs;
    }

    @Override
    public void write(OutputStream stdin) throws IOException {
        try (CellSnapshot snapshot = arrays.isEmpty() ? null : cells.snapshot();
                JsonGenerator json = FACTORY.createGenerator(stdin, JsonEncoding.UTF8)) {
            json.writeStartObject();
            if (source != null) {
                json.writeStringField("source", source);
            } else {
                json.writeStringField("pickle", pickle);
            }
            json.writeStringField("result_format", format.wire());
            json.writeArrayFieldStart("args");
            for (JsonNode v : positional) {
                value(json, v, snapshot);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("kwargs");
            for (Map.Entry<String, JsonNode> e : named.entrySet()) {
                json.writeFieldName(e.getKey());
                value(json, e.getValue(), snapshot);
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private void value(JsonGenerator json, JsonNode v, CellSnapshot snapshot) throws IOException {
        if (v.isArray()) {
            json.writeStartArray();
            for (JsonNode item : v) {
                value(json, item, snapshot);
            }
            json.writeEndArray();
            return;
        }
        if (!v.isObject()) {
            json.writeTree(v);
            return;
        }
        String kind = v.path("__tdbudf__").asText(null);
        if (kind == null || kind.equals("__escape__")) {
            JsonNode fields = kind == null ? v : v.path("__escape__");
            json.writeStartObject();
            if (kind != null) {
                json.writeStringField("__tdbudf__", "__escape__");
                json.writeObjectFieldStart("__escape__");
            }
            Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                json.writeFieldName(e.getKey());
                value(json, e.getValue(), snapshot);
            }
            if (kind != null) {
                json.writeEndObject();
            }
            json.writeEndObject();
            return;
        }
        switch (kind) {
            case "udf_array_details": {
                UdfArrayDetails details = UdfSlices.details(v);
                ArrayEntry array = arrays.get(details.uri());
                QueryRanges ranges = details.ranges() == null ? new QueryRanges(null, null) : details.ranges();
                json.writeStartObject();
                json.writeStringField("__tdbudf__", "raw_json");
                json.writeFieldName("raw_json");
                ColumnsWriter.write(
                        json, snapshot, array, cells.schema(array), ranges.toQuery(details.buffers(), null, null));
                json.writeEndObject();
                return;
            }
            case "node_output":
                json.writeTree(outputs.output(v.path("client_node_id").asText()));
                return;
            default:
                // raw_json, immediate and the like: the runner decodes them
                json.writeTree(v);
        }
    }
}
