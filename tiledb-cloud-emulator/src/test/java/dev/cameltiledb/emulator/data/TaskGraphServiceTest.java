package dev.cameltiledb.emulator.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cameltiledb.emulator.data.graph.RegisteredTaskGraph;
import dev.cameltiledb.emulator.data.graph.TaskGraph;
import dev.cameltiledb.emulator.data.graph.TaskGraphLog;
import dev.cameltiledb.emulator.data.graph.TaskGraphNode;
import dev.cameltiledb.emulator.data.task.ArrayTask;
import dev.cameltiledb.emulator.data.udf.UdfArgument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskGraphServiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final TestCatalog catalog = new TestCatalog();
    private final Caller alice = Caller.of("alice", "acme");
    private DataEngine engine;

    @BeforeEach
    void seed() throws IOException {
        engine = DataEngine.builder(catalog).graphThreads(2).build();
        catalog.add("acme", "sales", TestCatalog.SPARSE);
        engine.cells().seed("acme", "sales", MAPPER.readTree("{\"id\": [1, 2, 3], \"price\": [1.5, 2.5, 3.0]}"), 1000L);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static JsonNode output(String node) {
        return JSON.objectNode().put("__tdbudf__", "node_output").put("client_node_id", node);
    }

    private static UdfArgument arg(JsonNode value) {
        return new UdfArgument(null, value);
    }

    private TaskGraphLog runToEnd(TaskGraph graph) throws Exception {
        TaskGraph created = engine.graphs().create(alice, "acme", graph);
        TaskGraphLog submitted = engine.graphs().submit(alice, "acme", created.uuid());
        return engine.graphs().completion(alice, "acme", submitted.uuid()).get(60, TimeUnit.SECONDS);
    }

    private JsonNode result(ArrayTask task) throws IOException {
        try (StreamedAnswer answer = engine.tasks().result(task.id())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            answer.writeTo(out);
            return MAPPER.readTree(out.toByteArray());
        }
    }

    private static ArrayTask latest(TaskGraphLog log, String node) {
        List<ArrayTask> runs = log.node(node).executions();
        return runs.get(runs.size() - 1);
    }

    @Test
    void sqlNodesRunAfterWhatTheyDependOnWithInputsAsParametersAndKeepTheirResults() throws Exception {
        TaskGraph graph = TaskGraph.of(
                "nightly",
                List.of(
                        TaskGraphNode.input("floor", JSON.numberNode(2)),
                        TaskGraphNode.sql(
                                "count",
                                "select count(*) as n from `tiledb://acme/sales` where price >= ?",
                                List.of(output("floor")),
                                "floor"),
                        TaskGraphNode.sql(
                                "total", "select sum(price) as total from `tiledb://acme/sales`", List.of(), "count")));
        TaskGraphLog log = runToEnd(graph);

        assertEquals("succeeded", log.status());
        assertEquals(java.util.Map.of("COMPLETED", 3), log.statusCount());
        ArrayTask count = latest(log, "count");
        ArrayTask total = latest(log, "total");
        assertEquals(MAPPER.readTree("[{\"n\":2}]"), result(count));
        assertEquals(7.0, result(total).get(0).get("total").asDouble());
        assertEquals(log.uuid(), count.taskGraphUuid());
        assertEquals("count", count.clientNodeUuid());
        assertTrue(
                !Instant.parse(total.startTime()).isBefore(Instant.parse(count.finishTime())),
                "total started after count finished");
        assertEquals(List.of(), log.node("floor").executions(), "an input node runs no task");

        JsonNode wire = MAPPER.valueToTree(log);
        assertEquals("count", wire.get("nodes").get(1).get("client_node_uuid").asText());
        assertEquals(
                List.of("floor"), MAPPER.convertValue(wire.get("nodes").get(1).get("depends_on"), List.class));
        assertTrue(wire.has("status_count") && wire.has("task_graph_id") && wire.has("execution_time"));
    }

    @Test
    void udfNodesPassOutputsDownAndIndependentNodesRunAtTheSameTime(@TempDir Path dir) throws Exception {
        Python.assumePresent();
        // each of the two waits (bounded) for the other to have started: they complete only if they run together
        String meet = """
                def meet(me, other, folder, bound):
                    import os, time
                    open(os.path.join(folder, me), "w").close()
                    waited = 0
                    while not os.path.exists(os.path.join(folder, other)):
                        if waited > bound:
                            raise TimeoutError(me + " never met " + other)
                        time.sleep(0.01)
                        waited += 0.01
                    print(me, "met", other)
                    return 1
                """;
        String sum = "def add(a, b, base):\n    print('adding')\n    return base + a + b\n";
        TaskGraph graph = TaskGraph.of(
                "fan",
                List.of(
                        TaskGraphNode.input("base", JSON.numberNode(40)),
                        TaskGraphNode.udf(
                                "left",
                                meet,
                                List.of(
                                        arg(JSON.textNode("left")),
                                        arg(JSON.textNode("right")),
                                        arg(JSON.textNode(dir.toString())),
                                        arg(JSON.numberNode(30)))),
                        TaskGraphNode.udf(
                                "right",
                                meet,
                                List.of(
                                        arg(JSON.textNode("right")),
                                        arg(JSON.textNode("left")),
                                        arg(JSON.textNode(dir.toString())),
                                        arg(JSON.numberNode(30)))),
                        TaskGraphNode.udf(
                                "sum",
                                sum,
                                List.of(arg(output("left")), arg(output("right")), arg(output("base"))),
                                "left",
                                "right",
                                "base")));
        TaskGraphLog log = runToEnd(graph);
        assertEquals("succeeded", log.status(), () -> log.toString());
        assertEquals(42, result(latest(log, "sum")).asInt());
        assertEquals("left met right\n", latest(log, "left").logs());
        assertEquals("adding\n", latest(log, "sum").logs());
        assertEquals("BATCH_UDF", latest(log, "sum").type());
    }

    @Test
    void withParallelismOneTheSameNodesCannotMeet(@TempDir Path dir) throws Exception {
        Python.assumePresent();
        String meet = """
                def meet(me, other, folder):
                    import os, time
                    open(os.path.join(folder, me), "w").close()
                    for _ in range(50):
                        if os.path.exists(os.path.join(folder, other)):
                            return 1
                        time.sleep(0.01)
                    raise TimeoutError(me + " never met " + other)
                """;
        TaskGraph graph = TaskGraph.of(
                        "one at a time",
                        List.of(
                                TaskGraphNode.udf(
                                        "left",
                                        meet,
                                        List.of(
                                                arg(JSON.textNode("left")),
                                                arg(JSON.textNode("right")),
                                                arg(JSON.textNode(dir.toString())))),
                                TaskGraphNode.udf(
                                        "right",
                                        meet,
                                        List.of(
                                                arg(JSON.textNode("right")),
                                                arg(JSON.textNode("left")),
                                                arg(JSON.textNode(dir.toString()))))))
                .withParallelism(1);
        TaskGraphLog log = runToEnd(graph);
        assertEquals("failed", log.status());
        assertEquals("FAILED", log.node("left").status());
        assertTrue(log.node("left").statusMessage().contains("left never met right"));
    }

    @Test
    void aFailureCancelsOnlyWhatDependsOnItAndRetryRunsWhatDidNotComplete(@TempDir Path dir) throws Exception {
        Python.assumePresent();
        String flaky = """
                def flaky(marker):
                    import os
                    if not os.path.exists(marker):
                        open(marker, "w").close()
                        raise RuntimeError("first attempt fails")
                    return 5
                """;
        TaskGraph graph = TaskGraph.of(
                "retry",
                List.of(
                        TaskGraphNode.udf(
                                "flaky",
                                flaky,
                                List.of(arg(JSON.textNode(dir.resolve("m").toString())))),
                        TaskGraphNode.udf(
                                "after", "def f(x):\n    return x * 2\n", List.of(arg(output("flaky"))), "flaky"),
                        TaskGraphNode.sql("independent", "select 1 as one", List.of())));
        TaskGraphLog failed = runToEnd(graph);
        assertEquals("failed", failed.status());
        assertEquals("FAILED", failed.node("flaky").status());
        assertTrue(failed.node("flaky").statusMessage().contains("RuntimeError: first attempt fails"));
        assertTrue(latest(failed, "flaky").logs().contains("RuntimeError: first attempt fails"));
        assertEquals("CANCELLED", failed.node("after").status());
        assertTrue(failed.node("after").statusMessage().contains("flaky"));
        assertEquals(List.of(), failed.node("after").executions());
        assertEquals("COMPLETED", failed.node("independent").status());

        engine.graphs().retry(alice, "acme", failed.uuid());
        TaskGraphLog retried =
                engine.graphs().completion(alice, "acme", failed.uuid()).get(60, TimeUnit.SECONDS);
        assertEquals("succeeded", retried.status());
        assertEquals(2, retried.node("flaky").executions().size());
        assertEquals("FAILED", retried.node("flaky").executions().get(0).status());
        assertEquals(10, result(latest(retried, "after")).asInt());
        assertEquals(1, retried.node("independent").executions().size(), "a completed node is not run again");
    }

    @Test
    void aRunningExecutionCannotBeRetriedAndStoppingItKillsItsUdfAndCancelsTheRest(@TempDir Path dir) throws Exception {
        Python.assumePresent();
        String waits = """
                def wait(path):
                    import os, time
                    while not os.path.exists(path):
                        time.sleep(0.01)
                    return 1
                """;
        TaskGraph created = engine.graphs()
                .create(
                        alice,
                        "acme",
                        TaskGraph.of(
                                "stopped",
                                List.of(
                                        TaskGraphNode.udf(
                                                "wait",
                                                waits,
                                                List.of(arg(JSON.textNode(
                                                        dir.resolve("never").toString())))),
                                        TaskGraphNode.sql("then", "select 1 as one", List.of(), "wait"))));
        TaskGraphLog running = engine.graphs().submit(alice, "acme", created.uuid());
        EngineException busy =
                assertThrows(EngineException.class, () -> engine.graphs().retry(alice, "acme", running.uuid()));
        assertEquals(409, busy.status());

        engine.graphs().stop(alice, "acme", running.uuid());
        TaskGraphLog stopped =
                engine.graphs().completion(alice, "acme", running.uuid()).get(60, TimeUnit.SECONDS);
        assertEquals("cancelled", stopped.status());
        assertEquals("CANCELLED", stopped.node("wait").status());
        assertEquals("CANCELLED", stopped.node("then").status());
        assertEquals(List.of(), stopped.node("then").executions());
    }

    @Test
    void resubmitRunsEveryNodeAgainAsANewExecution() throws Exception {
        TaskGraph graph = TaskGraph.of("again", List.of(TaskGraphNode.sql("one", "select 1 as one", List.of())));
        TaskGraphLog first = runToEnd(graph);
        TaskGraphLog second = engine.graphs().resubmit(alice, "acme", first.uuid());
        TaskGraphLog done =
                engine.graphs().completion(alice, "acme", second.uuid()).get(60, TimeUnit.SECONDS);
        assertNotEquals(first.uuid(), done.uuid());
        assertEquals("succeeded", done.status());
        assertNotEquals(latest(first, "one").id(), latest(done, "one").id());
        assertEquals(first.taskGraphId(), done.taskGraphId());
    }

    @Test
    void aGraphThatCannotRunIsRefusedNamingTheNode() {
        List<TaskGraph> bad = List.of(
                TaskGraph.of(
                        "cycle",
                        List.of(
                                TaskGraphNode.sql("a", "select 1", List.of(), "b"),
                                TaskGraphNode.sql("b", "select 1", List.of(), "a"))),
                TaskGraph.of("unknown", List.of(TaskGraphNode.sql("a", "select 1", List.of(), "ghost"))),
                TaskGraph.of(
                        "undeclared",
                        List.of(
                                TaskGraphNode.input("x", JSON.numberNode(1)),
                                TaskGraphNode.sql("a", "select ?", List.of(output("x"))))));
        List<String> why = List.of("cycle", "ghost", "without depending on it");
        for (int i = 0; i < bad.size(); i++) {
            TaskGraph g = bad.get(i);
            EngineException e =
                    assertThrows(EngineException.class, () -> engine.graphs().create(alice, "acme", g));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains(why.get(i)), e.getMessage());
        }
        assertEquals(List.of(), engine.graphs().list(alice, "acme"));
    }

    @Test
    void registeredGraphsAreKeptByNameUpdatedDeletedAndRun(@TempDir Path dir) throws Exception {
        List<TaskGraphNode> nodes = List.of(TaskGraphNode.sql("one", "select 1 as one", List.of()));
        try (DataEngine kept = DataEngine.builder(catalog).dataDirectory(dir).build()) {
            kept.graphs()
                    .register(
                            alice,
                            "acme",
                            "nightly",
                            new RegisteredTaskGraph(
                                    null, null, null, "runs nightly", null, null, List.of("etl"), nodes));
            assertEquals(
                    409,
                    assertThrows(
                                    EngineException.class,
                                    () -> kept.graphs()
                                            .register(
                                                    alice,
                                                    "acme",
                                                    "nightly",
                                                    new RegisteredTaskGraph(
                                                            null, null, null, null, null, null, null, nodes)))
                            .status());
            kept.graphs()
                    .updateRegistered(
                            alice,
                            "acme",
                            "nightly",
                            new RegisteredTaskGraph(null, null, null, "runs every night", null, null, null, null));
            TaskGraphLog log = kept.graphs().submitRegistered(alice, "acme", "nightly");
            assertEquals(
                    "succeeded",
                    kept.graphs()
                            .completion(alice, "acme", log.uuid())
                            .get(60, TimeUnit.SECONDS)
                            .status());
        }
        try (DataEngine again = DataEngine.builder(catalog).dataDirectory(dir).build()) {
            RegisteredTaskGraph got = again.graphs().registered(alice, "acme", "nightly");
            assertEquals("runs every night", got.readme());
            assertEquals(List.of("etl"), got.tags());
            assertEquals("one", got.nodes().get(0).clientNodeId());
            EngineException cycle = assertThrows(
                    EngineException.class,
                    () -> again.graphs()
                            .updateRegistered(
                                    alice,
                                    "acme",
                                    "nightly",
                                    new RegisteredTaskGraph(
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            List.of(TaskGraphNode.sql("a", "select 1", List.of(), "a")))));
            assertEquals(400, cycle.status());
            again.graphs().deleteRegistered(alice, "acme", "nightly");
            assertEquals(
                    404,
                    assertThrows(EngineException.class, () -> again.graphs().registered(alice, "acme", "nightly"))
                            .status());
            assertEquals(
                    403,
                    assertThrows(
                                    EngineException.class,
                                    () -> again.graphs().registered(Caller.of("bob"), "acme", "nightly"))
                            .status());
        }
    }

    @Test
    void aFailedSqlNodeFailsTheExecutionWithTheSqlError() throws Exception {
        TaskGraphLog log = runToEnd(TaskGraph.of(
                "bad", List.of(TaskGraphNode.sql("q", "select * from `tiledb://acme/nowhere`", List.of()))));
        assertEquals("failed", log.status());
        assertTrue(log.node("q").statusMessage().contains("tiledb://acme/nowhere"));
        assertEquals("FAILED", latest(log, "q").status());
    }
}
