package dev.cameltiledb.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.CellInput;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.client.cells.CellWrite;
import dev.cameltiledb.client.cells.WrittenFragment;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.testing.CuttingRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cells written and read back through the emulator over the REST query protocol, every cell compared: every
 * supported datatype, dense and sparse, every layout, pages of a small buffer, time travel, bad input refused before a
 * request, and connections dropped mid-read (the page is asked for again) and mid-write (nothing applied, or applied
 * once).
 */
@Tag("server")
class CellsApiTest {

    private static final String KEY = "cells-key";
    private static final String NS = "lab";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TYPED = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,"allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[{"name":"id","type":"INT64","domain":{"int64":[0,1000000]},
               "nullTileExtent":false,"tileExtent":{"int64":1000}}]},
             "attributes":[
               {"name":"i8","type":"INT8","cellValNum":1,"nullable":false},
               {"name":"u8","type":"UINT8","cellValNum":1,"nullable":false},
               {"name":"i16","type":"INT16","cellValNum":1,"nullable":false},
               {"name":"u16","type":"UINT16","cellValNum":1,"nullable":false},
               {"name":"i32","type":"INT32","cellValNum":1,"nullable":false},
               {"name":"u32","type":"UINT32","cellValNum":1,"nullable":false},
               {"name":"i64","type":"INT64","cellValNum":1,"nullable":false},
               {"name":"f32","type":"FLOAT32","cellValNum":1,"nullable":false},
               {"name":"f64","type":"FLOAT64","cellValNum":1,"nullable":false},
               {"name":"utf8","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false},
               {"name":"ascii","type":"STRING_ASCII","cellValNum":4294967295,"nullable":false},
               {"name":"at","type":"DATETIME_MS","cellValNum":1,"nullable":false},
               {"name":"day","type":"DATETIME_DAY","cellValNum":1,"nullable":false},
               {"name":"maybe","type":"INT32","cellValNum":1,"nullable":true},
               {"name":"note","type":"STRING_UTF8","cellValNum":4294967295,"nullable":true}]}""";

    private static final String GRID = """
            {"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "domain":{"type":"INT32","dimensions":[
               {"name":"r","type":"INT32","domain":{"int32":[1,4]},"nullTileExtent":false,"tileExtent":{"int32":2}},
               {"name":"c","type":"INT32","domain":{"int32":[1,6]},"nullTileExtent":false,"tileExtent":{"int32":3}}]},
             "attributes":[{"name":"v","type":"FLOAT64","cellValNum":1,"nullable":false},
                           {"name":"tag","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false}]}""";

    private static final String EVENTS = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,"allowsDuplicates":true,
             "domain":{"type":"INT64","dimensions":[{"name":"t","type":"INT64","domain":{"int64":[0,1000000000]},
               "nullTileExtent":false,"tileExtent":{"int64":1000}}]},
             "attributes":[{"name":"x","type":"INT64","cellValNum":1,"nullable":false}]}""";

    private static TileDBEmulator emulator;
    private static CuttingRelay relay;

    @BeforeAll
    static void start() throws IOException {
        List<Seed.SeedArray> arrays = new ArrayList<>();
        for (String[] a : new String[][] {
            {"typed", TYPED},
            {"grid", GRID},
            {"grid2", GRID},
            {"events", EVENTS},
            {"pages", TYPED},
            {"bad", TYPED},
            {"cut", EVENTS},
            {"cutanswer", EVENTS},
            {"cutread", EVENTS}
        }) {
            arrays.add(new Seed.SeedArray(NS, a[0], null, null, null, null, null, null, null)
                    .withCells(JSON.readTree(a[1]), null, null));
        }
        emulator = TileDBEmulator.builder()
                .recordExchanges()
                .user("ann", KEY)
                .seed(new Seed(null, List.of(new Organization(NS, Map.of("ann", "owner"))), arrays))
                .build()
                .start();
        relay = new CuttingRelay(emulator.port());
    }

    @AfterAll
    static void stop() throws IOException {
        relay.close();
        emulator.stop();
    }

    private static TileDBClient client(String url) {
        return new TileDBClient(ClientSettings.builder()
                .host(url)
                .credentials(new Credentials.ApiKey(KEY, "test"))
                .retryPolicy(RetryPolicy.NONE)
                .build());
    }

    private static List<Map<String, Object>> readAll(TileDBClient client, String array, CellRead read) {
        ArrayCells schema = client.cells().schema(NS, array);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CellPages pages = client.cells().read(NS, array, schema, read)) {
            pages.forEachRemaining(p -> rows.addAll(p.rows()));
        }
        return rows;
    }

    private static Map<String, Object> typedRow(long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("i8", (int) (id % 256) - 128);
        row.put("u8", (int) (id % 256));
        row.put("i16", (int) (id * 7 % 65536) - 32768);
        row.put("u16", (int) (id * 7 % 65536));
        row.put("i32", (int) (id * 100_003 - 50_000_000));
        row.put("u32", 4_000_000_000L - id);
        row.put("i64", id * 10_000_000_000L - 3);
        row.put("f32", id / 4.0f);
        row.put("f64", id / 3.0);
        row.put("utf8", "naïve ☃ " + id);
        row.put("ascii", id % 5 == 0 ? "" : "row-" + id);
        row.put("at", 1_700_000_000_000L + id);
        row.put("day", 19_000L + id);
        row.put("maybe", id % 3 == 0 ? null : (int) id);
        row.put("note", id % 4 == 0 ? null : "n" + id);
        return row;
    }

    @Test
    void everyDatatypeRoundTripsCellForCell() {
        try (TileDBClient client = client(emulator.url())) {
            ArrayCells schema = client.cells().schema(NS, "typed");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (long id = 1; id <= 300; id++) {
                rows.add(typedRow(id));
            }
            WrittenFragment made = client.cells().write(NS, "typed", schema, CellInput.rows(schema, rows), null);
            assertEquals(300, made.cells());
            assertTrue(made.timestamp() > 0, "the fragment's timestamp: " + made);
            assertEquals(rows, readAll(client, "typed", CellRead.all()));
        }
    }

    @Test
    void aSmallBufferReadsInPagesAndEveryCellArrives() {
        try (TileDBClient client = client(emulator.url())) {
            ArrayCells schema = client.cells().schema(NS, "pages");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (long id = 1; id <= 500; id++) {
                rows.add(typedRow(id * 3));
            }
            client.cells().write(NS, "pages", schema, CellInput.rows(schema, rows), null);
            List<Map<String, Object>> read = new ArrayList<>();
            int pages;
            try (CellPages p =
                    client.cells().read(NS, "pages", schema, CellRead.all().withBufferBytes(4096))) {
                p.forEachRemaining(page -> read.addAll(page.rows()));
                pages = p.pages();
            }
            assertEquals(rows, read);
            assertTrue(pages >= 10, "4 KiB pages of 500 cells of ~100 bytes: " + pages + " pages");
        }
    }

    @Test
    void aDenseArrayRoundTripsInEveryLayoutAndSlice() {
        try (TileDBClient client = client(emulator.url())) {
            ArrayCells schema = client.cells().schema(NS, "grid");
            List<Map<String, Object>> rows = new ArrayList<>();
            // given column by column: the client puts them in row-major order within their box
            for (int c = 1; c <= 6; c++) {
                for (int r = 1; r <= 4; r++) {
                    rows.add(Map.of("r", r, "c", c, "v", r * 10.0 + c, "tag", r + ":" + c));
                }
            }
            client.cells().write(NS, "grid", schema, CellInput.rows(schema, rows), null);
            List<Map<String, Object>> rowMajor = readAll(client, "grid", CellRead.all());
            assertEquals(24, rowMajor.size());
            for (int i = 0; i < 24; i++) {
                int r = i / 6 + 1;
                int c = i % 6 + 1;
                assertEquals(Map.of("r", r, "c", c, "v", r * 10.0 + c, "tag", r + ":" + c), rowMajor.get(i));
            }
            List<Map<String, Object>> colMajor =
                    readAll(client, "grid", new CellRead(null, null, "col-major", null, null, 0));
            for (int i = 0; i < 24; i++) {
                int c = i / 4 + 1;
                int r = i % 4 + 1;
                assertEquals(r * 10.0 + c, colMajor.get(i).get("v"));
            }
            List<Map<String, Object>> slice = readAll(
                    client,
                    "grid",
                    new CellRead(List.of("v"), List.of(List.of(2, 3), List.of(5, 6)), null, null, null, 0));
            assertEquals(List.of(Map.of("v", 25.0), Map.of("v", 26.0), Map.of("v", 35.0), Map.of("v", 36.0)), slice);
        }
    }

    @Test
    void denseColumnsWithoutCoordinatesFillTheWholeDomain() {
        try (TileDBClient client = client(emulator.url())) {
            ArrayCells schema = client.cells().schema(NS, "grid2");
            double[] v = new double[24];
            String[] tag = new String[24];
            for (int i = 0; i < 24; i++) {
                v[i] = i * 1.5;
                tag[i] = "t" + i;
            }
            CellWrite cells = CellInput.columns(schema, Map.of("v", v, "tag", tag));
            client.cells().write(NS, "grid2", schema, cells, null);
            try (CellPages p = client.cells()
                    .read(NS, "grid2", schema, new CellRead(List.of("v", "tag"), null, null, null, null, 0))) {
                CellColumns page = p.next();
                assertArrayEquals(v, (double[]) page.column("v"));
                assertArrayEquals(tag, (String[]) page.column("tag"));
            }
        }
    }

    @Test
    void timeTravelReadsTheFragmentsOfItsWindow() {
        try (TileDBClient client = client(emulator.url())) {
            ArrayCells schema = client.cells().schema(NS, "events");
            client.cells()
                    .write(
                            NS,
                            "events",
                            schema,
                            CellInput.columns(schema, Map.of("t", new long[] {1, 2}, "x", new long[] {10, 20})),
                            5_000L);
            client.cells()
                    .write(
                            NS,
                            "events",
                            schema,
                            CellInput.columns(schema, Map.of("t", new long[] {3}, "x", new long[] {30})),
                            6_000L);
            assertEquals(
                    List.of(Map.of("t", 1L, "x", 10L), Map.of("t", 2L, "x", 20L)),
                    readAll(client, "events", new CellRead(null, null, null, null, 5_000L, 0)));
            assertEquals(
                    List.of(Map.of("t", 3L, "x", 30L)),
                    readAll(client, "events", new CellRead(null, null, null, 5_001L, 6_000L, 0)));
            assertEquals(3, readAll(client, "events", CellRead.all()).size());
        }
    }

    @Test
    void badCellsAreRefusedBeforeAnyRequestAndNamed() {
        try (TileDBClient client = client(emulator.url())) {
            ArrayCells schema = client.cells().schema(NS, "bad");
            int before = emulator.recordedExchanges().size();
            Map<String, Object> noId = new LinkedHashMap<>(typedRow(1));
            noId.remove("id");
            assertTrue(assertThrows(
                            IllegalArgumentException.class, () -> CellInput.rows(schema, List.of(typedRow(2), noId)))
                    .getMessage()
                    .contains("row 1 has no dimension id"));
            Map<String, Object> wrongType = new LinkedHashMap<>(typedRow(1));
            wrongType.put("f64", "lots");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> CellInput.rows(schema, List.of(wrongType)))
                    .getMessage()
                    .contains("field f64 is FLOAT64 and takes a number, not the String 'lots'"));
            Map<String, Object> outside = new LinkedHashMap<>(typedRow(1));
            outside.put("id", 2_000_000L);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> CellInput.rows(schema, List.of(outside)))
                    .getMessage()
                    .contains("dimension id = 2000000 is outside its domain [0, 1000000]"));
            Map<String, Object> tooBig = new LinkedHashMap<>(typedRow(1));
            tooBig.put("u8", 300);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> CellInput.rows(schema, List.of(tooBig)))
                    .getMessage()
                    .contains("UINT8, which cannot hold 300"));
            Map<String, Object> unknown = new LinkedHashMap<>(typedRow(1));
            unknown.put("colour", "red");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> CellInput.rows(schema, List.of(unknown)))
                    .getMessage()
                    .contains("has no field colour"));
            assertEquals(before, emulator.recordedExchanges().size(), "nothing was sent");
            assertEquals(List.of(), readAll(client, "bad", CellRead.all()));
        }
    }

    @Test
    void aPageWhoseConnectionBreaksIsAskedForAgain() {
        try (TileDBClient client = client(emulator.url())) {
            ArrayCells schema = client.cells().schema(NS, "cutread");
            long[] t = new long[5000];
            long[] x = new long[5000];
            for (int i = 0; i < t.length; i++) {
                t[i] = i;
                x[i] = i * 2L;
            }
            client.cells().write(NS, "cutread", schema, CellInput.columns(schema, Map.of("t", t, "x", x)), null);
        }
        try (TileDBClient client = client(relay.url())) {
            ArrayCells schema = client.cells().schema(NS, "cutread");
            long cutsBefore = relay.cuts();
            relay.cutAnswerAfter(20_000); // inside the first page's buffers
            List<Long> seen = new ArrayList<>();
            int retries;
            try (CellPages p =
                    client.cells().read(NS, "cutread", schema, CellRead.all().withBufferBytes(64 * 1024))) {
                p.forEachRemaining(
                        page -> Arrays.stream((long[]) page.column("t")).forEach(seen::add));
                retries = p.retries();
            }
            assertEquals(cutsBefore + 1, relay.cuts());
            assertEquals(1, retries);
            assertEquals(5000, seen.size());
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i, seen.get(i));
            }
        }
    }

    @Test
    void aWriteCutOffMidRequestWritesNothingAndIsNotSentAgain() {
        try (TileDBClient client = client(relay.url())) {
            ArrayCells schema = client.cells().schema(NS, "cut");
            long[] t = new long[20_000];
            long[] x = new long[20_000];
            Arrays.setAll(t, i -> i);
            CellWrite cells = CellInput.columns(schema, Map.of("t", t, "x", x));
            relay.cutRequestAfter(100_000);
            assertThrows(TileDBConnectionException.class, () -> client.cells().write(NS, "cut", schema, cells, null));
        }
        try (TileDBClient client = client(emulator.url())) {
            assertEquals(List.of(), readAll(client, "cut", CellRead.all()));
        }
    }

    @Test
    void aWriteWhoseAnswerIsLostIsAppliedOnce() {
        try (TileDBClient client = client(relay.url())) {
            ArrayCells schema = client.cells().schema(NS, "cutanswer");
            CellWrite cells = CellInput.columns(schema, Map.of("t", new long[] {7, 8}, "x", new long[] {70, 80}));
            relay.cutAnswerAfter(0); // the server writes, its answer never arrives
            assertThrows(TileDBException.class, () -> client.cells().write(NS, "cutanswer", schema, cells, null));
        }
        try (TileDBClient client = client(emulator.url())) {
            // allowsDuplicates: a second sending would show the cells twice
            assertEquals(
                    List.of(Map.of("t", 7L, "x", 70L), Map.of("t", 8L, "x", 80L)),
                    readAll(client, "cutanswer", CellRead.all()));
        }
    }
}
