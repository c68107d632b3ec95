package dev.cameltiledb.emulator;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.emulator.ProtocolClient.Answer;
import dev.cameltiledb.emulator.ProtocolClient.Field;
import dev.cameltiledb.emulator.data.cells.TileType;
import dev.cameltiledb.emulator.data.protocol.QueryCodec;
import dev.cameltiledb.emulator.data.protocol.QueryMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TileDB's REST query protocol over HTTP ({@code POST .../query/submit}, Cap'n Proto bodies built with the
 * emulator's codec, cells turned into buffers by the test's own code): every datatype and layout, dense and sparse,
 * time travel, reads in pages of a small budget, writes refused whole, and the cells shared with SQL. Every exchange
 * is checked against the official spec by the base class.
 */
class QueryProtocolHttpTest extends SpecCheckedHttpTest {

    private static final String ALL_TYPES = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":100,"allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,1000]},"nullTileExtent":false,"tileExtent":{"int64":10}}]},
             "attributes":[
               {"name":"i8","type":"INT8","cellValNum":1,"nullable":false},
               {"name":"u8","type":"UINT8","cellValNum":1,"nullable":false},
               {"name":"i16","type":"INT16","cellValNum":1,"nullable":false},
               {"name":"u16","type":"UINT16","cellValNum":1,"nullable":false},
               {"name":"i32","type":"INT32","cellValNum":1,"nullable":false},
               {"name":"u32","type":"UINT32","cellValNum":1,"nullable":false},
               {"name":"i64","type":"INT64","cellValNum":1,"nullable":false},
               {"name":"u64","type":"UINT64","cellValNum":1,"nullable":false},
               {"name":"f32","type":"FLOAT32","cellValNum":1,"nullable":false},
               {"name":"f64","type":"FLOAT64","cellValNum":1,"nullable":false},
               {"name":"b","type":"BOOL","cellValNum":1,"nullable":false},
               {"name":"ascii","type":"STRING_ASCII","cellValNum":4294967295,"nullable":false},
               {"name":"utf8","type":"STRING_UTF8","cellValNum":4294967295,"nullable":true},
               {"name":"ms","type":"DATETIME_MS","cellValNum":1,"nullable":false},
               {"name":"day","type":"DATETIME_DAY","cellValNum":1,"nullable":false},
               {"name":"sec","type":"DATETIME_SEC","cellValNum":1,"nullable":true},
               {"name":"n","type":"INT32","cellValNum":1,"nullable":true}]}""";

    private static final List<Field> ALL_TYPES_FIELDS = List.of(
            new Field("id", TileType.INT64, false),
            new Field("i8", TileType.INT8, false),
            new Field("u8", TileType.UINT8, false),
            new Field("i16", TileType.INT16, false),
            new Field("u16", TileType.UINT16, false),
            new Field("i32", TileType.INT32, false),
            new Field("u32", TileType.UINT32, false),
            new Field("i64", TileType.INT64, false),
            new Field("u64", TileType.UINT64, false),
            new Field("f32", TileType.FLOAT32, false),
            new Field("f64", TileType.FLOAT64, false),
            new Field("b", TileType.BOOL, false),
            new Field("ascii", TileType.STRING_ASCII, false),
            new Field("utf8", TileType.STRING_UTF8, true),
            new Field("ms", TileType.DATETIME_MS, false),
            new Field("day", TileType.DATETIME_DAY, false),
            new Field("sec", TileType.DATETIME_SEC, true),
            new Field("n", TileType.INT32, true));

    /** Sparse, two dimensions with tiles of 4: orders differ by layout. */
    private static final String SPARSE_2D = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":100,"allowsDuplicates":false,
             "domain":{"type":"INT32","dimensions":[
               {"name":"x","type":"INT32","domain":{"int32":[1,8]},"nullTileExtent":false,"tileExtent":{"int32":4}},
               {"name":"y","type":"INT32","domain":{"int32":[1,8]},"nullTileExtent":false,"tileExtent":{"int32":4}}]},
             "attributes":[{"name":"v","type":"INT64","cellValNum":1,"nullable":false}]}""";

    private static final List<Field> SPARSE_2D_FIELDS = List.of(
            new Field("x", TileType.INT32, false),
            new Field("y", TileType.INT32, false),
            new Field("v", TileType.INT64, false));

    private static final String DENSE_2D = dev.cameltiledb.emulator.data.TestCatalog.DENSE_2D;

    private static final List<Field> DENSE_FIELDS = List.of(
            new Field("rows", TileType.INT32, false),
            new Field("cols", TileType.INT32, false),
            new Field("a", TileType.INT32, false));

    /** Sparse: id INT64 [0, 1000000], v INT64, s STRING_UTF8. */
    private static final String SIMPLE = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":100,"allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,1000000]},"nullTileExtent":false,"tileExtent":{"int64":100}}]},
             "attributes":[{"name":"v","type":"INT64","cellValNum":1,"nullable":false},
                           {"name":"s","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false}]}""";

    private static final List<Field> SIMPLE_FIELDS = List.of(
            new Field("id", TileType.INT64, false),
            new Field("v", TileType.INT64, false),
            new Field("s", TileType.STRING_UTF8, false));

    private void array(String name, String schema) throws Exception {
        emulator.seed(new Seed(
                null,
                null,
                List.of(new Seed.SeedArray("alice", name, null, null, null, null, null, null)
                        .withCells(JSON.readTree(schema), null, null))));
    }

    private ProtocolClient alice() {
        return new ProtocolClient(emulator, "alice-key");
    }

    private Answer write(
            String array,
            List<Field> fields,
            Map<String, List<?>> columns,
            String layout,
            QueryMessage.Writer writer,
            String params)
            throws Exception {
        return alice().submit(
                        "alice/" + array,
                        "write",
                        ProtocolClient.writeBody(fields, columns, layout, writer),
                        fields,
                        params);
    }

    private Map<String, List<Object>> readAll(String array, List<Field> fields, String layout, long budget)
            throws Exception {
        return ProtocolClient.cells(alice().readAll(
                        "alice/" + array, fields, ProtocolClient.readQuery(fields, layout, null, budget, null), false));
    }

    @Test
    void everyDatatypeRoundTripsThroughAWriteAndAReadInEveryLayout() throws Exception {
        array("types", ALL_TYPES);
        BigInteger u64max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("id", List.of(4L, 1L, 3L, 2L));
        columns.put("i8", List.of(-128L, 127L, 0L, -1L));
        columns.put("u8", List.of(0L, 255L, 1L, 128L));
        columns.put("i16", List.of(-32768L, 32767L, 0L, -2L));
        columns.put("u16", List.of(0L, 65535L, 7L, 32768L));
        columns.put("i32", List.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 0L, -3L));
        columns.put("u32", List.of(0L, 4294967295L, 5L, 2147483648L));
        columns.put("i64", List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -4L));
        columns.put("u64", List.of(BigInteger.ZERO, u64max, BigInteger.ONE.shiftLeft(63), BigInteger.TWO));
        columns.put("f32", List.of(1.5f, -0.25f, Float.MAX_VALUE, 0f));
        columns.put("f64", List.of(Math.PI, -1e300, 0.1, Double.MIN_VALUE));
        columns.put("b", List.of(true, false, true, false));
        columns.put("ascii", List.of("a", "", "hello", "xyz"));
        columns.put("utf8", Arrays.asList("héllo ✓", null, "", "日本"));
        columns.put("ms", List.of(0L, 1_714_564_800_123L, -1_000L, 86_400_000L));
        columns.put("day", List.of(0L, 19_844L, -1L, 100L));
        columns.put("sec", Arrays.asList(null, 1_714_564_800L, -5L, null));
        columns.put("n", Arrays.asList(5L, null, -7L, null));
        Answer written = write("types", ALL_TYPES_FIELDS, columns, "unordered", null, "");
        assertEquals(200, written.status(), written.text());
        assertEquals("COMPLETED", written.query().status());
        assertEquals(1, written.query().writtenFragments().size());

        // the cells by id: the order every layout reads a one-dimensional array in
        Map<String, List<Object>> expected = new LinkedHashMap<>();
        int[] byId = {1, 3, 2, 0};
        for (Field f : ALL_TYPES_FIELDS) {
            List<Object> values = new ArrayList<>();
            for (int i : byId) {
                Object v = columns.get(f.name()).get(i);
                values.add(
                        v instanceof Float
                                        || v instanceof Double
                                        || v instanceof Boolean
                                        || v instanceof String
                                        || v == null
                                ? v
                                : f.type() == TileType.UINT64 ? v : ((Number) v).longValue());
            }
            expected.put(f.name(), values);
        }
        for (String layout : List.of("row-major", "col-major", "global-order", "unordered")) {
            assertEquals(expected, readAll("types", ALL_TYPES_FIELDS, layout, 1 << 16), layout);
        }
        // a budget of two cells' values (16 bytes: the longest string is 10) gives the same cells in pages
        assertEquals(expected, readAll("types", ALL_TYPES_FIELDS, "row-major", 16));
    }

    @Test
    void everyDatetimeAndTimeUnitCharAndBlobRoundTrip() throws Exception {
        List<TileType> units = List.of(
                TileType.DATETIME_YEAR,
                TileType.DATETIME_MONTH,
                TileType.DATETIME_WEEK,
                TileType.DATETIME_DAY,
                TileType.DATETIME_HR,
                TileType.DATETIME_MIN,
                TileType.DATETIME_SEC,
                TileType.DATETIME_MS,
                TileType.DATETIME_US,
                TileType.DATETIME_NS,
                TileType.DATETIME_PS,
                TileType.DATETIME_FS,
                TileType.DATETIME_AS,
                TileType.TIME_HR,
                TileType.TIME_MIN,
                TileType.TIME_SEC,
                TileType.TIME_MS,
                TileType.TIME_US,
                TileType.TIME_NS,
                TileType.TIME_PS,
                TileType.TIME_FS,
                TileType.TIME_AS);
        StringBuilder attributes = new StringBuilder();
        List<Field> fields = new ArrayList<>(List.of(new Field("id", TileType.INT64, false)));
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("id", List.of(1L, 2L));
        // 2024-05-01T12:00:00.123456789Z in each unit, and a count before the epoch
        java.time.Instant at = java.time.Instant.parse("2024-05-01T12:00:00.123456789Z");
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        for (TileType t : units) {
            String name = t.name().toLowerCase(java.util.Locale.ROOT);
            attributes
                    .append("{\"name\":\"")
                    .append(name)
                    .append("\",\"type\":\"")
                    .append(t.name())
                    .append("\",\"cellValNum\":1,\"nullable\":false},");
            fields.add(new Field(name, t, false));
            long count = switch (t) {
                case DATETIME_YEAR -> 54;
                case DATETIME_MONTH -> 652;
                case DATETIME_WEEK -> 19844 / 7;
                case DATETIME_DAY -> 19844;
                case DATETIME_HR, TIME_HR -> nanos / 3_600_000_000_000L;
                case DATETIME_MIN, TIME_MIN -> nanos / 60_000_000_000L;
                case DATETIME_SEC, TIME_SEC -> nanos / 1_000_000_000L;
                case DATETIME_MS, TIME_MS -> nanos / 1_000_000L;
                case DATETIME_US, TIME_US -> nanos / 1_000L;
                default -> nanos;
            };
            columns.put(name, List.of(count, -3L));
        }
        attributes.append("{\"name\":\"c\",\"type\":\"CHAR\",\"cellValNum\":4294967295,\"nullable\":false},");
        attributes.append("{\"name\":\"blob\",\"type\":\"BLOB\",\"cellValNum\":4294967295,\"nullable\":true}");
        fields.add(new Field("c", TileType.CHAR, false));
        fields.add(new Field("blob", TileType.BLOB, true));
        columns.put("c", List.of("chars", ""));
        columns.put("blob", Arrays.asList(new byte[] {0, -1, 7, 0}, null));
        array("times", """
                {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":100,
                 "domain":{"type":"INT64","dimensions":[
                   {"name":"id","type":"INT64","domain":{"int64":[0,10]},"nullTileExtent":false,"tileExtent":{"int64":10}}]},
                 "attributes":[""" + attributes + "]}");
        Answer w = write("times", fields, columns, "unordered", null, "");
        assertEquals(200, w.status(), w.text());
        Map<String, List<Object>> read = readAll("times", fields, "row-major", 1 << 10);
        for (Field f : fields) {
            if (f.type() == TileType.BLOB) {
                assertArrayEquals(
                        new byte[] {0, -1, 7, 0}, (byte[]) read.get("blob").get(0));
                assertEquals(null, read.get("blob").get(1));
            } else {
                assertEquals(columns.get(f.name()), read.get(f.name()), f.name());
            }
        }
    }

    @Test
    void sparseReadsFollowTheLayoutsOrder() throws Exception {
        array("grid", SPARSE_2D);
        List<int[]> points = List.of(
                new int[] {1, 5},
                new int[] {5, 1},
                new int[] {2, 2},
                new int[] {1, 1},
                new int[] {6, 7},
                new int[] {4, 8},
                new int[] {8, 3});
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("x", points.stream().map(p -> (long) p[0]).toList());
        columns.put("y", points.stream().map(p -> (long) p[1]).toList());
        columns.put("v", points.stream().map(p -> 10L * p[0] + p[1]).toList());
        assertEquals(
                200,
                write("grid", SPARSE_2D_FIELDS, columns, "global-order", null, "")
                        .status());

        Comparator<int[]> rowMajor = Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]);
        Comparator<int[]> colMajor = Comparator.<int[]>comparingInt(p -> p[1]).thenComparingInt(p -> p[0]);
        Comparator<int[]> global = Comparator.<int[]>comparingInt(p -> (p[0] - 1) / 4)
                .thenComparingInt(p -> (p[1] - 1) / 4)
                .thenComparing(rowMajor);
        Map<String, Comparator<int[]>> layouts =
                Map.of("row-major", rowMajor, "col-major", colMajor, "global-order", global, "unordered", global);
        for (Map.Entry<String, Comparator<int[]>> l : layouts.entrySet()) {
            List<int[]> sorted = new ArrayList<>(points);
            sorted.sort(l.getValue());
            Map<String, List<Object>> expected = new LinkedHashMap<>();
            expected.put("x", sorted.stream().map(p -> (Object) (long) p[0]).toList());
            expected.put("y", sorted.stream().map(p -> (Object) (long) p[1]).toList());
            expected.put(
                    "v", sorted.stream().map(p -> (Object) (10L * p[0] + p[1])).toList());
            assertEquals(expected, readAll("grid", SPARSE_2D_FIELDS, l.getKey(), 1 << 10), l.getKey());
            // two cells a page: the keyset continues in the layout's order
            assertEquals(expected, readAll("grid", SPARSE_2D_FIELDS, l.getKey(), 16), l.getKey() + " in pages");
        }
    }

    @Test
    void denseWritesFillTheSubarrayInTheirLayoutAndReadsGiveEveryLayout() throws Exception {
        array("dense", DENSE_2D);
        List<Long> rowMajorValues = new ArrayList<>();
        for (int r = 1; r <= 4; r++) {
            for (int c = 1; c <= 4; c++) {
                rowMajorValues.add(10L * r + c);
            }
        }
        Answer w = write("dense", DENSE_FIELDS, Map.of("a", rowMajorValues), "row-major", null, "");
        assertEquals(200, w.status(), w.text());
        assertEquals(denseCells(rowMajorOrder(), Map.of()), readAll("dense", DENSE_FIELDS, "row-major", 1 << 10));
        assertEquals(denseCells(colMajorOrder(), Map.of()), readAll("dense", DENSE_FIELDS, "col-major", 1 << 10));
        assertEquals(denseCells(globalOrder(), Map.of()), readAll("dense", DENSE_FIELDS, "global-order", 1 << 10));
        assertEquals(
                denseCells(globalOrder(), Map.of()),
                readAll("dense", DENSE_FIELDS, "global-order", 12),
                "three cells a page");

        // col-major into rows [2, 3] x cols [1, 2]: (2,1), (3,1), (2,2), (3,2)
        QueryMessage.Writer box =
                new QueryMessage.Writer(new QueryMessage.DomainArray("int32", List.of(2, 3, 1, 2)), null);
        w = write("dense", DENSE_FIELDS, Map.of("a", List.of(-1L, -2L, -3L, -4L)), "col-major", box, "");
        assertEquals(200, w.status(), w.text());
        Map<List<Integer>, Long> changed =
                Map.of(List.of(2, 1), -1L, List.of(3, 1), -2L, List.of(2, 2), -3L, List.of(3, 2), -4L);
        assertEquals(denseCells(rowMajorOrder(), changed), readAll("dense", DENSE_FIELDS, "row-major", 1 << 10));

        // global order over the whole domain: tile by tile
        List<Long> globalValues = new ArrayList<>();
        for (int[] p : globalOrder()) {
            globalValues.add(100L * p[0] + p[1]);
        }
        w = write("dense", DENSE_FIELDS, Map.of("a", globalValues), "global-order", null, "");
        assertEquals(200, w.status(), w.text());
        Map<String, List<Object>> read = readAll("dense", DENSE_FIELDS, "row-major", 1 << 10);
        List<Object> expected = new ArrayList<>();
        for (int[] p : rowMajorOrder()) {
            expected.add(100L * p[0] + p[1]);
        }
        assertEquals(expected, read.get("a"));
    }

    private static List<int[]> rowMajorOrder() {
        List<int[]> order = new ArrayList<>();
        for (int r = 1; r <= 4; r++) {
            for (int c = 1; c <= 4; c++) {
                order.add(new int[] {r, c});
            }
        }
        return order;
    }

    private static List<int[]> colMajorOrder() {
        List<int[]> order = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            for (int r = 1; r <= 4; r++) {
                order.add(new int[] {r, c});
            }
        }
        return order;
    }

    /** Tiles of 2 x 2 in row-major order, cells row-major within each. */
    private static List<int[]> globalOrder() {
        List<int[]> order = new ArrayList<>();
        for (int tr = 0; tr < 2; tr++) {
            for (int tc = 0; tc < 2; tc++) {
                for (int r = 1; r <= 2; r++) {
                    for (int c = 1; c <= 2; c++) {
                        order.add(new int[] {2 * tr + r, 2 * tc + c});
                    }
                }
            }
        }
        return order;
    }

    private static Map<String, List<Object>> denseCells(List<int[]> order, Map<List<Integer>, Long> changed) {
        Map<String, List<Object>> cells = new LinkedHashMap<>();
        cells.put("rows", order.stream().map(p -> (Object) (long) p[0]).toList());
        cells.put("cols", order.stream().map(p -> (Object) (long) p[1]).toList());
        cells.put(
                "a",
                order.stream()
                        .map(p -> (Object) changed.getOrDefault(List.of(p[0], p[1]), 10L * p[0] + p[1]))
                        .toList());
        return cells;
    }

    @Test
    void timeTravelReadsTheCellsAsOfATimestamp() throws Exception {
        array("tt", SIMPLE);
        Answer first = write(
                "tt",
                SIMPLE_FIELDS,
                Map.of("id", List.of(1L, 2L, 3L), "v", List.of(1L, 1L, 1L), "s", List.of("a", "b", "c")),
                "unordered",
                null,
                "&timestamp=1000");
        assertEquals(200, first.status(), first.text());
        assertArrayEquals(
                new long[] {1000, 1000}, first.query().writtenFragments().get(0).timestampRange());
        assertTrue(
                first.query().writtenFragments().get(0).uri().startsWith("tiledb://alice/tt/__fragments/__1000_1000_"),
                first.query().writtenFragments().get(0).uri());
        assertEquals(
                200,
                write(
                                "tt",
                                SIMPLE_FIELDS,
                                Map.of("id", List.of(2L, 4L), "v", List.of(20L, 40L), "s", List.of("B", "D")),
                                "unordered",
                                null,
                                "&end_timestamp=2000")
                        .status());

        ProtocolClient c = alice();
        QueryMessage asOf1500 = ProtocolClient.readQuery(SIMPLE_FIELDS, "row-major", null, 1 << 10, 1500L);
        Map<String, List<Object>> old = ProtocolClient.cells(c.readAll("alice/tt", SIMPLE_FIELDS, asOf1500, false));
        assertEquals(List.of(1L, 2L, 3L), old.get("id"));
        assertEquals(List.of(1L, 1L, 1L), old.get("v"));
        assertEquals(List.of("a", "b", "c"), old.get("s"));

        QueryMessage now = ProtocolClient.readQuery(SIMPLE_FIELDS, "row-major", null, 1 << 10, null);
        Answer byUrl = c.submit("alice/tt", "READ", QueryCodec.encode(now), SIMPLE_FIELDS, "&end_timestamp=1500");
        assertEquals(old, byUrl.columns(), "end_timestamp in the URL");
        Answer newOnly = c.submit("alice/tt", "read", QueryCodec.encode(now), SIMPLE_FIELDS, "&start_timestamp=1500");
        assertEquals(List.of(2L, 4L), newOnly.columns().get("id"));
        assertEquals(List.of("B", "D"), newOnly.columns().get("s"));
        Map<String, List<Object>> latest = readAll("tt", SIMPLE_FIELDS, "row-major", 1 << 10);
        assertEquals(List.of(1L, 20L, 1L, 40L), latest.get("v"));
        assertEquals(List.of("a", "B", "c", "D"), latest.get("s"));
    }

    @Test
    void anIncompleteReadContinuesInPagesAtItsFirstPagesTimestamp() throws Exception {
        array("many", SIMPLE);
        int n = 200;
        List<Long> ids = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(3L * i);
            values.add((long) i * i);
            strings.add("s" + i);
        }
        assertEquals(
                200,
                write("many", SIMPLE_FIELDS, Map.of("id", ids, "v", values, "s", strings), "unordered", null, "")
                        .status());

        ProtocolClient c = alice();
        // 7 cells of 8 bytes fill a budget of 56
        QueryMessage first = ProtocolClient.readQuery(SIMPLE_FIELDS, "row-major", null, 56, null);
        List<Answer> pages = new ArrayList<>();
        Answer page = c.submit("alice/many", "read", QueryCodec.encode(first), SIMPLE_FIELDS, "");
        pages.add(page);
        assertEquals("INCOMPLETE", page.query().status());
        assertEquals(7, page.columns().get("id").size());
        assertEquals(56, page.query().headers().get(0).fixedLen(), "the bytes sent");
        assertEquals(56, page.query().headers().get(0).originalFixedLen(), "the budget kept");
        long pinned = page.query().array().endTimestamp();
        assertEquals(START.toEpochMilli(), pinned, "the first page's end timestamp: now");
        // a write after the first page, later in time: the read does not see it
        advance(java.time.Duration.ofSeconds(1));
        assertEquals(
                200,
                write(
                                "many",
                                SIMPLE_FIELDS,
                                Map.of("id", List.of(3L, 1L), "v", List.of(-1L, -1L), "s", List.of("changed", "new")),
                                "unordered",
                                null,
                                "")
                        .status());
        while (page.query().status().equals("INCOMPLETE")) {
            // every other page sends the whole answer back, as TileDB's JavaScript client does
            byte[] again = pages.size() % 2 == 0
                    ? Arrays.copyOfRange(page.raw(), 8, page.raw().length)
                    : QueryCodec.encode(page.query());
            page = c.submit("alice/many", "read", again, SIMPLE_FIELDS, "");
            assertEquals(200, page.status(), page.text());
            assertEquals(pinned, page.query().array().endTimestamp());
            pages.add(page);
        }
        assertEquals((n + 6) / 7, pages.size(), "pages of 7 cells");
        Map<String, List<Object>> cells = ProtocolClient.cells(pages);
        assertEquals(new ArrayList<Object>(ids), cells.get("id"));
        assertEquals(new ArrayList<Object>(values), cells.get("v"));
        assertEquals(new ArrayList<Object>(strings), cells.get("s"));
        assertEquals(n, pages.get(pages.size() - 1).query().reader().delivered());

        // with the strings' budget the tightest: 3 strings of up to 4 bytes in 10 bytes
        QueryMessage tight = new QueryMessage(
                "READ",
                "row-major",
                "UNINITIALIZED",
                List.of(new QueryMessage.BufferHeader("s", 0, 0, 0, 1 << 10, 10, 0)),
                null,
                new QueryMessage.Reader("row-major", null, false, 0, null),
                null,
                "bytes",
                false,
                64,
                0,
                0,
                0,
                null);
        Map<String, List<Object>> s = ProtocolClient.cells(c.readAll("alice/many", SIMPLE_FIELDS, tight, true));
        List<Object> now = new ArrayList<>(strings);
        now.set(1, "changed");
        now.add(1, "new");
        assertEquals(now, s.get("s"), "the cells as of now, with the later write");
    }

    @Test
    void aBudgetThatHoldsNoCellIsRefusedNamingTheField() throws Exception {
        array("small", SIMPLE);
        assertEquals(
                200,
                write(
                                "small",
                                SIMPLE_FIELDS,
                                Map.of("id", List.of(1L), "v", List.of(1L), "s", List.of("a long string")),
                                "unordered",
                                null,
                                "")
                        .status());
        Answer r = alice().submit(
                        "alice/small",
                        "read",
                        QueryCodec.encode(ProtocolClient.readQuery(SIMPLE_FIELDS, "row-major", null, 8, null)),
                        SIMPLE_FIELDS,
                        "");
        assertEquals(400, r.status());
        assertTrue(
                r.text()
                        .contains("the budget of s holds not even one cell: its var-size buffer needs 13 bytes,"
                                + " the budget is 8"),
                r.text());
    }

    @Test
    void aWriteThatDoesNotFitTheSchemaIsRefusedWholeAndWritesNothing() throws Exception {
        array("tt", SIMPLE);
        array("dense", DENSE_2D);
        Map<String, List<Object>> before = readAll("tt", SIMPLE_FIELDS, "row-major", 1 << 10);
        List<Field> withUnknown = new ArrayList<>(SIMPLE_FIELDS);
        withUnknown.add(new Field("nope", TileType.INT32, false));
        Map<String, List<?>> good = Map.of("id", List.of(1L, 2L), "v", List.of(1L, 2L), "s", List.of("a", "b"));
        Map<String, List<?>> unknown = new LinkedHashMap<>(good);
        unknown.put("nope", List.of(1L, 2L));
        assertRefused(
                write("tt", withUnknown, unknown, "unordered", null, ""),
                "names a field tiledb://alice/tt does not have");
        assertRefused(
                write("tt", SIMPLE_FIELDS, Map.of("v", List.of(1L), "s", List.of("a")), "unordered", null, ""),
                "no buffer for the dimension id");
        assertRefused(
                write(
                        "tt",
                        SIMPLE_FIELDS,
                        Map.of("id", List.of(1L, 5_000_000L), "v", List.of(1L, 2L), "s", List.of("a", "b")),
                        "unordered",
                        null,
                        ""),
                "outside the domain [0, 1000000] of the dimension id");
        assertRefused(
                write(
                        "tt",
                        SIMPLE_FIELDS,
                        Map.of("id", List.of(1L, 2L, 3L), "v", List.of(1L, 2L), "s", List.of("a", "b", "c")),
                        "unordered",
                        null,
                        ""),
                "every field gives every cell");
        byte[] body = ProtocolClient.writeBody(SIMPLE_FIELDS, good, "unordered", null);
        byte[] longer = Arrays.copyOf(body, body.length + 3);
        assertRefused(alice().submit("alice/tt", "write", longer, SIMPLE_FIELDS, ""), "announce");
        assertRefused(
                alice().submit("alice/tt", "write", Arrays.copyOf(body, body.length - 1), SIMPLE_FIELDS, ""),
                "announce");
        assertRefused(write("tt", SIMPLE_FIELDS, good, "row-major", null, ""), "row-major is for dense arrays");
        assertRefused(
                write("dense", DENSE_FIELDS, Map.of("a", List.of(1L, 2L, 3L)), "row-major", null, ""),
                "holds 16 cells; the buffers give 3");
        assertRefused(alice().submit("alice/tt", "update", body, SIMPLE_FIELDS, ""), "type must be READ or WRITE");
        Answer bob = new ProtocolClient(emulator, "bob-key").submit("alice/tt", "write", body, SIMPLE_FIELDS, "");
        assertEquals(404, bob.status(), "bob may not even see alice's array: " + bob.text());

        assertEquals(before, readAll("tt", SIMPLE_FIELDS, "row-major", 1 << 10), "nothing was written");
        assertEquals(
                200, write("tt", SIMPLE_FIELDS, good, "unordered", null, "").status(), "a good write then");
        assertEquals(
                List.of(1L, 2L),
                readAll("tt", SIMPLE_FIELDS, "row-major", 1 << 10).get("id"));
    }

    private static void assertRefused(Answer a, String part) {
        assertEquals(400, a.status(), a.text());
        assertTrue(a.text().contains(part), "'" + a.text() + "' should say " + part);
    }

    @Test
    void malformedMessagesAreRefusedNamingTheMessage() throws Exception {
        array("tt", SIMPLE);
        ProtocolClient c = alice();
        Answer garbage =
                c.submit("alice/tt", "read", "hello, capnp".getBytes(StandardCharsets.UTF_8), SIMPLE_FIELDS, "");
        assertEquals(400, garbage.status());
        assertTrue(
                garbage.text().startsWith("malformed Query message: the Query message claims 1819043177 segments"),
                garbage.text());
        byte[] message = QueryCodec.encode(ProtocolClient.readQuery(SIMPLE_FIELDS, "row-major", null, 64, null));
        Answer cut = c.submit("alice/tt", "read", Arrays.copyOf(message, message.length / 2), SIMPLE_FIELDS, "");
        assertEquals(400, cut.status());
        assertTrue(cut.text().contains("cut short"), cut.text());
        // the root pointer made to point past the segment's end
        byte[] wild = message.clone();
        wild[8] = (byte) 0xF0;
        wild[9] = (byte) 0x7F;
        Answer outside = c.submit("alice/tt", "read", wild, SIMPLE_FIELDS, "");
        assertEquals(400, outside.status());
        assertTrue(outside.text().contains("leads outside its segment"), outside.text());
    }

    @Test
    void sqlAndJsonQueriesSeeTheCellsTheProtocolWrote() throws Exception {
        array("tt", SIMPLE);
        assertEquals(
                200,
                write(
                                "tt",
                                SIMPLE_FIELDS,
                                Map.of("id", List.of(5L, 6L), "v", List.of(50L, 60L), "s", List.of("five", "six")),
                                "unordered",
                                null,
                                "")
                        .status());
        JsonNode rows = json(
                "POST",
                "/v1/sql/alice",
                "alice-key",
                "{\"query\": \"select id, v, s from `tiledb://alice/tt` order by id\"}",
                200);
        assertEquals(JSON.readTree("[{\"id\":5,\"v\":50,\"s\":\"five\"},{\"id\":6,\"v\":60,\"s\":\"six\"}]"), rows);
        JsonNode columns = json(
                "POST",
                "/v1/arrays/alice/tt/query/submit_query_json",
                "alice-key",
                "{\"fields\": [\"id\", \"s\"]}",
                200);
        assertEquals(JSON.readTree("{\"id\":[5,6],\"s\":[\"five\",\"six\"]}"), columns);
        assertEquals(
                List.of(50L, 60L),
                readAll("tt", SIMPLE_FIELDS, "unordered", 1 << 10).get("v"));
        JsonNode log = get("/v2/arrays/alice/tt/activity?event_types=query_write&event_types=query_read", "alice-key");
        String events = log.toString();
        assertTrue(events.contains("query_write") && events.contains("query_read"), events);
    }

    @Test
    void cellsSeededOrWrittenBySqlsSeedsAreReadableThroughTheProtocol() throws Exception {
        emulator.seed(new Seed(
                null,
                null,
                List.of(new Seed.SeedArray("alice", "seeded", null, null, null, null, null, null)
                        .withCells(
                                JSON.readTree(SIMPLE),
                                JSON.readTree("{\"id\": [7, 8], \"v\": [70, 80], \"s\": [\"x\", \"y\"]}"),
                                1_000L))));
        Map<String, List<Object>> cells = readAll("seeded", SIMPLE_FIELDS, "row-major", 1 << 10);
        assertEquals(List.of(7L, 8L), cells.get("id"));
        assertEquals(List.of(70L, 80L), cells.get("v"));
        assertEquals(List.of("x", "y"), cells.get("s"));
    }

    @Test
    void finalizeAnswersTheQueryCompleted() throws Exception {
        array("tt", SIMPLE);
        byte[] body = ProtocolClient.writeBody(
                SIMPLE_FIELDS, Map.of("id", List.of(1L), "v", List.of(1L), "s", List.of("a")), "unordered", null);
        QueryCodec.Decoded sent = QueryCodec.decode(body);
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        emulator.url() + "/v1/arrays/alice/tt/query/finalize?type=WRITE"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                                        Arrays.copyOf(body, sent.length())))
                                .header("Content-Type", "application/capnp")
                                .header("X-TILEDB-REST-API-KEY", "alice-key")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        QueryMessage answered = QueryCodec.decode(r.body()).query();
        assertEquals("COMPLETED", answered.status());
        assertEquals("WRITE", answered.type());
    }

    @Test
    void estimatedResultSizesAreTheWholeResultsBuffers() throws Exception {
        array("tt", SIMPLE);
        assertEquals(
                200,
                write(
                                "tt",
                                SIMPLE_FIELDS,
                                Map.of(
                                        "id",
                                        List.of(1L, 2L, 3L),
                                        "v",
                                        List.of(1L, 2L, 3L),
                                        "s",
                                        List.of("a", "bb", "ccc")),
                                "unordered",
                                null,
                                "")
                        .status());
        byte[] query = QueryCodec.encode(ProtocolClient.readQuery(SIMPLE_FIELDS, "row-major", null, 64, null));
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        emulator.url() + "/v1/arrays/alice/tt/query/est_result_sizes?type=read"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(query))
                                .header("Content-Type", "application/capnp")
                                .header("X-TILEDB-REST-API-KEY", "alice-key")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        dev.cameltiledb.emulator.data.capnp.StructReader root = dev.cameltiledb.emulator.data.capnp.MessageReader.read(
                        r.body(), "EstimatedResultSize")
                .root();
        Map<String, List<Long>> memory = new LinkedHashMap<>();
        for (var e : root.getStruct(1, "memorySizes").getStructList(0, "entries")) {
            var v = e.getStruct(1, "value");
            memory.put(e.getText(0, "key"), List.of(v.getLong(0), v.getLong(8), v.getLong(16)));
        }
        assertEquals(Map.of("id", List.of(24L, 0L, 0L), "v", List.of(24L, 0L, 0L), "s", List.of(24L, 6L, 0L)), memory);
        var s = root.getStruct(0, "resultSizes").getStructList(0, "entries").get(2);
        assertEquals("s", s.getText(0, "key"));
        assertEquals(6.0, Double.longBitsToDouble(s.getStruct(1, "value").getLong(8)));
    }

    @Test
    void bodiesLargerThanTheJsonLimitAreTakenWritesWholeAndReadsSentBack() throws Exception {
        array("big", SIMPLE);
        // 20 strings of 900,000 characters: an 18 MB write, past the 16 MiB the emulator reads of a JSON body
        List<Long> ids = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add((long) i);
            values.add((long) i);
            strings.add(String.valueOf((char) ('a' + i)).repeat(900_000));
        }
        Answer w = write("big", SIMPLE_FIELDS, Map.of("id", ids, "v", values, "s", strings), "unordered", null, "");
        assertEquals(200, w.status(), w.text());
        // pages of 8 MB of strings; each continuation sends the whole previous answer back, as the JavaScript client
        QueryMessage first = new QueryMessage(
                "READ",
                "row-major",
                "UNINITIALIZED",
                List.of(
                        new QueryMessage.BufferHeader("id", 0, 0, 0, 1 << 10, 0, 0),
                        new QueryMessage.BufferHeader("s", 0, 0, 0, 1 << 10, 8_000_000, 0)),
                null,
                new QueryMessage.Reader("row-major", null, false, 0, null),
                null,
                "bytes",
                false,
                64,
                0,
                0,
                0,
                null);
        List<Answer> pages = alice().readAll("alice/big", SIMPLE_FIELDS, first, true);
        assertEquals(3, pages.size(), "8 strings a page");
        Map<String, List<Object>> cells = ProtocolClient.cells(pages);
        assertEquals(new ArrayList<Object>(ids), cells.get("id"));
        assertEquals(new ArrayList<Object>(strings), cells.get("s"));
    }

    @Test
    void aWriteWhoseBodyIsCutShortWritesNothing() throws Exception {
        array("tt", SIMPLE);
        byte[] body = ProtocolClient.writeBody(
                SIMPLE_FIELDS,
                Map.of("id", List.of(1L, 2L), "v", List.of(1L, 2L), "s", List.of("a", "b")),
                "unordered",
                null);
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2/arrays/alice/tt/query/submit?type=WRITE HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/capnp\r\nX-TILEDB-REST-API-KEY: alice-key\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length - 5);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            // dropped unanswered, or refused: never written
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(!answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertEquals(
                Map.of(),
                readAll("tt", SIMPLE_FIELDS, "row-major", 1 << 10).entrySet().stream()
                        .filter(e -> !e.getValue().isEmpty())
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
