package dev.cameltiledb.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.InputNodeData;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.client.model.RegisteredTaskGraph;
import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.client.model.RetryStrategy;
import dev.cameltiledb.client.model.SqlNodeData;
import dev.cameltiledb.client.model.TaskGraph;
import dev.cameltiledb.client.model.TaskGraphClientNodeStatus;
import dev.cameltiledb.client.model.TaskGraphLog;
import dev.cameltiledb.client.model.TaskGraphNode;
import dev.cameltiledb.client.model.TaskGraphNodeMetadata;
import dev.cameltiledb.client.model.UdfArgument;
import dev.cameltiledb.client.model.UdfArrayDetails;
import dev.cameltiledb.client.model.UdfEnvironment;
import dev.cameltiledb.client.model.UdfNodeData;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cameltiledb.client.DataPlaneServer.KEY;
import static dev.cameltiledb.client.DataPlaneServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Task graphs against WireMock: a graph of SQL, UDF, array and input nodes created and submitted as TileDB's Python
 * client does for a batch graph, an execution followed (its status, its nodes' tasks and logs), retried, resubmitted
 * and stopped, client-run executions logged, and registered graphs. Every exchange is checked against the official
 * spec after each test.
 */
class TaskGraphsApiTest {

    @RegisterExtension
    static final DataPlaneServer SERVER = new DataPlaneServer();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(KEY);

    private static final String GRAPH_ID = "5b0c9a7e-1d2f-4c3b-9a8e-7f6d5c4b3a21";
    private static final String EXECUTION_ID = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String BASE = "/v1/taskgraphs/acme";

    /** An execution under way, as {@code getTaskGraphLog} answers: one node done, one running, one waiting. */
    private static final String RUNNING = "{\"uuid\": \"" + EXECUTION_ID + "\", \"namespace\": \"acme\","
            + " \"created_by\": \"alice\", \"name\": \"nightly-totals\", \"created_at\": \"2024-06-01T02:00:00Z\","
            + " \"start_time\": \"2024-06-01T02:00:01Z\", \"status\": \"running\", \"total_cost\": 0.0012,"
            + " \"execution_time\": \"PT12.5S\", \"status_count\": {\"COMPLETED\": 1, \"RUNNING\": 1, \"QUEUED\": 1},"
            + " \"task_graph_type\": \"batch\", \"task_graph_id\": \"" + GRAPH_ID + "\", \"nodes\": ["
            + "{\"client_node_uuid\": \"n-sql\", \"name\": \"totals\", \"depends_on\": [], \"run_location\":"
            + " \"server\", \"status\": \"COMPLETED\", \"executions\": [{\"id\": \"task-sql-1\", \"status\":"
            + " \"COMPLETED\", \"type\": \"SQL\", \"namespace\": \"acme\", \"duration\": 2100000000,"
            + " \"start_time\": \"2024-06-01T02:00:01Z\", \"finish_time\": \"2024-06-01T02:00:03.1Z\","
            + " \"cost\": 0.0004, \"logs\": \"\", \"sql_query\": \"select region, sum(amount) from"
            + " `tiledb://acme/sales` group by region\", \"sql_init_commands\": [\"SET @x = 1\"],"
            + " \"sql_parameters\": [2024]}]},"
            + "{\"client_node_uuid\": \"n-udf\", \"name\": \"report\", \"depends_on\": [\"n-sql\"],"
            + " \"run_location\": \"server\", \"status\": \"RUNNING\", \"executions\": [{\"id\": \"task-udf-1\","
            + " \"status\": \"RUNNING\", \"type\": \"GENERIC_UDF\", \"logs\": \"rendering 2 regions\\n\"}]},"
            + "{\"client_node_uuid\": \"n-mail\", \"name\": \"mail\", \"depends_on\": [\"n-udf\"], \"run_location\":"
            + " \"server\", \"status\": \"QUEUED\", \"executions\": []}]}";

    private static ResponseDefinitionBuilder noContent() {
        return aResponse().withStatus(204);
    }

    /** SQL, then a registered UDF on its output and an array slice, then a UDF on the first UDF; with an input. */
    private static TaskGraph nightly() {
        return TaskGraph.batch(
                "nightly-totals",
                List.of(
                        TaskGraphNode.input("n-year", "year", new InputNodeData(2024, "int")),
                        TaskGraphNode.array(
                                "n-sales",
                                "sales",
                                UdfArrayDetails.of(
                                        "tiledb://acme/sales",
                                        new QueryRanges("row-major", List.of(List.of(1, 31))),
                                        List.of("amount"))),
                        TaskGraphNode.sql(
                                "n-sql",
                                "totals",
                                new SqlNodeData(
                                        null,
                                        "select region, sum(amount) as total from `tiledb://acme/sales` where year = ?"
                                                + " group by region",
                                        List.of(UdfArgument.nodeOutput("n-year")),
                                        "json",
                                        null),
                                List.of("n-year")),
                        TaskGraphNode.udf(
                                "n-udf",
                                "report",
                                UdfNodeData.registered(
                                                "acme/render_report",
                                                List.of(
                                                        UdfArgument.positional(UdfArgument.nodeOutput("n-sql")),
                                                        UdfArgument.named("slice", UdfArgument.nodeOutput("n-sales"))))
                                        .withEnvironment(UdfEnvironment.limits(
                                                null, new UdfEnvironment.Resources("500m", "8Gi", null), 600.0)),
                                List.of("n-sql", "n-sales"))));
    }

    @Test
    void aGraphIsCreatedAndSubmittedAndItsExecutionFollowed() {
        SERVER.server()
                .stubFor(post(urlEqualTo(BASE + "/graphs"))
                        .willReturn(json(
                                201,
                                "{\"uuid\": \"" + GRAPH_ID + "\", \"namespace\": \"acme\", \"created_by\": \"alice\","
                                        + " \"name\": \"nightly-totals\", \"created_at\": \"2024-06-01T01:59:59Z\","
                                        + " \"task_graph_type\": \"batch\", \"nodes\": []}")));
        SERVER.server()
                .stubFor(post(urlEqualTo(BASE + "/graphs/" + GRAPH_ID + "/submit"))
                        .willReturn(json(
                                202,
                                "{\"uuid\": \"" + EXECUTION_ID + "\", \"namespace\": \"acme\", \"status\":"
                                        + " \"submitted\", \"task_graph_id\": \"" + GRAPH_ID + "\"}")));
        SERVER.server().stubFor(get(urlEqualTo(BASE + "/logs/" + EXECUTION_ID)).willReturn(json(200, RUNNING)));
        try (TileDBClient client = SERVER.client()) {
            TaskGraphLog submitted = client.taskGraphs().run("acme", nightly());
            assertEquals(EXECUTION_ID, submitted.uuid());
            assertEquals("submitted", submitted.status());
            assertFalse(submitted.isFinished());

            TaskGraphLog running = client.taskGraphs().log("acme", submitted.uuid());
            assertEquals("running", running.status());
            assertEquals(Map.of("COMPLETED", 1L, "RUNNING", 1L, "QUEUED", 1L), running.statusCount());
            assertEquals(Instant.parse("2024-06-01T02:00:01Z"), running.startTime());
            TaskGraphNodeMetadata totals = running.node("totals");
            ArrayTask sql = totals.latestExecution();
            assertTrue(sql.isFinished());
            assertFalse(sql.isFailed());
            assertEquals(Duration.ofMillis(2100), sql.elapsed());
            assertEquals(List.of("SET @x = 1"), sql.sqlInitCommands());
            assertEquals(List.of(2024), sql.sqlParameters());
            assertEquals(
                    "rendering 2 regions\n",
                    running.node("n-udf").latestExecution().logs());
            assertNull(running.node("mail").latestExecution(), "not run yet");
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(BASE + "/graphs"))
                        .withRequestBody(equalToJson("{\"name\": \"nightly-totals\", \"task_graph_type\": \"batch\","
                                + " \"nodes\": ["
                                + "{\"client_node_id\": \"n-year\", \"name\": \"year\", \"depends_on\": [],"
                                + " \"input_node\": {\"default_value\": 2024, \"datatype\": \"int\"}},"
                                + "{\"client_node_id\": \"n-sales\", \"name\": \"sales\", \"depends_on\": [],"
                                + " \"array_node\": {\"uri\": \"tiledb://acme/sales\", \"ranges\": {\"layout\":"
                                + " \"row-major\", \"ranges\": [[1, 31]]}, \"buffers\": [\"amount\"]}},"
                                + "{\"client_node_id\": \"n-sql\", \"name\": \"totals\", \"depends_on\": [\"n-year\"],"
                                + " \"sql_node\": {\"query\": \"select region, sum(amount) as total from"
                                + " \\u0060tiledb://acme/sales\\u0060 where year = ? group by region\", \"parameters\":"
                                + " [{\"__tdbudf__\": \"node_output\", \"client_node_id\": \"n-year\"}],"
                                + " \"result_format\": \"json\"}},"
                                + "{\"client_node_id\": \"n-udf\", \"name\": \"report\", \"depends_on\": [\"n-sql\","
                                + " \"n-sales\"], \"udf_node\": {\"registered_udf_name\": \"acme/render_report\","
                                + " \"result_format\": \"json\", \"environment\": {\"resources\": {\"cpu\": \"500m\","
                                + " \"memory\": \"8Gi\"}, \"timeout\": 600.0}, \"arguments\": [{\"value\": {\"__tdbudf__\":"
                                + " \"node_output\", \"client_node_id\": \"n-sql\"}}, {\"name\": \"slice\", \"value\":"
                                + " {\"__tdbudf__\": \"node_output\", \"client_node_id\": \"n-sales\"}}]}}]}")));
        SERVER.server().verify(postRequestedFor(urlEqualTo(BASE + "/graphs/" + GRAPH_ID + "/submit")));
    }

    @Test
    void graphsAreListedReadAndUpdated() {
        String graph = "{\"uuid\": \"" + GRAPH_ID + "\", \"namespace\": \"acme\", \"name\": \"nightly-totals\","
                + " \"parallelism\": 4, \"deadline\": 3600, \"retry_strategy\": {\"limit\": 2, \"retryPolicy\":"
                + " \"OnFailure\", \"backoff\": {\"duration\": \"30s\", \"factor\": 2, \"maxDuration\": \"10m\"}}}";
        SERVER.server()
                .stubFor(get(urlEqualTo(BASE + "/graphs")).willReturn(json(200, "{\"graphs\": [" + graph + "]}")));
        SERVER.server().stubFor(get(urlEqualTo(BASE + "/graphs/" + GRAPH_ID)).willReturn(json(200, graph)));
        SERVER.server().stubFor(patch(urlEqualTo(BASE + "/graphs/" + GRAPH_ID)).willReturn(noContent()));
        try (TileDBClient client = SERVER.client()) {
            assertEquals(GRAPH_ID, client.taskGraphs().list("acme").get(0).uuid());
            TaskGraph read = client.taskGraphs().get("acme", GRAPH_ID);
            assertEquals(
                    new RetryStrategy(new RetryStrategy.Backoff("30s", 2L, "10m"), null, 2L, "OnFailure"),
                    read.retryStrategy());
            assertEquals(4L, read.parallelism());
            client.taskGraphs()
                    .update(
                            "acme",
                            GRAPH_ID,
                            new TaskGraph(null, null, null, "nightly", null, null, 8L, null, 7200L, null));
        }
        SERVER.server()
                .verify(patchRequestedFor(urlEqualTo(BASE + "/graphs/" + GRAPH_ID))
                        .withRequestBody(
                                equalToJson("{\"name\": \"nightly\", \"parallelism\": 8, \"deadline\": 7200}")));
    }

    @Test
    void executionsAreListedRetriedResubmittedAndStoppedAndRetryIsNeverSentTwice() {
        SERVER.server()
                .stubFor(get(urlEqualTo("/v1/taskgraphs/logs?namespace=acme&status=failed"
                                + "&start_time=2024-06-01T00%3A00%3A00Z&page=2&per_page=1"))
                        .willReturn(json(
                                200,
                                "{\"task_graph_logs\": [{\"uuid\": \"" + EXECUTION_ID + "\", \"status\": \"failed\","
                                        + " \"end_time\": \"2024-06-01T02:05:00Z\"}], \"pagination_metadata\":"
                                        + " {\"page\": 2, \"per_page\": 1, \"total_pages\": 3, \"total_items\": 3}}")));
        String execution = BASE + "/executions/" + EXECUTION_ID;
        SERVER.server()
                .stubFor(post(urlEqualTo(execution + "/retry"))
                        .willReturn(json(503, "{\"code\": 503, \"message\": \"upstream busy\"}")));
        SERVER.server()
                .stubFor(post(urlEqualTo(execution + "/resubmit"))
                        .willReturn(json(
                                202,
                                "{\"uuid\": \"d0000000-0000-4000-8000-000000000003\", \"status\":"
                                        + " \"submitted\"}")));
        SERVER.server().stubFor(post(urlEqualTo(execution + "/stop")).willReturn(noContent()));
        try (TileDBClient client = SERVER.client()) {
            Page<TaskGraphLog> failed = client.taskGraphs()
                    .logs(
                            new TaskGraphLogQuery(
                                    "acme", null, "failed", null, Instant.parse("2024-06-01T00:00:00Z"), null, 1),
                            2);
            TaskGraphLog one = failed.items().get(0);
            assertTrue(one.isFinished());
            assertEquals(3, failed.pagination().totalPages());
            TileDBServerException busy = assertThrows(
                    TileDBServerException.class, () -> client.taskGraphs().retry("acme", EXECUTION_ID));
            assertEquals(503, busy.getStatusCode());
            assertEquals(
                    "d0000000-0000-4000-8000-000000000003",
                    client.taskGraphs().resubmit("acme", EXECUTION_ID).uuid());
            client.taskGraphs().stop("acme", EXECUTION_ID);
        }
        SERVER.server().verify(1, postRequestedFor(urlEqualTo(execution + "/retry")));
        assertEquals(List.of(), SERVER.waits(), "a retry starts work: a 503 is not answered by sending it again");
        assertEquals(4, SERVER.server().findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aClientRunExecutionIsLoggedReportedAndFinished() {
        SERVER.server()
                .stubFor(post(urlEqualTo(BASE + "/log"))
                        .willReturn(json(
                                201,
                                "{\"uuid\": \"" + EXECUTION_ID + "\", \"namespace\": \"acme\", \"name\": \"local\","
                                        + " \"status\": \"submitted\", \"task_graph_type\": \"realtime\"}")));
        SERVER.server()
                .stubFor(post(urlEqualTo(BASE + "/logs/" + EXECUTION_ID + "/report_client_node"))
                        .willReturn(noContent()));
        SERVER.server()
                .stubFor(patch(urlEqualTo(BASE + "/logs/" + EXECUTION_ID)).willReturn(noContent()));
        try (TileDBClient client = SERVER.client()) {
            TaskGraphLog log = client.taskGraphs()
                    .createLog(
                            "acme",
                            TaskGraphLog.clientRun(
                                    "acme",
                                    "local",
                                    List.of(new TaskGraphNodeMetadata(
                                            "n-1", "load", List.of(), "client", null, null, null))));
            assertEquals(EXECUTION_ID, log.uuid());
            client.taskGraphs().reportClientNode("acme", log.uuid(), new TaskGraphClientNodeStatus("n-1", "COMPLETED"));
            client.taskGraphs().finishLog("acme", log.uuid(), "succeeded");
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(BASE + "/log"))
                        .withRequestBody(
                                equalToJson("{\"namespace\": \"acme\", \"name\": \"local\", \"task_graph_type\":"
                                        + " \"realtime\", \"nodes\": [{\"client_node_uuid\": \"n-1\", \"name\": \"load\","
                                        + " \"depends_on\": [], \"run_location\": \"client\"}]}")));
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(BASE + "/logs/" + EXECUTION_ID + "/report_client_node"))
                        .withRequestBody(equalToJson("{\"client_node_uuid\": \"n-1\", \"status\": \"COMPLETED\"}")));
        SERVER.server()
                .verify(patchRequestedFor(urlEqualTo(BASE + "/logs/" + EXECUTION_ID))
                        .withRequestBody(equalToJson("{\"status\": \"succeeded\"}")));
    }

    @Test
    void registeredGraphsAreStoredSharedListedAndDeleted() {
        String registered = BASE + "/registered/weekly";
        SERVER.server()
                .stubFor(get(urlEqualTo(registered))
                        .willReturn(json(
                                200,
                                "{\"uuid\": \"a0000000-0000-4000-8000-000000000004\", \"namespace\": \"acme\","
                                        + " \"name\": \"weekly\", \"readme\": \"# Weekly\", \"tags\": [\"reports\"],"
                                        + " \"nodes\": [{\"client_node_id\": \"n-sql\", \"sql_node\": {\"query\":"
                                        + " \"select 1\"}}]}")));
        SERVER.server().stubFor(post(urlEqualTo(registered)).willReturn(noContent()));
        SERVER.server().stubFor(patch(urlEqualTo(registered)).willReturn(noContent()));
        SERVER.server().stubFor(delete(urlEqualTo(registered)).willReturn(noContent()));
        SERVER.server().stubFor(patch(urlEqualTo(registered + "/share")).willReturn(noContent()));
        SERVER.server()
                .stubFor(get(urlEqualTo(registered + "/share"))
                        .willReturn(json(200, "[{\"namespace\": \"bob\", \"actions\": [\"fetch_task_graph\"]}]")));
        SERVER.server()
                .stubFor(get(urlEqualTo("/v1/arrays/browser/owned?page=1&file_type=registered_task_graph"))
                        .willReturn(json(
                                200,
                                "{\"arrays\": [{\"name\": \"weekly\", \"namespace\": \"acme\"}],"
                                        + " \"pagination_metadata\": {\"page\": 1, \"per_page\": 10, \"total_pages\": 1,"
                                        + " \"total_items\": 1}}")));
        AssetRef weekly = new AssetRef("acme", "weekly");
        RegisteredTaskGraph graph = RegisteredTaskGraph.of(
                "weekly",
                List.of(TaskGraphNode.sql("n-sql", null, SqlNodeData.of("select 1", ResultFormat.ARROW), List.of())));
        try (TileDBClient client = SERVER.client()) {
            assertEquals(
                    "select 1",
                    client.taskGraphs().info(weekly).nodes().get(0).sqlNode().query());
            client.taskGraphs().register(weekly, graph);
            client.taskGraphs().update(weekly, graph);
            client.taskGraphs().share(weekly, "bob", List.of("fetch_task_graph"));
            assertEquals(
                    "bob", client.taskGraphs().sharingPolicies(weekly).get(0).namespace());
            client.taskGraphs().unshare(weekly, "bob");
            assertEquals(
                    "weekly",
                    client.taskGraphs()
                            .listRegistered(Listing.OWNED, ListingFilters.NONE, 1)
                            .items()
                            .get(0)
                            .name());
            client.taskGraphs().delete(weekly);
        }
        SERVER.server()
                .verify(
                        2,
                        com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlEqualTo(registered))
                                .withRequestBody(
                                        equalToJson("{\"name\": \"weekly\", \"nodes\": [{\"client_node_id\": \"n-sql\","
                                                + " \"depends_on\": [], \"sql_node\": {\"query\": \"select 1\", \"result_format\":"
                                                + " \"arrow\"}}]}")));
        SERVER.server()
                .verify(patchRequestedFor(urlEqualTo(registered + "/share"))
                        .withRequestBody(equalToJson("{\"namespace\": \"bob\", \"actions\": []}")));
        SERVER.server().verify(deleteRequestedFor(urlEqualTo(registered)));
    }

    @Test
    void aNullAnswerIsANamedErrorAndTheSubmissionIsNotSentAgain() {
        String submit = BASE + "/graphs/" + GRAPH_ID + "/submit";
        SERVER.server()
                .stubFor(post(urlEqualTo(submit))
                        .willReturn(json(202, "null").withHeader(SpecCheck.BROKEN_ON_PURPOSE, "true")));
        SERVER.server()
                .stubFor(get(urlEqualTo(BASE + "/logs/" + EXECUTION_ID))
                        .willReturn(json(200, "null").withHeader(SpecCheck.BROKEN_ON_PURPOSE, "true")));
        try (TileDBClient client =
                SERVER.client(s -> s.retryPolicy(new RetryPolicy(RetryMode.FORCEFUL, 3, 1, 1, 1, false)))) {
            TileDBException submitted = assertThrows(
                    TileDBException.class, () -> client.taskGraphs().submit("acme", GRAPH_ID));
            assertTrue(
                    submitted.getMessage().contains("answered POST " + submit + " with null where a TaskGraphLog"),
                    submitted.getMessage());
            TileDBException followed = assertThrows(
                    TileDBException.class, () -> client.taskGraphs().log("acme", EXECUTION_ID));
            assertTrue(followed.getMessage().contains("with null where a TaskGraphLog"), followed.getMessage());
        }
        SERVER.server().verify(1, postRequestedFor(urlEqualTo(submit)));
    }

    @Test
    void badGraphCallsAreRefusedBeforeAnythingIsSent() {
        try (TileDBClient client = SERVER.client()) {
            assertEquals(
                    "A task graph needs at least one node (nodes)",
                    assertThrows(
                                    TileDBConfigurationException.class,
                                    () -> client.taskGraphs().create("acme", TaskGraph.batch("empty", List.of())))
                            .getMessage());
            assertTrue(assertThrows(
                            TileDBConfigurationException.class,
                            () -> client.taskGraphs().info(AssetRef.parse("tiledb://acme/research/weekly")))
                    .getMessage()
                    .contains("not by the workspace address tiledb://acme/research/weekly"));
            assertEquals(
                    "The execution id must not be empty",
                    assertThrows(
                                    TileDBConfigurationException.class,
                                    () -> client.taskGraphs().stop("acme", " "))
                            .getMessage());
        }
        assertEquals(0, SERVER.server().findAll(anyRequestedFor(anyUrl())).size());
    }
}
