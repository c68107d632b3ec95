package dev.cameltiledb.emulator.data.cells;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.EngineException;

/**
 * Cells given as JSON, columns or rows, as a {@link CellBatch}; and the cells a seed file gives its arrays: each entry
 * of {@code arrays} may carry {@code cells} (columns {@code {"dim": [...], "attr": [...]}} or rows
 * {@code [{"dim": 1, "attr": 2}, ...]}) and {@code cells_timestamp} (epoch ms of the fragment; none: now).
 */
public final class CellSeeds {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CellSeeds() {}

    /**
     * Writes the cells the seed file's {@code arrays} entries give, one fragment per array, after the emulator has
     * registered the arrays; answers how many arrays got cells. A 400 names the entry whose cells do not fit its
     * schema or whose array is not registered.
     */
    public static int seedFile(CellStore store, JsonNode seed) {
        int seeded = 0;
        int i = 0;
        for (JsonNode entry : seed.path("arrays")) {
            JsonNode cells = entry.get("cells");
            if (cells != null && !cells.isNull()) {
                String namespace = entry.path("namespace").asText();
                String name = entry.path("name").asText();
                JsonNode at = entry.get("cells_timestamp");
                Long timestamp = at == null || at.isNull() ? null : at.asLong();
                try {
                    store.seed(namespace, name, cells, timestamp);
                } catch (EngineException e) {
                    throw EngineException.badRequest(
                            "seed arrays[" + i + "] (" + namespace + "/" + name + "): " + e.getMessage());
                }
                seeded++;
            }
            i++;
        }
        return seeded;
    }

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
