package dev.cameltiledb.component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.WrittenFragment;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:arrays?operation=read} and {@code write} over HTTP to the emulator's query protocol: every datatype
 * written as rows or columns and read back equal, as rows or typed columns, in every layout, dense and sparse; time
 * travel by fragment timestamps; a small readBufferSize taking many pages; writes cut into fragments of fragmentSize;
 * bad cells refused before any write request, naming the row, the field and what to fix.
 */
class CellsReadWriteTest extends DataPlaneRouteTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "cellsns";
    private static final long VAR = 4294967295L;

    @Override
    String namespace() {
        return NS;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to(SuiteEmulator.arrays("operation=create&namespace=" + NS));
                from("direct:write").to(SuiteEmulator.arrays("operation=write&namespace=" + NS));
                from("direct:read").to(SuiteEmulator.arrays("operation=read&namespace=" + NS));
                from("direct:read-rows")
                        .to(SuiteEmulator.arrays("operation=read&namespace=" + NS + "&streamResults=true"))
                        .split(body())
                        .streaming()
                        .to("mock:cell");
                from("direct:read-pages")
                        .to(SuiteEmulator.arrays("operation=read&namespace=" + NS
                                + "&streamResults=true&cellFormat=columns&readBufferSize=1024"))
                        .split(body())
                        .streaming()
                        .to("mock:page");
                // a read streamed straight into a write of another array: nothing is held but a page
                from("direct:copy")
                        .to(SuiteEmulator.arrays(
                                "operation=read&namespace=" + NS + "&streamResults=true" + "&readBufferSize=2048"))
                        .setHeader(TileDBConstants.ARRAY, header("target"))
                        .to(SuiteEmulator.arrays("operation=write&namespace=" + NS + "&fragmentSize=100"));
            }
        };
    }

    // ---------------------------------------------------------------- datatypes

    private static final List<String> TYPED_ATTRIBUTES = List.of(
            "i8:INT8",
            "u8:UINT8",
            "i16:INT16",
            "u16:UINT16",
            "i32:INT32",
            "u32:UINT32",
            "i64:INT64",
            "u64:UINT64",
            "f32:FLOAT32",
            "f64:FLOAT64",
            "s:STRING_UTF8",
            "a:STRING_ASCII",
            "ms:DATETIME_MS",
            "day:DATETIME_DAY",
            "n:INT32:nullable",
            "ns:STRING_UTF8:nullable");

    /** Row i of the typed array, as a read gives it back (the Java type each TileDB type is read as). */
    private static Map<String, Object> typedRow(int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", (long) (i * 10));
        row.put("i8", -100 + i);
        row.put("u8", 250 - i);
        row.put("i16", -30000 + i);
        row.put("u16", 65000 + i);
        row.put("i32", Integer.MIN_VALUE + i);
        row.put("u32", 4_000_000_000L + i);
        row.put("i64", Long.MAX_VALUE - i);
        row.put("u64", 1L << 62 | i);
        row.put("f32", 1.5f * i);
        row.put("f64", -2.25 * i - 0.5); // not -0.0: the emulator's SQL store keeps no sign of zero
        row.put("s", i % 2 == 0 ? "zürich " + i : "");
        row.put("a", "ascii-" + i);
        row.put("ms", 1_700_000_000_000L + i);
        row.put("day", 19_000L + i);
        row.put("n", i % 3 == 0 ? null : i);
        row.put("ns", i % 2 == 1 ? null : "v" + i);
        return row;
    }

    @Test
    void everyDatatypeRoundTripsAsRowsAndAsColumns() {
        create("typed", "sparse", "INT64", List.of("id:0:1000000:1000"), TYPED_ATTRIBUTES);
        List<Map<String, Object>> expected = new ArrayList<>();
        List<Map<String, Object>> given = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> row = typedRow(i);
            expected.add(row);
            Map<String, Object> asGiven = new LinkedHashMap<>(row);
            // datetimes may be given as the instants and dates they are
            asGiven.put("ms", Instant.ofEpochMilli((Long) row.get("ms")));
            asGiven.put("day", LocalDate.ofEpochDay((Long) row.get("day")));
            given.add(asGiven);
        }
        Exchange written = send("direct:write", given, Map.of(TileDBConstants.ARRAY, "typed"));
        assertEquals(1, fragments(written).size());
        assertEquals(7L, written.getMessage().getHeader(TileDBConstants.CELLS_WRITTEN));

        Exchange rows = send("direct:read", null, Map.of(TileDBConstants.ARRAY, "typed"));
        assertEquals(expected, ok(rows));
        assertEquals(7L, rows.getMessage().getHeader(TileDBConstants.CELLS_READ));
        assertEquals(1, rows.getMessage().getHeader(TileDBConstants.READ_PAGES));

        CellColumns columns = (CellColumns) ok(send(
                "direct:read", null, Map.of(TileDBConstants.ARRAY, "typed", TileDBConstants.CELL_FORMAT, "columns")));
        assertEquals(7, columns.size());
        assertArrayEquals(new long[] {0, 10, 20, 30, 40, 50, 60}, (long[]) columns.column("id"));
        assertInstanceOf(int[].class, columns.column("i8"));
        assertInstanceOf(float[].class, columns.column("f32"));
        assertInstanceOf(String[].class, columns.column("s"));
        assertArrayEquals(new boolean[] {false, true, true, false, true, true, false}, columns.validity("n"));
        assertEquals(expected, columns.rows());

        // the columns read are a body a write takes: into a second array, then read back equal
        create("typed-copy", "sparse", "INT64", List.of("id:0:1000000:1000"), TYPED_ATTRIBUTES);
        ok(send("direct:write", columns, Map.of(TileDBConstants.ARRAY, "typed-copy")));
        assertEquals(expected, ok(send("direct:read", null, Map.of(TileDBConstants.ARRAY, "typed-copy"))));
    }

    @Test
    void aMapOfColumnsIsWrittenAndFieldsAndRangesSliceTheRead() {
        create("cols", "sparse", "INT64", List.of("id:0:1000:10"), List.of("v:FLOAT64", "tag:STRING_UTF8"));
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", new long[] {5, 1, 3, 2, 4});
        columns.put("v", List.of(0.5, 0.1, 0.3, 0.2, 0.4));
        columns.put("tag", new String[] {"e", "a", "c", "b", "d"});
        Exchange written = send("direct:write", columns, Map.of(TileDBConstants.ARRAY, "cols"));
        assertEquals(5L, written.getMessage().getHeader(TileDBConstants.CELLS_WRITTEN));

        assertEquals(
                List.of(Map.of("tag", "b", "v", 0.2), Map.of("tag", "c", "v", 0.3), Map.of("tag", "d", "v", 0.4)),
                ok(send(
                        "direct:read",
                        null,
                        Map.of(
                                TileDBConstants.ARRAY, "cols",
                                TileDBConstants.RANGES, "[[2, 4]]",
                                TileDBConstants.FIELDS, "tag,v"))));
    }

    // ---------------------------------------------------------------- layouts, dense and sparse

    @Test
    void aDenseArrayWrittenWithoutCoordinatesIsCutIntoSlabsAndReadInEveryLayout() {
        create("grid", "dense", "INT32", List.of("r:1:4:2", "c:1:3:3"), List.of("v:INT64", "w:FLOAT64"));
        long[] v = new long[12];
        double[] w = new double[12];
        for (int i = 0; i < 12; i++) {
            v[i] = 10L * (i / 3 + 1) + (i % 3 + 1); // cell (r, c) holds 10 r + c, row-major over the domain
            w[i] = v[i] / 2.0;
        }
        Exchange written = send(
                "direct:write",
                Map.of("v", v, "w", w),
                Map.of(TileDBConstants.ARRAY, "grid", TileDBConstants.FRAGMENT_SIZE, 7));
        // a slab (one r) is 3 cells: fragments of at most 7 cells hold two slabs, so 2 + 2
        List<WrittenFragment> fragments = fragments(written);
        assertEquals(
                List.of(6L, 6L), fragments.stream().map(WrittenFragment::cells).toList());
        assertEquals(12L, written.getMessage().getHeader(TileDBConstants.CELLS_WRITTEN));
        assertEquals(fragments.get(1).uri(), written.getMessage().getHeader(TileDBConstants.FRAGMENT_URI));

        assertEquals(
                List.of(11L, 12L, 13L, 21L, 22L, 23L, 31L, 32L, 33L, 41L, 42L, 43L),
                column(read("grid", "row-major"), "v"));
        assertEquals(
                List.of(11L, 21L, 31L, 41L, 12L, 22L, 32L, 42L, 13L, 23L, 33L, 43L),
                column(read("grid", "col-major"), "v"));
        for (String layout : List.of("global-order", "unordered")) {
            List<Map<String, Object>> cells = read("grid", layout);
            assertEquals(12, cells.size(), layout);
            for (Map<String, Object> cell : cells) {
                long expected = 10L * ((Integer) cell.get("r")) + (Integer) cell.get("c");
                assertEquals(expected, cell.get("v"), layout + " " + cell);
                assertEquals(expected / 2.0, cell.get("w"), layout + " " + cell);
            }
        }
        // a dense write with coordinates fills a box, in any order; it overwrites that box only
        List<Map<String, Object>> box = List.of(
                Map.of("r", 3, "c", 2, "v", -32L, "w", 0.0),
                Map.of("r", 2, "c", 3, "v", -23L, "w", 0.0),
                Map.of("r", 2, "c", 2, "v", -22L, "w", 0.0),
                Map.of("r", 3, "c", 3, "v", -33L, "w", 0.0));
        ok(send("direct:write", box, Map.of(TileDBConstants.ARRAY, "grid")));
        assertEquals(
                List.of(11L, 12L, 13L, 21L, -22L, -23L, 31L, -32L, -33L, 41L, 42L, 43L),
                column(read("grid", "row-major"), "v"));
    }

    @Test
    void aSparseArrayIsReadInEveryLayout() {
        create("points", "sparse", "INT32", List.of("x:1:100:10", "y:1:100:10"), List.of("v:INT32"));
        List<Map<String, Object>> points = new ArrayList<>();
        int[][] xy = {{3, 1}, {1, 2}, {2, 1}, {1, 1}, {2, 2}, {3, 2}};
        for (int[] p : xy) {
            points.add(Map.of("x", p[0], "y", p[1], "v", 10 * p[0] + p[1]));
        }
        ok(send("direct:write", points, Map.of(TileDBConstants.ARRAY, "points")));
        assertEquals(List.of(11, 12, 21, 22, 31, 32), column(read("points", "row-major"), "v"));
        assertEquals(List.of(11, 21, 31, 12, 22, 32), column(read("points", "col-major"), "v"));
        for (String layout : List.of("global-order", "unordered")) {
            assertEquals(Set.of(11, 12, 21, 22, 31, 32), Set.copyOf(column(read("points", layout), "v")), layout);
        }
    }

    // ---------------------------------------------------------------- time travel

    @Test
    void fragmentTimestampsAreWrittenAndReadsTravelInTime() {
        create("history", "sparse", "INT64", List.of("id:0:100:10"), List.of("v:STRING_UTF8"));
        Exchange first = send(
                "direct:write",
                List.of(Map.of("id", 1, "v", "a1"), Map.of("id", 2, "v", "b1")),
                Map.of(TileDBConstants.ARRAY, "history", TileDBConstants.WRITE_TIMESTAMP, 1_000L));
        assertEquals(1_000L, first.getMessage().getHeader(TileDBConstants.FRAGMENT_TIMESTAMP));
        Exchange second = send(
                "direct:write",
                List.of(Map.of("id", 2, "v", "b2"), Map.of("id", 3, "v", "c2")),
                Map.of(TileDBConstants.ARRAY, "history", TileDBConstants.WRITE_TIMESTAMP, "2000"));
        assertEquals(2_000L, second.getMessage().getHeader(TileDBConstants.FRAGMENT_TIMESTAMP));
        assertEquals(2_000L, fragments(second).get(0).timestamp());

        assertEquals(List.of("a1", "b1"), column(readAt("history", null, 1_500L), "v"));
        assertEquals(List.of("a1", "b2", "c2"), column(readAt("history", null, null), "v"));
        assertEquals(List.of("b2", "c2"), column(readAt("history", 1_500L, null), "v"));
        assertEquals(List.of("a1", "b1"), column(readAt("history", 1_000L, 1_000L), "v"));

        String empty = refused(
                "direct:read",
                null,
                Map.of(
                        TileDBConstants.ARRAY, "history",
                        TileDBConstants.START_TIMESTAMP, 3_000L,
                        TileDBConstants.END_TIMESTAMP, 2_000L));
        assertTrue(
                empty.contains(TileDBConstants.START_TIMESTAMP) && empty.contains(TileDBConstants.END_TIMESTAMP),
                empty);
    }

    // ---------------------------------------------------------------- pages

    @Test
    void aSmallReadBufferTakesManyPagesAndEveryCellComesBackEqual() throws Exception {
        create("big", "sparse", "INT64", List.of("id:0:1000000:1000"), List.of("v:INT64", "s:STRING_UTF8"));
        int n = 3_000;
        long[] ids = new long[n];
        long[] vs = new long[n];
        String[] ss = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            vs[i] = (long) i * i;
            ss[i] = "s" + i;
        }
        Exchange written = send(
                "direct:write",
                Map.of("id", ids, "v", vs, "s", ss),
                Map.of(TileDBConstants.ARRAY, "big", TileDBConstants.FRAGMENT_SIZE, 1_000));
        assertEquals(3, fragments(written).size(), "3,000 cells in fragments of 1,000");

        Exchange paged = send(
                "direct:read",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "big",
                        TileDBConstants.READ_BUFFER_SIZE,
                        2048,
                        TileDBConstants.CELL_FORMAT,
                        "columns"));
        CellColumns all = (CellColumns) ok(paged);
        assertTrue(
                (Integer) paged.getMessage().getHeader(TileDBConstants.READ_PAGES) > 10,
                "pages: " + paged.getMessage().getHeader(TileDBConstants.READ_PAGES));
        assertEquals((long) n, paged.getMessage().getHeader(TileDBConstants.CELLS_READ));
        assertArrayEquals(ids, (long[]) all.column("id"));
        assertArrayEquals(vs, (long[]) all.column("v"));
        assertArrayEquals(ss, (String[]) all.column("s"));

        Exchange first = send(
                "direct:read",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "big",
                        TileDBConstants.READ_BUFFER_SIZE,
                        2048,
                        TileDBConstants.CELL_FORMAT,
                        "columns",
                        TileDBConstants.MAX_RESULTS,
                        100));
        CellColumns hundred = (CellColumns) ok(first);
        assertEquals(100, hundred.size());
        assertArrayEquals(java.util.Arrays.copyOf(vs, 100), (long[]) hundred.column("v"));
        assertEquals(100L, first.getMessage().getHeader(TileDBConstants.CELLS_READ));

        MockEndpoint pages = getMockEndpoint("mock:page");
        pages.setResultWaitTime(10_000);
        ok(send("direct:read-pages", null, Map.of(TileDBConstants.ARRAY, "big", TileDBConstants.FIELDS, "id,v")));
        List<CellColumns> taken = pages.getExchanges().stream()
                .map(x -> x.getMessage().getBody(CellColumns.class))
                .toList();
        assertTrue(taken.size() > 10, "pages of at most 1024 bytes: " + taken.size());
        long at = 0;
        for (CellColumns page : taken) {
            assertTrue(page.size() * 16L <= 1024, "a page within the buffer: " + page);
            for (int i = 0; i < page.size(); i++, at++) {
                assertEquals(at, ((long[]) page.column("id"))[i]);
                assertEquals(at * at, ((long[]) page.column("v"))[i]);
            }
        }
        assertEquals(n, at);

        MockEndpoint cells = getMockEndpoint("mock:cell");
        cells.expectedMessageCount(n);
        ok(send(
                "direct:read-rows",
                null,
                Map.of(TileDBConstants.ARRAY, "big", TileDBConstants.READ_BUFFER_SIZE, 4096)));
        cells.assertIsSatisfied();
        assertEquals(
                Map.of("id", 2999L, "v", 2999L * 2999L, "s", "s2999"),
                cells.getExchanges().get(n - 1).getMessage().getBody());
    }

    @Test
    void aStreamedReadIsClosedWhenTheExchangeCompletesUnread() {
        create("unread", "sparse", "INT64", List.of("id:0:1000:10"), List.of("v:INT32"));
        ok(send(
                "direct:write",
                List.of(Map.of("id", 1, "v", 1), Map.of("id", 2, "v", 2)),
                Map.of(TileDBConstants.ARRAY, "unread")));
        for (String format : List.of("rows", "columns")) {
            Exchange reply = send(
                    "direct:read",
                    null,
                    Map.of(
                            TileDBConstants.ARRAY,
                            "unread",
                            TileDBConstants.STREAM_RESULTS,
                            true,
                            TileDBConstants.CELL_FORMAT,
                            format));
            Iterator<?> body = (Iterator<?>) ok(reply);
            assertFalse(body.hasNext(), format + ": the exchange completed, so the read was closed");
        }
    }

    @Test
    void aStreamedReadIsWrittenIntoAnotherArrayAndBatchesOfRowsAreWrittenToo() {
        create("source", "sparse", "INT64", List.of("id:0:100000:100"), List.of("v:FLOAT64"));
        create("target", "sparse", "INT64", List.of("id:0:100000:100"), List.of("v:FLOAT64"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(Map.of("id", (long) i, "v", i / 4.0));
        }
        ok(send("direct:write", rows, Map.of(TileDBConstants.ARRAY, "source")));
        Exchange copied = send("direct:copy", null, Map.of(TileDBConstants.ARRAY, "source", "target", "target"));
        assertEquals(
                List.of(100L, 100L, 50L),
                fragments(copied).stream().map(WrittenFragment::cells).toList());
        assertEquals(rows, ok(send("direct:read", null, Map.of(TileDBConstants.ARRAY, "target"))));

        // an aggregated stream: an Iterator of Lists of rows, written fragmentSize rows at a time
        create("batched", "sparse", "INT64", List.of("id:0:100000:100"), List.of("v:FLOAT64"));
        Iterator<List<Map<String, Object>>> batches = List.of(
                        rows.subList(0, 40), rows.subList(40, 90), rows.subList(90, 95))
                .iterator();
        Exchange written = send(
                "direct:write", batches, Map.of(TileDBConstants.ARRAY, "batched", TileDBConstants.FRAGMENT_SIZE, 30));
        assertEquals(
                List.of(30L, 30L, 30L, 5L),
                fragments(written).stream().map(WrittenFragment::cells).toList());
        assertEquals(rows.subList(0, 95), ok(send("direct:read", null, Map.of(TileDBConstants.ARRAY, "batched"))));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badCellsAreRefusedBeforeAnyWriteNamingTheRowAndField() {
        create("strict", "sparse", "INT64", List.of("id:0:100:10"), List.of("v:INT32", "s:STRING_UTF8"));
        ok(send("direct:write", List.of(Map.of("id", 1, "v", 1, "s", "one")), Map.of(TileDBConstants.ARRAY, "strict")));
        // a streamed answer is recorded once it is sent whole, which may be just after the client has it
        dev.cameltiledb.emulator.common.Await.until(
                () -> writeRequests("strict").size() == 1, "the first write's record");
        List<String> writesBefore = writeRequests("strict");
        List<Map<String, Object>> before = read("strict", "row-major");

        Map<String, Object> noId = new HashMap<>(Map.of("v", 2, "s", "two"));
        String missing = refused(
                "direct:write",
                List.of(Map.of("id", 2, "v", 2, "s", "two"), noId),
                Map.of(TileDBConstants.ARRAY, "strict"));
        assertTrue(missing.contains("row 1") && missing.contains("dimension id"), missing);
        String wrongType = refused(
                "direct:write",
                List.of(Map.of("id", 2, "v", 2, "s", "two"), Map.of("id", 3, "v", "three", "s", "three")),
                Map.of(TileDBConstants.ARRAY, "strict"));
        assertTrue(
                wrongType.contains("row 1") && wrongType.contains("field v") && wrongType.contains("INT32"), wrongType);
        String outOfDomain = refused(
                "direct:write",
                List.of(Map.of("id", 2, "v", 2, "s", "two"), Map.of("id", 101, "v", 3, "s", "x")),
                Map.of(TileDBConstants.ARRAY, "strict"));
        assertTrue(
                outOfDomain.contains("cell 1")
                        && outOfDomain.contains("dimension id")
                        && outOfDomain.contains("[0, 100]"),
                outOfDomain);
        String unknown = refused(
                "direct:write",
                List.of(Map.of("id", 2, "v", 2, "s", "two", "extra", 1)),
                Map.of(TileDBConstants.ARRAY, "strict"));
        assertTrue(unknown.contains("row 0") && unknown.contains("extra"), unknown);
        String notRows = refused("direct:write", List.of("id,v"), Map.of(TileDBConstants.ARRAY, "strict"));
        assertTrue(notRows.contains("row 0") && notRows.contains("not a Map"), notRows);
        String badField =
                refused("direct:read", null, Map.of(TileDBConstants.ARRAY, "strict", TileDBConstants.FIELDS, "v,nope"));
        assertTrue(badField.contains(TileDBConstants.FIELDS) && badField.contains("nope"), badField);

        assertEquals(before, read("strict", "row-major"), "nothing was written");
        assertEquals(writesBefore, writeRequests("strict"), "no write request was sent");
    }

    @Test
    void aDenseBodyThatFillsNoBoxIsRefusedNamingFragmentSize() {
        create("tiles", "dense", "INT32", List.of("r:1:2:2", "c:1:2:2"), List.of("v:INT32"));
        String hole = refused(
                "direct:write",
                List.of(Map.of("r", 1, "c", 1, "v", 1), Map.of("r", 2, "c", 2, "v", 4)),
                Map.of(TileDBConstants.ARRAY, "tiles"));
        assertTrue(hole.contains("fills a box") && hole.contains(TileDBConstants.FRAGMENT_SIZE), hole);
        String notWhole =
                refused("direct:write", Map.of("v", new int[] {1, 2, 3}), Map.of(TileDBConstants.ARRAY, "tiles"));
        assertTrue(notWhole.contains("whole domain, 4 cells") && notWhole.contains("[r, c]"), notWhole);
        assertEquals(List.of(), writeRequests("tiles"));
    }

    @Test
    void aStreamThatFailsPartWayKeepsTheFragmentsWrittenAndSaysHowMany() {
        create("partial", "sparse", "INT64", List.of("id:0:100:10"), List.of("v:INT32"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(Map.of("id", (long) i, "v", i));
        }
        rows.set(7, Map.of("id", 7L, "v", "seven"));
        Exchange failed = send(
                "direct:write",
                rows.iterator(),
                Map.of(TileDBConstants.ARRAY, "partial", TileDBConstants.FRAGMENT_SIZE, 5));
        TileDBPartialWriteException error = assertInstanceOf(TileDBPartialWriteException.class, failed.getException());
        assertTrue(
                error.getMessage().contains("after 1 fragment of 5 cells")
                        && error.getMessage().contains("row 7")
                        && error.getMessage().contains("field v"),
                error.getMessage());
        assertEquals(5L, error.cellsWritten());
        assertEquals(5L, failed.getMessage().getHeader(TileDBConstants.CELLS_WRITTEN));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), column(read("partial", "row-major"), "id"));
    }

    @Test
    void noHeaderOfAReadOrWriteHoldsTheCredentials() {
        create("quiet", "sparse", "INT64", List.of("id:0:100:10"), List.of("v:INT32"));
        List<Exchange> replies = List.of(
                send("direct:write", List.of(Map.of("id", 1, "v", 1)), Map.of(TileDBConstants.ARRAY, "quiet")),
                send("direct:read", null, Map.of(TileDBConstants.ARRAY, "quiet")),
                send(
                        "direct:read",
                        null,
                        Map.of(TileDBConstants.ARRAY, "quiet", TileDBConstants.CELL_FORMAT, "columns")));
        for (Exchange reply : replies) {
            ok(reply);
            for (Map.Entry<String, Object> header :
                    reply.getMessage().getHeaders().entrySet()) {
                assertFalse(String.valueOf(header.getValue()).contains(SuiteEmulator.ALICE_TOKEN), header.getKey());
            }
            assertEquals("tiledb://" + NS + "/quiet", reply.getMessage().getHeader(TileDBConstants.ASSET_URI));
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Creates an array: dimensions written {@code name:lo:hi:extent} (all of {@code dimType}), attributes
     * {@code name:TYPE[:nullable]}.
     */
    private void create(String name, String type, String dimType, List<String> dims, List<String> attrs) {
        String key = dimType.toLowerCase(java.util.Locale.ROOT);
        String dimensions = dims.stream()
                .map(d -> d.split(":"))
                .map(d -> "{\"name\":\"" + d[0] + "\",\"type\":\"" + dimType + "\",\"domain\":{\"" + key + "\":[" + d[1]
                        + "," + d[2] + "]},\"nullTileExtent\":false,\"tileExtent\":{\"" + key + "\":" + d[3] + "}}")
                .collect(Collectors.joining(","));
        String attributes = attrs.stream()
                .map(a -> a.split(":"))
                .map(a -> "{\"name\":\"" + a[0] + "\",\"type\":\"" + a[1] + "\",\"cellValNum\":"
                        + (a[1].startsWith("STRING") ? VAR : 1) + ",\"nullable\":" + (a.length > 2)
                        + ",\"filterPipeline\":{}}")
                .collect(Collectors.joining(","));
        String schema = "{\"version\":[1,3,0],\"arrayType\":\"" + type
                + "\",\"tileOrder\":\"row-major\",\"cellOrder\":\"row-major\","
                + "\"capacity\":10000,\"allowsDuplicates\":false,\"coordsFilterPipeline\":{},"
                + "\"offsetFilterPipeline\":{},\"domain\":{\"type\":\"" + dimType
                + "\",\"tileOrder\":\"row-major\",\"cellOrder\":\"row-major\",\"dimensions\":[" + dimensions
                + "]},\"attributes\":[" + attributes + "]}";
        ok(send("direct:create", schema, Map.of(TileDBConstants.ARRAY, name)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> read(String array, String layout) {
        return (List<Map<String, Object>>)
                ok(send("direct:read", null, Map.of(TileDBConstants.ARRAY, array, TileDBConstants.LAYOUT, layout)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> readAt(String array, Long start, Long end) {
        Map<String, Object> headers = new HashMap<>(Map.of(TileDBConstants.ARRAY, array));
        if (start != null) {
            headers.put(TileDBConstants.START_TIMESTAMP, start);
        }
        if (end != null) {
            headers.put(TileDBConstants.END_TIMESTAMP, end);
        }
        return (List<Map<String, Object>>) ok(send("direct:read", null, headers));
    }

    private static List<Object> column(List<Map<String, Object>> rows, String field) {
        return rows.stream().map(r -> r.get(field)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<WrittenFragment> fragments(Exchange written) {
        Object body = ok(written);
        List<WrittenFragment> fragments =
                (List<WrittenFragment>) written.getMessage().getHeader(TileDBConstants.FRAGMENTS);
        assertEquals(fragments, body, "the body is the fragments made");
        assertNull(written.getException());
        return fragments;
    }

    /** The write requests the emulator answered for {@code array}. */
    private static List<String> writeRequests(String array) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().contains("/" + NS + "/" + array + "/"))
                .filter(x -> x.query().getOrDefault("type", List.of()).contains("WRITE"))
                .map(x -> x.method() + " " + x.rawPath() + " " + x.query())
                .toList();
    }
}
