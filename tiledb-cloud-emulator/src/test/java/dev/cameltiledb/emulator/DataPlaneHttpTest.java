package dev.cameltiledb.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.emulator.data.Python;
import dev.cameltiledb.emulator.data.TestCatalog;
import dev.cameltiledb.emulator.data.graph.TaskGraph;
import dev.cameltiledb.emulator.data.graph.TaskGraphNode;
import dev.cameltiledb.emulator.data.udf.UdfCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data plane over HTTP: SQL, UDFs, JSON queries, registered UDFs, task graphs and the tasks they leave, each
 * exchange checked against the official spec (by the base class), on cells seeded from a seed.
 */
class DataPlaneHttpTest extends SpecCheckedHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void seedCells() throws Exception {
        JsonNode schema = JSON.readTree(TestCatalog.SPARSE);
        JsonNode cells = JSON.readTree("""
                {"id": [1, 2, 3, 4], "price": [10.5, 20.0, 30.25, 40.0], "label": ["a", "b", null, "d"],
                 "day": [null, null, null, null], "at": [null, null, null, null], "small": [1, 2, 3, null]}""");
        emulator.seed(new Seed(
                null,
                null,
                List.of(new Seed.SeedArray("alice", "prices", null, null, null, null, null, null)
                        .withCells(schema, cells, 1_000L))));
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(emulator.url() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("X-TILEDB-REST-API-KEY", key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String taskId(HttpResponse<String> r) {
        return r.headers()
                .firstValue("X-TILEDB-CLOUD-TASK-ID")
                .orElseThrow(() ->
                        new AssertionError("no task id header in " + r.headers().map()));
    }

    @Test
    void sqlAnswersRowsAndLeavesACompletedTaskWithItsResultKept() throws Exception {
        var r = post(
                "/v1/sql/alice",
                "alice-key",
                "{\"query\": \"select id, price, label from `tiledb://alice/prices` where id < ? order by id\","
                        + " \"parameters\": [3], \"store_results\": true}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                JSON.readTree("[{\"id\":1,\"price\":10.5,\"label\":\"a\"},{\"id\":2,\"price\":20.0,\"label\":\"b\"}]"),
                JSON.readTree(r.body()));
        String id = taskId(r);
        JsonNode task = get("/v1/task/" + id, "alice-key");
        assertEquals("COMPLETED", task.get("status").asText());
        assertEquals("SQL", task.get("type").asText());
        assertEquals("prices", task.get("array_metadata").get("name").asText(), "the array it read");
        assertEquals(JSON.readTree(r.body()), get("/v1/task/" + id + "/result", "alice-key"));
        List<String> listed = new ArrayList<>();
        get("/v1/tasks?type=SQL", "alice-key")
                .get("array_tasks")
                .forEach(t -> listed.add(t.get("id").asText()));
        assertEquals(List.of(id), listed);
        // another user sees neither the task nor its result
        fails("GET", "/v1/task/" + id + "/result", "carol-key", null, 404);
    }

    @Test
    void badSqlAndUnknownArraysAreTheServicesErrorsNamingTheTaskTheyFailed() throws Exception {
        var bad = post("/v1/sql/alice", "alice-key", "{\"query\": \"selec id from `tiledb://alice/prices`\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        JsonNode error = JSON.readTree(bad.body());
        assertEquals(4000, error.get("code").asLong());
        assertTrue(error.get("message").asText().contains("selec"), error.toString());
        JsonNode failed = get("/v1/task/" + taskId(bad), "alice-key");
        assertEquals("FAILED", failed.get("status").asText());

        var unknown = post("/v1/sql/alice", "alice-key", "{\"query\": \"select * from `tiledb://alice/nothing`\"}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("tiledb://alice/nothing"), unknown.body());

        var foreign = post("/v1/sql/alice", "carol-key", "{\"query\": \"select 1\"}");
        assertEquals(403, foreign.statusCode(), foreign.body());
        refused("POST", "/v1/sql/alice", "alice-key", "{\"query\": \"\"}", 400);
    }

    @Test
    void aJsonQueryAnswersTheCellsAsColumns() throws Exception {
        var r = post(
                "/v1/arrays/alice/prices/query/submit_query_json",
                "alice-key",
                "{\"query_ranges\": {\"layout\": \"row-major\", \"ranges\": [[2, 3]]}, \"fields\": [\"id\", \"price\"]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(JSON.readTree("{\"id\":[2,3],\"price\":[20.0,30.25]}"), JSON.readTree(r.body()));
        assertEquals(
                "QUERY", get("/v1/task/" + taskId(r), "alice-key").get("type").asText());
        // bob is no member of alice's namespace and the array is not shared with him
        var refusedQuery = post("/v1/arrays/alice/prices/query/submit_query_json", "bob-key", "{\"fields\": [\"id\"]}");
        assertEquals(404, refusedQuery.statusCode(), refusedQuery.body());
    }

    @Test
    void aGenericUdfRunsInPythonAndARaiseIsItsErrorWithTheTraceback() throws Exception {
        Python.assumePresent();
        var r = post(
                "/v1/udfs/generic/alice",
                "alice-key",
                JSON.writeValueAsString(
                        UdfCall.source("def add(x, y):\n    print('adding')\n    return x + y\n", "[2, 40]")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(42, JSON.readTree(r.body()).asInt());
        JsonNode task = get("/v1/task/" + taskId(r), "alice-key");
        assertEquals("adding\n", task.get("logs").asText());

        var raised = post(
                "/v1/udfs/generic/alice",
                "alice-key",
                JSON.writeValueAsString(UdfCall.source("def boom(x):\n    raise ValueError('no good')\n", "[1]")));
        assertEquals(400, raised.statusCode(), raised.body());
        assertTrue(raised.body().contains("ValueError: no good"), raised.body());
        assertEquals(
                "FAILED",
                get("/v1/task/" + taskId(raised), "alice-key").get("status").asText());
    }

    @Test
    void aRegisteredUdfIsListedByTheArrayBrowserSharedAndMarkedFavorite() throws Exception {
        json(
                "POST",
                "/v1/udf/alice/double",
                "alice-key",
                "{\"language\": \"python\", \"type\": \"generic\", \"exec_raw\": \"def f(x):\\n    return 2 * x\\n\"}",
                204);
        assertEquals(
                "double", get("/v1/udf/alice/double", "alice-key").get("name").asText());
        JsonNode owned = get("/v1/arrays/browser/owned?file_type=user_defined_function", "alice-key");
        assertEquals("double", owned.get("arrays").get(0).get("name").asText());
        fails("POST", "/v1/udf/alice/double", "alice-key", "{\"exec_raw\": \"def f(): pass\"}", 409);

        json(
                "PATCH",
                "/v1/udf/alice/double/share",
                "alice-key",
                "{\"namespace\": \"bob\", \"actions\": [\"fetch_udf\"]}",
                204);
        JsonNode shared = get("/v1/arrays/browser/shared?file_type=user_defined_function", "bob-key");
        assertEquals("double", shared.get("arrays").get(0).get("name").asText());
        assertEquals(
                "bob",
                get("/v1/udf/alice/double/share", "alice-key")
                        .get(0)
                        .get("namespace")
                        .asText());

        json("POST", "/v1/udfs/favorites/alice/double", "bob-key", null, 204);
        assertEquals(
                "double",
                get("/v1/udfs/favorites", "bob-key")
                        .get("udfs")
                        .get(0)
                        .get("name")
                        .asText());
        assertEquals(1, get("/v1/udfs/favorites/uuids", "bob-key").size());

        JsonNode copied = json("POST", "/v1/udf/alice/double/copy", "bob-key", "{\"name\": \"mine\"}", 201);
        assertEquals("bob", copied.get("namespace").asText());
        assertEquals("mine", get("/v1/udf/bob/mine", "bob-key").get("name").asText());

        json("DELETE", "/v1/udf/alice/double", "alice-key", null, 204);
        // the spec declares this 404 without a body
        assertEquals(404, send("GET", "/v1/udf/alice/double", "alice-key", null).statusCode());
        assertEquals(
                0,
                get("/v1/arrays/browser/owned?file_type=user_defined_function", "alice-key")
                        .path("arrays")
                        .size());
    }

    @Test
    void aTaskGraphOfSqlNodesRunsInDependencyOrderAndItsLogIsFollowed() throws Exception {
        TaskGraph graph = TaskGraph.of(
                "sum",
                List.of(
                        TaskGraphNode.sql(
                                "total", "select sum(price) as total from `tiledb://alice/prices`", List.of()),
                        TaskGraphNode.sql(
                                "count", "select count(*) as n from `tiledb://alice/prices`", List.of(), "total")));
        JsonNode created =
                json("POST", "/v1/taskgraphs/alice/graphs", "alice-key", JSON.writeValueAsString(graph), 201);
        String graphId = created.get("uuid").asText();
        assertEquals(
                graphId,
                get("/v1/taskgraphs/alice/graphs", "alice-key")
                        .get("graphs")
                        .get(0)
                        .get("uuid")
                        .asText());
        JsonNode submitted = json("POST", "/v1/taskgraphs/alice/graphs/" + graphId + "/submit", "alice-key", null, 202);
        String execution = submitted.get("uuid").asText();
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Await.until(
                () -> {
                    try {
                        last.set(get("/v1/taskgraphs/alice/logs/" + execution, "alice-key"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return "succeeded".equals(last.get().get("status").asText());
                },
                "the graph's execution to succeed");
        JsonNode done = last.get();
        assertEquals(2, done.get("nodes").size());
        assertEquals(
                execution,
                get("/v1/taskgraphs/logs?namespace=alice", "alice-key")
                        .get("task_graph_logs")
                        .get(0)
                        .get("uuid")
                        .asText());
        fails("GET", "/v1/taskgraphs/alice/logs/" + execution, "carol-key", null, 403);
    }

    @Test
    void aTaskResultStaysWithTheEngineAcrossTheListingOfActivityTasks() throws Exception {
        emulator.addActivity("alice", "prices", START, "query_read", "alice");
        var r = post("/v1/sql/alice", "alice-key", "{\"query\": \"select 1 as one\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode all = get("/v1/tasks", "alice-key");
        List<String> types = new ArrayList<>();
        all.get("array_tasks").forEach(t -> types.add(t.get("type").asText()));
        assertTrue(types.containsAll(List.of("SQL", "QUERY")), types.toString());
        assertEquals(
                types.size(), all.get("pagination_metadata").get("total_items").asInt());
    }
}
