package dev.cameltiledb.emulator.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.cells.CellCursor;
import dev.cameltiledb.emulator.data.cells.CellQuery;
import dev.cameltiledb.emulator.data.cells.CellSnapshot;
import dev.cameltiledb.emulator.data.sql.SqlParameters;
import dev.cameltiledb.emulator.data.task.ArrayTask;
import dev.cameltiledb.emulator.data.task.TaskQuery;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlServiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TestCatalog catalog = new TestCatalog();
    private final Caller alice = Caller.of("alice", "acme");
    private DataEngine engine;

    @BeforeEach
    void seed() throws IOException {
        engine = DataEngine.builder(catalog).arrowBatchRows(2).build();
        catalog.add("acme", "sales", TestCatalog.SPARSE);
        engine.cells().seed("acme", "sales", MAPPER.readTree("""
                {"id": [1, 2, 3, 4, 5],
                 "price": [10.5, 20.0, 30.25, 40.0, 50.0],
                 "label": ["a", "b", null, "d", "e"],
                 "day": ["2024-03-01", "2024-03-02", null, "2024-03-04", "2024-03-05"],
                 "at": [1709287200123, null, null, null, null]}"""), 1000L);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private record Result(StreamedAnswer answer, byte[] body) {}

    private Result run(SqlParameters request) throws IOException {
        try (StreamedAnswer answer = engine.sql().run(alice, "acme", request)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            return new Result(answer, out.toByteArray());
        }
    }

    @Test
    void jsonResultIsAnArrayOfRowObjectsOverTheArraysCellsWithParametersAndInitCommands() throws IOException {
        SqlParameters request = SqlParameters.of(
                        "select label, price * @f as scaled, day, at from `tiledb://acme/sales` where id >= ? order by id")
                .withInit(List.of("SET @f = 2"), List.of(4));
        Result r = run(request);
        assertEquals(200, r.answer().status());
        assertEquals("application/json", r.answer().contentType());
        JsonNode rows = MAPPER.readTree(r.body());
        assertEquals(2, rows.size());
        assertEquals("d", rows.get(0).get("label").asText());
        assertEquals(80.0, rows.get(0).get("scaled").asDouble());
        assertEquals("2024-03-04", rows.get(0).get("day").asText());
        assertTrue(rows.get(0).get("at").isNull());

        JsonNode first = MAPPER.readTree(
                run(SqlParameters.of("select at, count(*) as n, sum(price) as total from `tiledb://acme/sales`"
                                + " where id = 1 group by at"))
                        .body());
        assertEquals("2024-03-01 10:00:00.123", first.get(0).get("at").asText());
        assertEquals(1, first.get(0).get("n").asInt());

        ArrayTask task = engine.tasks().get(r.answer().taskId()).orElseThrow().task();
        assertEquals("COMPLETED", task.status());
        assertEquals("SQL", task.type());
        assertEquals("alice", task.username());
        assertEquals("acme", task.namespace());
        assertEquals(request.query(), task.sqlQuery());
        assertEquals(List.of("SET @f = 2"), task.sqlInitCommands());
        assertEquals(List.of(4), task.sqlParameters());
        assertNotNull(task.finishTime());
        assertEquals(
                List.of("tiledb://acme/sales"),
                engine.tasks().get(task.id()).orElseThrow().arrays());
        TaskQuery byArray = TaskQuery.from(Map.of("array", List.of("sales"), "type", List.of("sql")));
        assertEquals(2, engine.tasks().list(byArray).size());
    }

    @Test
    void arrowResultIsAnIpcStreamThatApacheArrowReads() throws Exception {
        Result r =
                run(SqlParameters.of("select id, price, label, day, at, id > 2 as big, cast(price as decimal(10,2)) as"
                                + " exact from `tiledb://acme/sales` order by id")
                        .withResultFormat("arrow"));
        assertEquals("application/vnd.apache.arrow.stream", r.answer().contentType());
        List<List<Object>> rows = new ArrayList<>();
        List<String> types = new ArrayList<>();
        int batches = 0;
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(r.body()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            root.getSchema().getFields().forEach(f -> types.add(f.getName() + ":" + f.getType()));
            while (reader.loadNextBatch()) {
                batches++;
                for (int i = 0; i < root.getRowCount(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (var v : root.getFieldVectors()) {
                        Object o = v.getObject(i);
                        row.add(o == null ? null : o.toString());
                    }
                    rows.add(row);
                }
            }
        }
        assertEquals(3, batches, "five rows in batches of two");
        assertEquals(
                List.of(
                        "id:Int(64, true)",
                        "price:FloatingPoint(DOUBLE)",
                        "label:Utf8",
                        "day:Date(DAY)",
                        "at:Timestamp(MICROSECOND, null)",
                        "big:Bool",
                        "exact:Decimal(10, 2, 128)"),
                types);
        assertEquals(
                // Arrow's Java reader gives a Date(DAY) as its day number: 19783 is 2024-03-01
                java.util.Arrays.asList("1", "10.5", "a", "19783", "2024-03-01T10:00:00.123", "false", "10.50"),
                rows.get(0));
        assertEquals(java.util.Arrays.asList("3", "30.25", null, null, null, "true", "30.25"), rows.get(2));
        assertEquals(5, rows.size());
    }

    @Test
    void anEmptyArrowResultIsASchemaAndTheEndOfStream() throws Exception {
        Result r = run(SqlParameters.of("select id from `tiledb://acme/sales` where id > 100")
                .withResultFormat("arrow"));
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(r.body()), allocator)) {
            assertEquals(
                    "id",
                    reader.getVectorSchemaRoot().getSchema().getFields().get(0).getName());
            assertEquals(false, reader.loadNextBatch());
        }
    }

    @Test
    void badSqlIsA400NamingTheProblemAndLeavesAFailedTask() {
        EngineException e = assertThrows(
                EngineException.class, () -> engine.sql().run(alice, "acme", SqlParameters.of("selec * from x")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("query is not valid SQL: Syntax error"), e.getMessage());
        ArrayTask task = engine.tasks().get(e.taskId()).orElseThrow().task();
        assertEquals("FAILED", task.status());
        assertEquals(e.getMessage(), task.statusMessage());

        EngineException init = assertThrows(
                EngineException.class,
                () -> engine.sql()
                        .run(alice, "acme", SqlParameters.of("select 1").withInit(List.of("SET @a = = 1"), null)));
        assertTrue(init.getMessage().startsWith("init_commands[0] is not valid SQL"), init.getMessage());

        EngineException params = assertThrows(
                EngineException.class,
                () -> engine.sql()
                        .run(alice, "acme", SqlParameters.of("select ? + ?").withInit(null, List.of(1))));
        assertEquals("the query has 2 ? placeholders and parameters gives 1 value", params.getMessage());
    }

    @Test
    void anUnknownOrHiddenArrayIsA404NamingIt() {
        EngineException unknown = assertThrows(
                EngineException.class,
                () -> engine.sql().run(alice, "acme", SqlParameters.of("select * from `tiledb://acme/nope`")));
        assertEquals(404, unknown.status());
        assertEquals("array tiledb://acme/nope does not exist or you may not see it", unknown.getMessage());
        assertEquals(
                "FAILED",
                engine.tasks().get(unknown.taskId()).orElseThrow().task().status());

        Caller bob = Caller.of("bob");
        EngineException hidden = assertThrows(
                EngineException.class,
                () -> engine.sql().run(bob, "bob", SqlParameters.of("select * from `tiledb://acme/sales`")));
        assertEquals(404, hidden.status());
        assertTrue(hidden.getMessage().contains("tiledb://acme/sales"));
    }

    @Test
    void sqlChangesNothing() {
        EngineException e = assertThrows(
                EngineException.class,
                () -> engine.sql().run(alice, "acme", SqlParameters.of("delete from `tiledb://acme/sales`")));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("reads arrays and changes nothing"), e.getMessage());
        try (CellSnapshot s = engine.cells().snapshot();
                CellCursor c = s.open(engine.cells().array("acme", "sales"), CellQuery.all())) {
            int n = 0;
            while (c.next()) {
                n++;
            }
            assertEquals(5, n);
        }
    }

    @Test
    void storedResultsAreServedByTheTaskAndOthersAreNot() throws IOException {
        Result kept = run(SqlParameters.of("select id from `tiledb://acme/sales` where id < 3 order by id")
                .withStorage(null, true, false));
        try (StreamedAnswer result = engine.tasks().result(kept.answer().taskId())) {
            assertEquals(200, result.status());
            assertEquals("application/json", result.contentType());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            result.writeTo(out);
            assertArrayEquals(kept.body(), out.toByteArray());
            assertEquals("[{\"id\":1},{\"id\":2}]", out.toString());
        }
        Result notKept = run(SqlParameters.of("select 1 as one"));
        EngineException e = assertThrows(
                EngineException.class,
                () -> engine.tasks().result(notKept.answer().taskId()));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("store_results=true"), e.getMessage());
    }

    @Test
    void dontDownloadResultsAnswers204AfterStoringTheResult() throws IOException {
        try (StreamedAnswer answer = engine.sql()
                .run(
                        alice,
                        "acme",
                        SqlParameters.of("select count(*) as n from `tiledb://acme/sales`")
                                .withStorage(null, true, true))) {
            assertEquals(204, answer.status());
            assertEquals(
                    "COMPLETED",
                    engine.tasks().get(answer.taskId()).orElseThrow().task().status());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            engine.tasks().result(answer.taskId()).writeTo(out);
            assertEquals("[{\"n\":5}]", out.toString());
        }
    }

    @Test
    void outputUriStoresTheResultAsANewArrayThatSqlReadsBack() throws IOException {
        run(SqlParameters.of("select id, price, label, day from `tiledb://acme/sales` where id <= 3 order by id")
                .withStorage("tiledb://acme/cheap", false, false));
        ArrayEntry cheap = catalog.find("acme", "cheap").orElseThrow();
        assertEquals("dense", cheap.schema().get("arrayType").asText());
        JsonNode back = MAPPER.readTree(run(SqlParameters.of(
                        "select `__row`, id, price, label, day from `tiledb://acme/cheap` order by `__row`"))
                .body());
        assertEquals(MAPPER.readTree("""
                        [{"__row":0,"id":1,"price":10.5,"label":"a","day":"2024-03-01"},
                         {"__row":1,"id":2,"price":20.0,"label":"b","day":"2024-03-02"},
                         {"__row":2,"id":3,"price":30.25,"label":null,"day":null}]"""), back);

        EngineException foreign = assertThrows(
                EngineException.class,
                () -> run(SqlParameters.of("select 1 as x").withStorage("tiledb://other/out", false, false)));
        assertEquals(403, foreign.status());
    }

    @Test
    void aResultNeverReadFailsItsTask() {
        StreamedAnswer answer = engine.sql().run(alice, "acme", SqlParameters.of("select 1 as one"));
        answer.close();
        ArrayTask task = engine.tasks().get(answer.taskId()).orElseThrow().task();
        assertEquals("FAILED", task.status());
        assertEquals("the result was never read", task.statusMessage());
        assertNull(engine.tasks().get(answer.taskId()).orElseThrow().task().sqlInitCommands());
    }

    @Test
    void unsupportedResultFormatIsRefusedBeforeRunning() {
        EngineException e = assertThrows(
                EngineException.class,
                () -> engine.sql()
                        .run(alice, "acme", SqlParameters.of("select 1").withResultFormat("python_pickle")));
        assertEquals(400, e.status());
        assertNull(e.taskId());
        assertTrue(e.getMessage().contains("use json or arrow"));
    }
}
