package dev.cameltiledb.emulator.data.cells;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.EngineException;

/** Cells given as JSON, columns or rows, as a {@link CellBatch}. */
final class CellSeeds {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CellSeeds() {}

    static CellBatch batch(String uri, JsonNode cells) {
        if (cells != null && cells.isObject()) {
            Map<String, List<Object>> columns = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = cells.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isArray()) {
                    throw EngineException.badRequest("the cells for " + uri + " give " + e.getKey() + " as "
                            + e.getValue().getNodeType() + "; columns are arrays of values");
                }
                List<Object> values = new ArrayList<>(e.getValue().size());
                e.getValue().forEach(v -> values.add(value(v)));
                columns.put(e.getKey(), values);
            }
            try {
                return CellBatch.ofColumns(columns);
            } catch (IllegalArgumentException e) {
                throw EngineException.badRequest("the cells for " + uri + ": " + e.getMessage());
            }
        }
        if (cells != null && cells.isArray()) {
            List<Map<String, Object>> rows = new ArrayList<>(cells.size());
            int i = 0;
            for (JsonNode row : cells) {
                if (!row.isObject()) {
                    throw EngineException.badRequest(
                            "cell " + i + " for " + uri + " is " + row.getNodeType() + "; a cell is an object");
                }
                Map<String, Object> cell = new LinkedHashMap<>();
                row.fields().forEachRemaining(e -> cell.put(e.getKey(), value(e.getValue())));
                rows.add(cell);
                i++;
            }
            return CellBatch.ofRows(rows);
        }
        throw EngineException.badRequest("the cells for " + uri
                + " must be an object of columns ({\"dim\": [...], \"attr\": [...]}) or an array of cells");
    }

    private static Object value(JsonNode v) {
        return v.isNull() ? null : MAPPER.convertValue(v, Object.class);
    }
}
