package dev.cameltiledb.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellInput;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.testing.NodeScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our client against an independent implementation of the query protocol, TileDB's JavaScript client 1.0.8
 * ({@code TileDBQuery}, pure JavaScript), both through the emulator: what JavaScript writes, Java reads, and what
 * Java writes, JavaScript reads in several pages (a small {@code bufferSize}), every cell compared, dense and sparse.
 * Runs with the {@code js-compat} profile (node and npm needed), as the emulator's {@code JsClientCompatTest} does.
 */
@Tag("server")
@EnabledIfSystemProperty(named = "tiledb.jsCompat", matches = "true")
class JsCellsCrossCheckTest {

    private static final String KEY = "js-cells-key";
    private static final String NS = "cross";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SPARSE = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,"allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[{"name":"id","type":"INT64","domain":{"int64":[0,100000]},
               "nullTileExtent":false,"tileExtent":{"int64":100}}]},
             "attributes":[
               {"name":"n","type":"INT32","cellValNum":1,"nullable":false},
               {"name":"big","type":"INT64","cellValNum":1,"nullable":false},
               {"name":"f","type":"FLOAT64","cellValNum":1,"nullable":false},
               {"name":"f32","type":"FLOAT32","cellValNum":1,"nullable":false},
               {"name":"u8","type":"UINT8","cellValNum":1,"nullable":false},
               {"name":"s","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false},
               {"name":"maybe","type":"INT32","cellValNum":1,"nullable":true},
               {"name":"at","type":"DATETIME_MS","cellValNum":1,"nullable":false}]}""";

    private static final String DENSE = """
            {"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "domain":{"type":"INT32","dimensions":[
               {"name":"r","type":"INT32","domain":{"int32":[1,4]},"nullTileExtent":false,"tileExtent":{"int32":2}},
               {"name":"c","type":"INT32","domain":{"int32":[1,6]},"nullTileExtent":false,"tileExtent":{"int32":3}}]},
             "attributes":[{"name":"v","type":"FLOAT64","cellValNum":1,"nullable":false},
                           {"name":"i","type":"INT64","cellValNum":1,"nullable":false}]}""";

    private static TileDBEmulator emulator;
    private static NodeScript js;

    @BeforeAll
    static void start() throws IOException {
        List<Seed.SeedArray> arrays = new ArrayList<>();
        for (String[] a : new String[][] {
            {"js-sparse", SPARSE}, {"js-dense", DENSE}, {"java-sparse", SPARSE}, {"java-dense", DENSE}
        }) {
            arrays.add(new Seed.SeedArray(NS, a[0], null, null, null, null, null, null, null)
                    .withCells(JSON.readTree(a[1]), null, null));
        }
        emulator = TileDBEmulator.builder()
                .user("jo", KEY)
                .seed(new Seed(null, List.of(new Organization(NS, Map.of("jo", "owner"))), arrays))
                .build()
                .start();
        js = NodeScript.install(
                Path.of("target", "js-cells").toAbsolutePath(),
                "@tiledb-inc/tiledb-cloud@1.0.8",
                "@tiledb-inc/tiledb-cloud",
                Path.of("src", "test", "js", "cells.mjs"));
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    private static TileDBClient client() {
        return new TileDBClient(ClientSettings.builder()
                .host(emulator.url())
                .credentials(new Credentials.ApiKey(KEY, "test"))
                .retryPolicy(RetryPolicy.NONE)
                .build());
    }

    /**
     * Sparse cells as columns. {@code unicode}: strings beyond ASCII. TileDB's JavaScript reader splits strings by
     * byte offsets counted as characters, so it garbles multi-byte UTF-8 ("cell ☃ 1" reads back as "cell ☃ 1ce"):
     * what it reads is checked with ASCII strings; what it writes (byte offsets from TextEncoder) with any.
     */
    private static Map<String, List<Object>> sparseColumns(int n, boolean unicode) {
        Map<String, List<Object>> c = new LinkedHashMap<>();
        for (String name : List.of("id", "n", "big", "f", "f32", "u8", "s", "maybe", "at")) {
            c.put(name, new ArrayList<>());
        }
        for (int k = 0; k < n; k++) {
            c.get("id").add((long) k * 7);
            c.get("n").add(k * 31 - 1000);
            c.get("big").add(k * 1_000_000L - 5);
            c.get("f").add(k / 8.0);
            c.get("f32").add(k / 4.0f);
            c.get("u8").add(k % 256);
            c.get("s").add(k % 9 == 0 ? "" : (unicode ? "cell ☃ " : "cell ") + k);
            c.get("maybe").add(k % 5 == 0 ? null : k);
            c.get("at").add(1_700_000_000_000L + k);
        }
        return c;
    }

    private static Map<String, List<Object>> denseColumns() {
        Map<String, List<Object>> c = new LinkedHashMap<>();
        c.put("r", new ArrayList<>());
        c.put("c", new ArrayList<>());
        c.put("v", new ArrayList<>());
        c.put("i", new ArrayList<>());
        for (int r = 1; r <= 4; r++) {
            for (int col = 1; col <= 6; col++) {
                c.get("r").add(r);
                c.get("c").add(col);
                c.get("v").add(r + col / 4.0);
                c.get("i").add(r * 1000L + col);
            }
        }
        return c;
    }

    /** What our client reads, as columns of boxed values. */
    private static Map<String, List<Object>> javaRead(String array) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        try (TileDBClient client = client()) {
            ArrayCells schema = client.cells().schema(NS, array);
            try (CellPages pages = client.cells().read(NS, array, schema, CellRead.all())) {
                pages.forEachRemaining(p -> {
                    for (int i = 0; i < p.size(); i++) {
                        p.row(i)
                                .forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>())
                                        .add(v));
                    }
                });
            }
        }
        return out;
    }

    /** What the JavaScript client reads, pages joined, and how many pages it took. */
    private static Map<String, List<JsonNode>> jsRead(String array, String ranges, int[] pages) throws IOException {
        String out = js.run(
                emulator.url(),
                KEY,
                "read",
                NS,
                array,
                "{\"layout\":\"row-major\",\"ranges\":" + ranges + ",\"bufferSize\":4000}");
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{\"page\"")) {
                pages[0]++;
                JSON.readTree(line).get("page").fields().forEachRemaining(e -> {
                    List<JsonNode> col = columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    e.getValue().forEach(col::add);
                });
            }
        }
        return columns;
    }

    private static void assertCellsEqual(Map<String, List<Object>> expected, Map<String, List<Object>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name).size(), actual.get(name).size(), name);
            for (int i = 0; i < expected.get(name).size(); i++) {
                assertSame(name, i, expected.get(name).get(i), actual.get(name).get(i));
            }
        }
    }

    private static void assertSame(String name, int i, Object expected, Object actual) {
        if (expected == null || actual == null || actual instanceof JsonNode j && j.isNull()) {
            assertTrue(
                    expected == null && (actual == null || ((JsonNode) actual).isNull()),
                    name + "[" + i + "]: expected " + expected + ", was " + actual);
        } else if (expected instanceof Number e) {
            BigDecimal a = actual instanceof JsonNode j
                    ? (j.isNumber() ? j.decimalValue() : new BigDecimal(j.asText()))
                    : new BigDecimal(actual.toString());
            assertEquals(0, new BigDecimal(e.toString()).compareTo(a), name + "[" + i + "]: " + e + " vs " + actual);
        } else {
            assertEquals(expected, actual instanceof JsonNode j ? j.asText() : actual, name + "[" + i + "]");
        }
    }

    @Test
    void whatJavaScriptWritesJavaReadsCellForCell() throws IOException {
        Map<String, List<Object>> sparse = sparseColumns(200, true);
        js.run(
                emulator.url(),
                KEY,
                "write",
                NS,
                "js-sparse",
                JSON.writeValueAsString(Map.of("layout", "unordered", "columns", sparse)));
        assertCellsEqual(sparse, javaRead("js-sparse"));

        Map<String, List<Object>> dense = denseColumns();
        Map<String, List<Object>> values = new LinkedHashMap<>(dense);
        values.remove("r");
        values.remove("c");
        js.run(
                emulator.url(),
                KEY,
                "write",
                NS,
                "js-dense",
                JSON.writeValueAsString(Map.of(
                        "layout", "row-major", "subarray", List.of(List.of(1, 4), List.of(1, 6)), "columns", values)));
        assertCellsEqual(dense, javaRead("js-dense"));
    }

    @Test
    void whatJavaWritesJavaScriptReadsInPagesCellForCell() throws IOException {
        Map<String, List<Object>> sparse = sparseColumns(300, false);
        try (TileDBClient client = client()) {
            ArrayCells schema = client.cells().schema(NS, "java-sparse");
            client.cells().write(NS, "java-sparse", schema, CellInput.columns(schema, sparse), null);
            ArrayCells grid = client.cells().schema(NS, "java-dense");
            client.cells().write(NS, "java-dense", grid, CellInput.columns(grid, denseColumns()), null);
        }
        int[] pages = {0};
        Map<String, List<JsonNode>> read = jsRead("java-sparse", "[[0, 100000]]", pages);
        assertTrue(pages[0] > 3, "4000-byte pages of 300 cells: " + pages[0]);
        assertCellsEqual(sparse, asObjects(read));

        int[] densePages = {0};
        assertCellsEqual(denseColumns(), asObjects(jsRead("java-dense", "[[1, 4], [1, 6]]", densePages)));
    }

    private static Map<String, List<Object>> asObjects(Map<String, List<JsonNode>> columns) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }
}
