package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.client.model.RegisteredTaskGraph;
import dev.cameltiledb.client.model.TaskGraphLog;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:taskgraphs} over HTTP to the emulator, which runs a graph's nodes in dependency order: a graph from
 * the body submitted and waited for (its final node's task id, whose result {@code tasks result} reads), or followed
 * with {@code log}; a graph that fails, retried and resubmitted; the wait bounded by {@code completionTimeout} (in
 * reads of the log, not in time), then stopped; registered graphs registered, listed, shared, run by name and
 * deleted. Bad input fails before any request.
 */
class TaskGraphsTest extends DataPlaneRouteTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "graphns";
    private static final String NEVER = "graph-never-sent";
    private static final String SALES = "`tiledb://" + NS + "/sales`";

    @Override
    String namespace() {
        return NS;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:graphs").to(SuiteEmulator.uri("taskgraphs", "namespace=" + NS));
                from("direct:run")
                        .to(SuiteEmulator.uri(
                                "task_graphs",
                                "namespace=" + NS + "&waitForCompletion=true&completionPollInterval=20"));
                from("direct:tasks").to(SuiteEmulator.uri("tasks", ""));
                from("direct:never").to(SuiteEmulator.uri("taskgraph", "namespace=" + NEVER));
            }
        };
    }

    /** Two SQL nodes, the second after the first: the count of the sales rows over {@code min}. */
    private static Map<String, Object> countGraph(String name, String query) {
        return Map.of(
                "name",
                name,
                "nodes",
                List.of(
                        Map.of(
                                "client_node_id", "first",
                                "name", "warm-up",
                                "sql_node", Map.of("query", "select 1 as one", "result_format", "json")),
                        Map.of(
                                "client_node_id",
                                "second",
                                "name",
                                "count",
                                "depends_on",
                                List.of("first"),
                                "sql_node",
                                Map.of("query", query, "result_format", "json"))));
    }

    private Object result(String taskId) {
        return ok(send(
                "direct:tasks", null, Map.of(TileDBConstants.OPERATION, "result", TileDBConstants.TASK_ID, taskId)));
    }

    private TaskGraphLog log(String execution) {
        return (TaskGraphLog) ok(send(
                "direct:graphs",
                null,
                Map.of(TileDBConstants.OPERATION, "log", TileDBConstants.EXECUTION_ID, execution)));
    }

    private static long logReads(String execution) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals("/v1/taskgraphs/" + NS + "/logs/" + execution))
                .count();
    }

    @Test
    void aGraphFromTheBodyIsWaitedForAndItsFinalNodesTaskHoldsTheResult() {
        Exchange reply = send(
                "direct:run",
                countGraph("count", "select count(*) as n from " + SALES + " where amount > 25"),
                Map.of(TileDBConstants.OPERATION, "submit"));
        TaskGraphLog log = (TaskGraphLog) ok(reply);
        assertEquals("succeeded", log.status());
        assertEquals("COMPLETED", log.node("count").status());
        String execution = reply.getMessage().getHeader(TileDBConstants.EXECUTION_ID, String.class);
        assertEquals(log.uuid(), execution);
        String resultTask = reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);
        assertEquals(log.node("count").latestExecution().id(), resultTask, "the one final node's task");
        assertEquals(List.of(Map.of("n", 4)), result(resultTask));

        @SuppressWarnings("unchecked")
        List<TaskGraphLog> executions = (List<TaskGraphLog>) ok(send(
                "direct:graphs", null, Map.of(TileDBConstants.OPERATION, "logs", TileDBConstants.SEARCH, "count")));
        assertTrue(executions.stream().anyMatch(e -> e.uuid().equals(execution)), String.valueOf(executions));
    }

    @Test
    void withoutWaitingTheExecutionIsFollowedWithItsLog() {
        Exchange reply = send(
                "direct:graphs",
                countGraph("followed", "select count(*) as n from " + SALES),
                Map.of(TileDBConstants.OPERATION, "submit"));
        TaskGraphLog started = (TaskGraphLog) ok(reply);
        String execution = reply.getMessage().getHeader(TileDBConstants.EXECUTION_ID, String.class);
        assertEquals(started.uuid(), execution);
        Await.until(() -> log(execution).isFinished(), "the execution's end");
        assertEquals("succeeded", log(execution).status());
    }

    @Test
    void aFailedGraphFailsTheExchangeNamingItsNodeAndIsRetriedAndResubmitted() {
        Exchange failed = send(
                "direct:run",
                countGraph("failing", "select count(*) as n from `tiledb://" + NS + "/missing`"),
                Map.of(TileDBConstants.OPERATION, "submit"));
        TileDBException error = assertInstanceOf(TileDBException.class, failed.getException());
        assertTrue(error.getMessage().contains("ended failed"), error.getMessage());
        assertTrue(error.getMessage().contains("node 'count' FAILED"), error.getMessage());
        assertTrue(error.getMessage().contains("tiledb://" + NS + "/missing"), "why: " + error.getMessage());
        TaskGraphLog last =
                assertInstanceOf(TaskGraphLog.class, failed.getMessage().getBody(), "the final log");
        String execution = failed.getMessage().getHeader(TileDBConstants.EXECUTION_ID, String.class);
        assertEquals(last.uuid(), execution);

        Exchange retried = send(
                "direct:run",
                null,
                Map.of(TileDBConstants.OPERATION, "retry", TileDBConstants.EXECUTION_ID, execution));
        assertTrue(retried.getException().getMessage().contains("ended failed"), "the same node fails again");
        Exchange resubmitted = send(
                "direct:run",
                null,
                Map.of(TileDBConstants.OPERATION, "resubmit", TileDBConstants.EXECUTION_ID, execution));
        assertInstanceOf(TileDBException.class, resubmitted.getException());
        assertNotEquals(
                execution,
                resubmitted.getMessage().getHeader(TileDBConstants.EXECUTION_ID),
                "a resubmission is a new execution");
    }

    @Test
    void theWaitEndsAtCompletionTimeoutAndTheExecutionCanBeStopped() {
        DataPlaneSeed.assumePython3();
        Map<String, Object> slow = Map.of(
                "name",
                "slow",
                "nodes",
                List.of(DataPlaneSeed.udfNode(
                        "sleep", List.of(), "def sleep():\n    import time\n    time.sleep(60)\n", List.of())));
        Exchange reply = send(
                "direct:graphs",
                slow,
                Map.of(
                        TileDBConstants.OPERATION,
                        "submit",
                        TileDBConstants.WAIT_FOR_COMPLETION,
                        true,
                        TileDBConstants.COMPLETION_TIMEOUT,
                        300L,
                        TileDBConstants.COMPLETION_POLL_INTERVAL,
                        100L));
        TileDBException error = assertInstanceOf(TileDBException.class, reply.getException());
        String execution = reply.getMessage().getHeader(TileDBConstants.EXECUTION_ID, String.class);
        assertTrue(error.getMessage().contains("did not end within completionTimeout (300 ms"), error.getMessage());
        assertTrue(error.getMessage().contains(execution), "names the execution to follow: " + error.getMessage());
        String running = DataPlaneSeed.runningTask(
                        template, SuiteEmulator.uri("tasks", "operation=list&namespace=" + NS))
                .id();
        Exchange early = send(
                "direct:tasks", null, Map.of(TileDBConstants.OPERATION, "result", TileDBConstants.TASK_ID, running));
        assertTrue(
                early.getException().getMessage().contains("is still running"),
                early.getException().getMessage());
        long reads = logReads(execution);
        assertTrue(reads >= 1 && reads <= 300 / 100 + 1, "at most one read per interval within the bound: " + reads);

        ok(send(
                "direct:graphs",
                null,
                Map.of(TileDBConstants.OPERATION, "stop", TileDBConstants.EXECUTION_ID, execution)));
        Await.until(() -> log(execution).isFinished(), "the stopped execution's end");
        assertEquals("cancelled", log(execution).status());
    }

    @Test
    void aNodesOutputIsTheNextNodesArgument() {
        DataPlaneSeed.assumePython3();
        Map<String, Object> graph = Map.of(
                "name",
                "doubled",
                "nodes",
                List.of(
                        Map.of(
                                "client_node_id",
                                "total",
                                "name",
                                "total",
                                "sql_node",
                                Map.of("query", "select sum(amount) as total from " + SALES, "result_format", "json")),
                        DataPlaneSeed.udfNode(
                                "double",
                                List.of("total"),
                                "def double(rows):\n    return rows[0]['total'] * 2\n",
                                List.of(Map.of("__tdbudf__", "node_output", "client_node_id", "total")))));
        Exchange reply = send("direct:run", graph, Map.of(TileDBConstants.OPERATION, "submit"));
        ok(reply);
        assertEquals(420.0, result(reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class)));
    }

    @Test
    void registeredGraphsAreRegisteredListedSharedRunByNameAndDeleted() {
        Map<String, Object> graph = countGraph("ignored", "select count(*) as n from " + SALES);
        ok(send(
                "direct:graphs",
                Map.of("nodes", graph.get("nodes"), "readme", "counts the sales"),
                Map.of(TileDBConstants.OPERATION, "register", TileDBConstants.GRAPH_NAME, "counter")));
        RegisteredTaskGraph stored = (RegisteredTaskGraph) ok(send(
                "direct:graphs",
                null,
                Map.of(TileDBConstants.OPERATION, "info", TileDBConstants.GRAPH_NAME, "counter")));
        assertEquals("counter", stored.name());
        assertEquals(2, stored.nodes().size());

        @SuppressWarnings("unchecked")
        List<ArrayInfo> owned =
                (List<ArrayInfo>) ok(send("direct:graphs", null, Map.of(TileDBConstants.OPERATION, "list")));
        assertTrue(owned.stream().anyMatch(a -> a.name().equals("counter")), String.valueOf(owned));

        String uri = "tiledb://" + NS + "/counter";
        ok(send(
                "direct:graphs",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "share",
                        TileDBConstants.TILEDB_URI,
                        uri,
                        TileDBConstants.TARGET_NAMESPACE,
                        "carol")));
        @SuppressWarnings("unchecked")
        List<ArraySharing> policies = (List<ArraySharing>) ok(send(
                "direct:graphs",
                null,
                Map.of(TileDBConstants.OPERATION, "sharingPolicies", TileDBConstants.TILEDB_URI, uri)));
        assertTrue(
                policies.stream()
                        .anyMatch(p ->
                                p.namespace().equals("carol") && p.actions().equals(List.of("fetch_task_graph"))),
                String.valueOf(policies));
        ok(send(
                "direct:graphs",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "unshare",
                        TileDBConstants.TILEDB_URI,
                        uri,
                        TileDBConstants.TARGET_NAMESPACE,
                        "carol")));

        // run by name from an endpoint without a namespace: the graph's own namespace runs it
        Exchange run = template.request(
                SuiteEmulator.uri(
                        "taskgraphs",
                        "operation=submit&graphName=" + NS
                                + "/counter&waitForCompletion=true&completionPollInterval=20"),
                e -> {});
        assertEquals("succeeded", ((TaskGraphLog) ok(run)).status());
        assertEquals(
                List.of(Map.of("n", 6)), result(run.getMessage().getHeader(TileDBConstants.TASK_ID, String.class)));

        ok(send(
                "direct:graphs",
                null,
                Map.of(TileDBConstants.OPERATION, "delete", TileDBConstants.GRAPH_NAME, "counter")));
        Exchange gone = send(
                "direct:graphs",
                null,
                Map.of(TileDBConstants.OPERATION, "info", TileDBConstants.GRAPH_NAME, "counter"));
        assertInstanceOf(TileDBNotFoundException.class, gone.getException());
    }

    @Test
    void badInputFailsBeforeAnyRequest() {
        String noGraph = refused("direct:never", null, Map.of(TileDBConstants.OPERATION, "submit"));
        assertTrue(noGraph.contains("needs a body"), noGraph);
        String noNodes = refused("direct:never", Map.of("name", "empty"), Map.of(TileDBConstants.OPERATION, "submit"));
        assertTrue(noNodes.contains("at least one node"), noNodes);
        String noExecution = refused("direct:never", null, Map.of(TileDBConstants.OPERATION, "log"));
        assertTrue(noExecution.contains(TileDBConstants.EXECUTION_ID), noExecution);
        String badBound = refused(
                "direct:never",
                countGraph("x", "select 1"),
                Map.of(TileDBConstants.OPERATION, "submit", TileDBConstants.COMPLETION_TIMEOUT, 0L));
        assertTrue(badBound.contains(TileDBConstants.COMPLETION_TIMEOUT), badBound);
        String unregistrable = refused(
                "direct:never",
                Map.of("readme", "no nodes"),
                Map.of(TileDBConstants.OPERATION, "register", TileDBConstants.GRAPH_NAME, "g"));
        assertTrue(unregistrable.contains("with nodes"), unregistrable);
        assertEquals(List.of(), DataPlaneSeed.requestsTo("/" + NEVER), "nothing was sent");
    }
}
