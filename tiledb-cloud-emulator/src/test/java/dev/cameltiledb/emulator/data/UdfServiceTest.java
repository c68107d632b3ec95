package dev.cameltiledb.emulator.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.query.QueryRanges;
import dev.cameltiledb.emulator.data.task.ArrayTask;
import dev.cameltiledb.emulator.data.udf.UdfArgument;
import dev.cameltiledb.emulator.data.udf.UdfArrayDetails;
import dev.cameltiledb.emulator.data.udf.UdfCall;
import dev.cameltiledb.emulator.data.udf.UdfInfoUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdfServiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TestCatalog catalog = new TestCatalog();
    private final Caller alice = Caller.of("alice", "acme");
    private DataEngine engine;

    @BeforeEach
    void seed() throws IOException {
        engine = DataEngine.builder(catalog).maxLogBytes(4096).build();
        catalog.add("acme", "grid", TestCatalog.DENSE_2D);
        engine.cells().seed("acme", "grid", MAPPER.readTree("""
                {"rows": [1, 1, 2, 2], "cols": [1, 2, 1, 2], "a": [1, 2, 3, 4]}"""), 1000L);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private record Result(StreamedAnswer answer, JsonNode body) {}

    private Result generic(UdfCall call) throws IOException {
        try (StreamedAnswer answer = engine.udfs().generic(alice, "acme", call)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            return new Result(answer, MAPPER.readTree(out.toByteArray()));
        }
    }

    private ArrayTask task(String id) {
        return engine.tasks().get(id).orElseThrow().task();
    }

    @Test
    void pythonSourceRunsWithJsonArgumentsAndItsOutputBecomesTheTasksLogs() throws IOException {
        Python.assumePresent();
        Result r = generic(UdfCall.source("""
                def add(x, y):
                    print("adding", x, "and", y)
                    return {"sum": x + y}
                """, "[2, 40]"));
        assertEquals(200, r.answer().status());
        assertEquals("application/json", r.answer().contentType());
        assertEquals(42, r.body().get("sum").asInt());
        ArrayTask task = task(r.answer().taskId());
        assertEquals("COMPLETED", task.status());
        assertEquals("GENERIC_UDF", task.type());
        assertEquals("adding 2 and 40\n", task.logs());
        assertNotNull(task.finishTime());
        assertTrue(task.duration() >= 0);
        assertTrue(task.udfCode().contains("def add"));
    }

    @Test
    void namedArgumentsJsonAndStoredResultsAreServedByTheTask() throws IOException {
        Python.assumePresent();
        UdfCall call = UdfCall.source("def f(word, times=1):\n    return [word] * times\n", null)
                .withArguments(List.of(
                        new UdfArgument(null, MAPPER.getNodeFactory().textNode("hi")),
                        new UdfArgument("times", MAPPER.getNodeFactory().numberNode(3))))
                .withResult("json", true);
        Result r = generic(call);
        assertEquals(MAPPER.readTree("[\"hi\",\"hi\",\"hi\"]"), r.body());
        try (StreamedAnswer stored = engine.tasks().result(r.answer().taskId())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stored.writeTo(out);
            assertEquals(200, stored.status());
            assertEquals(r.body(), MAPPER.readTree(out.toByteArray()));
        }
    }

    @Test
    void anArraySliceArrivesAsColumnsOfTheRangesAndFieldsAsked() throws IOException {
        Python.assumePresent();
        UdfCall call = UdfCall.source(
                        "def total(data):\n    return {'cells': len(data['a']), 'sum': sum(data['a'])}\n", null)
                .withArrays(List.of(new UdfArrayDetails(
                        null,
                        "tiledb://acme/grid",
                        new QueryRanges("row-major", List.of(List.of(2, 2), List.of())),
                        List.of("a"))));
        try (StreamedAnswer answer = engine.udfs().multiArray(alice, "acme", call)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            assertEquals(MAPPER.readTree("{\"cells\":2,\"sum\":7}"), MAPPER.readTree(out.toByteArray()));
            ArrayTask task = task(answer.taskId());
            assertEquals("UDF", task.type());
            assertEquals(
                    List.of("tiledb://acme/grid"),
                    engine.tasks().get(answer.taskId()).orElseThrow().arrays());
        }
        // the single-array call takes its slice from ranges and buffers
        UdfCall single = UdfCall.source("def first(data):\n    return data['a'][0]\n", null)
                .withSlice(new QueryRanges(null, List.of(List.of(2, 2), List.of(2, 2))), List.of("a"));
        try (StreamedAnswer answer = engine.udfs().singleArray(alice, "acme", "grid", single)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            assertEquals("4", out.toString().strip());
        }
    }

    @Test
    void aUdfThatRaisesFailsWithItsTracebackInTheErrorAndTheLogs() {
        Python.assumePresent();
        EngineException e = assertThrows(EngineException.class, () -> generic(UdfCall.source("""
                def boom(x):
                    print("about to fail")
                    raise ValueError("no good: " + str(x))
                """, "[7]")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("ValueError: no good: 7"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3, in boom"), e.getMessage());
        ArrayTask task = task(e.taskId());
        assertEquals("FAILED", task.status());
        assertTrue(task.logs().startsWith("about to fail\n"), task.logs());
        assertTrue(task.logs().contains("ValueError: no good: 7"), task.logs());
        assertTrue(task.statusMessage().contains("ValueError"), task.statusMessage());
    }

    @Test
    void aUdfPastItsTimeoutIsKilledWithWhatItStartedAndItsTaskFails(@TempDir Path dir) throws Exception {
        Python.assumePresent();
        Path pids = dir.resolve("pids");
        String busy = """
                def spin(path):
                    import os, subprocess, sys
                    def note(pid):
                        with open(path, "a") as f:
                            f.write("%d\\n" % pid)
                    note(os.getpid())
                    child = subprocess.Popen([sys.executable, "-c", "while True: pass"])
                    note(child.pid)
                    while True:
                        pass
                """;
        UdfCall call = UdfCall.source(busy, MAPPER.writeValueAsString(List.of(pids.toString())))
                .withTimeout(2);
        EngineException e = assertThrows(EngineException.class, () -> generic(call));
        assertEquals(504, e.status());
        assertTrue(e.getMessage().contains("timeout of 2 s"), e.getMessage());
        assertEquals("FAILED", task(e.taskId()).status());
        assertTrue(Files.exists(pids), "the UDF ran until it was stopped");
        for (String pid : Files.readAllLines(pids)) {
            Optional<ProcessHandle> left = ProcessHandle.of(Long.parseLong(pid));
            assertFalse(left.isPresent() && left.get().isAlive(), "process " + pid + " is still running");
        }
    }

    @Test
    void whereTheInterpreterIsMissingTheErrorNamesIt() throws IOException {
        try (DataEngine without = DataEngine.builder(catalog)
                .pythonExecutable("/nonexistent/python3")
                .build()) {
            EngineException e = assertThrows(
                    EngineException.class,
                    () -> without.udfs().generic(alice, "acme", UdfCall.source("def f():\n    return 1\n", null)));
            assertEquals(501, e.status());
            assertTrue(e.getMessage().contains("'/nonexistent/python3'"), e.getMessage());
            assertTrue(e.getMessage().contains("Install Python 3"), e.getMessage());
            ArrayTask task = without.tasks().get(e.taskId()).orElseThrow().task();
            assertEquals("FAILED", task.status());
            assertTrue(task.statusMessage().contains("/nonexistent/python3"));
        }
    }

    @Test
    void aRegisteredUdfRunsByNameAndAnUnknownOneIsA404() throws IOException {
        Python.assumePresent();
        engine.udfRegistry().register(alice, "acme", "double", UdfInfoUpdate.python("def d(x):\n    return x * 2\n"));
        Result r = generic(UdfCall.registered("acme/double", "[21]"));
        assertEquals(42, r.body().asInt());
        EngineException e = assertThrows(EngineException.class, () -> generic(UdfCall.registered("acme/nope", "[1]")));
        assertEquals(404, e.status());
    }

    @Test
    void badRequestsAreRefusedBeforeAnyTaskRuns() {
        EngineException noCode = assertThrows(
                EngineException.class, () -> engine.udfs().generic(alice, "acme", UdfCall.source(null, "[1]")));
        assertEquals(400, noCode.status());
        assertTrue(noCode.getMessage().contains("exec_raw"));
        EngineException arrow = assertThrows(
                EngineException.class,
                () -> engine.udfs()
                        .generic(
                                alice,
                                "acme",
                                UdfCall.source("def f():\n    return 1\n", null).withResult("arrow", false)));
        assertTrue(arrow.getMessage().contains("result_format arrow"));
        EngineException unknownArray = assertThrows(
                EngineException.class,
                () -> engine.udfs()
                        .multiArray(
                                alice,
                                "acme",
                                UdfCall.source("def f(d):\n    return 1\n", null)
                                        .withArrays(List.of(
                                                new UdfArrayDetails(null, "tiledb://acme/missing", null, null)))));
        assertEquals(404, unknownArray.status());
        assertTrue(unknownArray.getMessage().contains("tiledb://acme/missing"));
        assertTrue(engine.tasks()
                .list(dev.cameltiledb.emulator.data.task.TaskQuery.all())
                .isEmpty());
    }
}
