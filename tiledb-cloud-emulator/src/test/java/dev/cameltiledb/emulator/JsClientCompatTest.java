package dev.cameltiledb.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.Python;
import dev.cameltiledb.emulator.data.TestCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TileDB's JavaScript client, {@code @tiledb-inc/tiledb-cloud} 1.0.8, installed from npm into {@code target/} and run
 * by Node ({@code src/test/js/compat.mjs}) through its array, user, organization, notebook, SQL, UDF, JSON query and
 * task calls against the emulator, whose array {@code alice/prices} is seeded with cells, and through
 * {@code TileDBQuery}, its Cap'n Proto query protocol: it writes cells into the empty arrays {@code alice/dense-js}
 * and {@code alice/sparse-js} and reads them back (and the seeded cells) in pages small enough to come back
 * INCOMPLETE several times, every cell checked here. The calls that run a UDF
 * need {@code python3} (the emulator runs UDFs with it): without it they are left out, and the test says so. Every exchange is recorded and checked: each call answers what the script expects, no 404 or 405 comes
 * back that the script did not ask for, and every request and answer conforms to the official spec. Runs with the
 * {@code js-compat} profile ({@code mvn -B verify -Pjs-compat}), which {@code .ci/run} turns on when {@code node} is
 * on the PATH; with the profile on, a missing Node or npm fails it.
 *
 * <p>Calls of the client left out, and why: the Cap'n Proto calls (array metadata get and update, and the query
 * calls behind {@code downloadNotebookContents} and {@code getFileContents});
 * {@code consolidateArray} and {@code vacuumArray} (storage maintenance of libtiledb); administration of accounts
 * (create, change and delete users and organizations, their members, password resets, e-mail confirmation) and of
 * AWS credentials; {@code requestToken}, {@code revokeToken}, {@code getTokenScopes}; {@code shutdownNotebookServer};
 * {@code TaskGraphLogsApi.createTaskGraphLog} and {@code updateTaskGraphLog} (the client's own record of a graph it
 * runs; the emulator runs graphs itself and serves their logs, which the script lists).
 */
@Tag("server")
@EnabledIfSystemProperty(named = "tiledb.jsCompat", matches = "true")
class JsClientCompatTest {

    private static final String PACKAGE = "@tiledb-inc/tiledb-cloud@1.0.8";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cells of alice/prices (schema {@link TestCatalog#SPARSE}). */
    private static final String PRICES = """
            {"id": [1, 2, 3, 4], "price": [10.5, 20.0, 30.25, 40.0], "label": ["a", "b", null, "d"],
             "day": [null, null, null, null], "at": [null, null, null, null], "small": [1, 2, 3, null]}""";

    /** The array TileDBQuery writes sparse cells into: id INT64, v FLOAT64, label STRING_ASCII (nullable). */
    private static final String SPARSE_JS = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":100,"allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,1000]},"nullTileExtent":false,"tileExtent":{"int64":100}}]},
             "attributes":[{"name":"v","type":"FLOAT64","cellValNum":1,"nullable":false},
                           {"name":"label","type":"STRING_ASCII","cellValNum":4294967295,"nullable":true}]}""";

    /**
     * A schema with what the spec's {@code ArraySchema} requires and the engine does not need (filter pipelines, the
     * format version, the domain's orders): TileDBQuery reads the schema, and the answer is checked against the spec.
     */
    private static JsonNode specComplete(String schemaJson) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode schema =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(schemaJson);
        schema.putArray("version").add(1).add(3).add(0);
        schema.putObject("coordsFilterPipeline").putArray("filters");
        schema.putObject("offsetFilterPipeline").putArray("filters");
        com.fasterxml.jackson.databind.node.ObjectNode domain =
                (com.fasterxml.jackson.databind.node.ObjectNode) schema.get("domain");
        domain.put("cellOrder", schema.get("cellOrder").asText());
        domain.put("tileOrder", schema.get("tileOrder").asText());
        schema.get("attributes")
                .forEach(a -> ((com.fasterxml.jackson.databind.node.ObjectNode) a)
                        .putObject("filterPipeline")
                        .putArray("filters"));
        return schema;
    }

    @Test
    void theJavaScriptClientRunsAgainstTheEmulatorWithinTheSpec() throws Exception {
        OfficialSpecs.directory();
        Path dir = Path.of("target", "js-compat").toAbsolutePath();
        Path script = install(dir);
        boolean python = Python.present();
        if (!python) {
            System.out.println("JsClientCompatTest: python3 is not on the PATH: the JavaScript client's UDF runs"
                    + " (udf.exec, submitGenericUDF, submitMultiArrayUDF, submitUDF) are skipped; install Python 3"
                    + " to run them");
        }
        TileDBEmulator emulator = TileDBEmulator.builder()
                .recordExchanges()
                .user("alice", "alice-key")
                .user("bob", "bob-key")
                .organization("acme", Map.of("alice", "owner", "bob", "read_only"))
                .seed(new Seed(
                        null,
                        null,
                        List.of(
                                new Seed.SeedArray(
                                        "alice",
                                        "analysis",
                                        null,
                                        "a notebook",
                                        List.of("nb"),
                                        null,
                                        null,
                                        null,
                                        "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"),
                                new Seed.SeedArray("alice", "prices", null, null, null, null, null, null)
                                        .withCells(specComplete(TestCatalog.SPARSE), JSON.readTree(PRICES), 1_000L),
                                new Seed.SeedArray("alice", "dense-js", null, null, null, null, null, null)
                                        .withCells(specComplete(TestCatalog.DENSE_2D), null, null),
                                new Seed.SeedArray("alice", "sparse-js", null, null, null, null, null, null)
                                        .withCells(specComplete(SPARSE_JS), null, null))))
                .build()
                .start();
        // the spec has no call that starts a notebook server: the script reads the status of a running one
        emulator.startNotebookServer("alice");
        List<JsonNode> calls;
        try (emulator) {
            calls = run(script, emulator.url(), python);
        }

        // 1. each call answered what the script expects of it
        List<String> wrongAnswers = new ArrayList<>();
        for (JsonNode c : calls) {
            String name = c.get("call").asText();
            int status = c.get("status").asInt();
            if (status != c.get("expected").asInt()) {
                wrongAnswers.add(name + " -> " + status + " (expected " + c.get("expected") + "): " + c.path("detail"));
            }
        }
        JsonNode afterUpdate = detail(calls, "info after an update with tags []");
        assertEquals("changed", afterUpdate.path("description").asText(), afterUpdate.toString());
        assertEquals("[\"js\"]", afterUpdate.path("tags").toString(), "an empty tag list leaves the tags as they are");
        assertEquals("notebook", detail(calls, "info of the renamed notebook").asText());
        String sqlTask = detail(calls, "sql.exec").path("task").asText();

        // 2. every exchange: no 404 or 405 the script did not ask for, and request and answer within the spec
        Set<String> askedFor404 = Set.of(
                "GET /v1/arrays/alice/registered/share bob",
                "PATCH /v1/arrays/alice/registered/share bob",
                "GET /v1/arrays/alice/no-such-array/metadata alice",
                "POST /v1/sql/alice alice",
                "GET /v1/udf/alice/add bob",
                "GET /v1/task/" + sqlTask + " bob");
        List<RecordedExchange> exchanges = emulator.recordedExchanges();
        List<String> unexpected = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        OfficialSpec spec = OfficialSpec.load();
        for (RecordedExchange x : exchanges) {
            String request = x.method() + " " + x.rawPath();
            String caller = x.requestHeaders()
                    .getOrDefault("x-tiledb-rest-api-key", List.of("?"))
                    .get(0)
                    .replace("-key", "");
            if ((x.status() == 404 || x.status() == 405) && !askedFor404.contains(request + " " + caller)) {
                unexpected.add(request + " -> " + x.status());
            }
            // the findings the spec's own faults cause are left out, as OfficialSpec lists and explains them
            violations.addAll(spec.violations(x));
        }
        System.out.printf(
                "JavaScript client %s: %d calls, %d exchanges; %d unexpected 404/405, %d spec violations%n",
                PACKAGE, calls.size(), exchanges.size(), unexpected.size(), violations.size());
        unexpected.forEach(u -> System.out.println("unexpected: " + u));
        violations.forEach(v -> System.out.println("violation: " + v));
        assertEquals(List.of(), wrongAnswers, "calls that did not answer as expected");
        assertEquals(List.of(), unexpected, "404/405 the client did not ask for");
        assertEquals(List.of(), violations, "exchanges outside the official spec");
        assertDataPlaneAnswers(calls, python, sqlTask);
        assertQueryProtocolCells(calls);
        assertTrue(calls.size() >= (python ? 80 : 70), "calls made: " + calls.size());
        assertTrue(exchanges.size() >= calls.size(), "every call reached the emulator");
    }

    /**
     * The SQL, query, UDF and task calls answered what alice/prices holds, and the tasks they left are the ones the
     * tasks API lists and returns.
     */
    private static void assertDataPlaneAnswers(List<JsonNode> calls, boolean python, String sqlTask)
            throws IOException {
        JsonNode sql = detail(calls, "sql.exec");
        assertSameJson(
                JSON.readTree("[{\"id\":1,\"price\":10.5,\"label\":\"a\"},{\"id\":2,\"price\":20.0,\"label\":\"b\"},"
                        + "{\"id\":3,\"price\":30.25,\"label\":null},{\"id\":4,\"price\":40.0,\"label\":\"d\"}]"),
                sql.get("rows"));
        assertTrue(!sqlTask.isEmpty(), "the SQL answer names its task: " + sql);
        assertSameJson(JSON.readTree("[{\"id\":3},{\"id\":4}]"), detail(calls, "sql.exec with parameters"));
        JsonNode arrow = detail(calls, "SqlApi.runSQL as arrow");
        assertEquals(
                "application/vnd.apache.arrow.stream", arrow.path("contentType").asText(), arrow.toString());
        assertEquals("[255,255,255,255]", arrow.path("head").toString(), "an Arrow IPC stream begins with 0xFFFFFFFF");
        assertEquals(
                "[255,255,255,255,0,0,0,0]", arrow.path("end").toString(), "and ends with its end-of-stream marker");
        assertEquals("[\"id\",\"price\"]", arrow.path("names").toString(), "the stream's schema names both columns");
        JsonNode query = detail(calls, "QueryApi.submitQueryJson");
        assertSameJson(JSON.readTree("{\"id\":[2,3],\"price\":[20.0,30.25]}"), query.get("columns"));

        JsonNode info = detail(calls, "udf.info");
        assertEquals("add", info.path("name").asText(), info.toString());
        assertEquals("generic", info.path("type").asText(), info.toString());
        assertEquals(
                "adds two numbers", detail(calls, "udf.info after an update").asText());
        assertEquals(
                "[\"bob\"]", detail(calls, "UdfApi.getUDFInfoSharingPolicies").toString());
        assertEquals("[\"add\"]", detail(calls, "FavoritesApi.listUDFFavorites").toString());

        List<String> tasks = new ArrayList<>();
        detail(calls, "TasksApi.tasksGet").forEach(t -> tasks.add(t.get("id").asText()));
        assertTrue(tasks.contains(sqlTask), "the SQL call's task is listed: " + tasks);
        assertTrue(tasks.contains(query.path("task").asText()), "the JSON query's task is listed: " + tasks);
        JsonNode task = detail(calls, "TasksApi.taskIdGet");
        assertEquals(sqlTask, task.path("id").asText(), task.toString());
        assertEquals("SQL", task.path("type").asText(), task.toString());
        assertEquals("COMPLETED", task.path("status").asText(), task.toString());
        assertEquals(sqlTask, detail(calls, "task").asText());
        assertEquals(sql.get("rows"), detail(calls, "TasksApi.taskIdResultGet"), "the task's stored result");
        assertTrue(
                detail(calls, "TasksApi.tasksGet of type SQL").toString().contains(sqlTask),
                "the SQL task is listed among tasks of type SQL");
        if (python) {
            assertEquals(42, detail(calls, "udf.exec of the registered UDF").asInt());
            assertEquals(
                    3,
                    detail(calls, "UdfApi.submitGenericUDF by bob of the shared UDF")
                            .asInt());
            JsonNode generic = detail(calls, "UdfApi.submitGenericUDF");
            assertEquals(42, generic.path("result").asInt(), generic.toString());
            assertTrue(tasks.contains(generic.path("task").asText()), "the UDF call's task is listed: " + tasks);
            assertEquals(30.5, detail(calls, "UdfApi.submitMultiArrayUDF").asDouble());
            assertEquals("[3,4]", detail(calls, "UdfApi.submitUDF").toString());
            assertTrue(
                    detail(calls, "udf.exec that raises").toString().contains("ValueError: no good"),
                    "the traceback is in the error");
        }
    }

    /**
     * TileDBQuery's writes landed and its reads, page by page, gave back every cell: the dense array in row-major
     * (2 cells a page) and col-major over a subarray, the sparse one with its null label, the seeded cells; and SQL
     * sees what it wrote.
     */
    private static void assertQueryProtocolCells(List<JsonNode> calls) throws IOException {
        JsonNode written = JSON.readTree("{\"status\":\"COMPLETED\"}");
        assertSameJson(written, detail(calls, "TileDBQuery.WriteQuery dense"));
        assertSameJson(written, detail(calls, "TileDBQuery.WriteQuery sparse"));

        JsonNode dense = detail(calls, "TileDBQuery.ReadQuery dense");
        assertTrue(dense.size() >= 4, "the read came back INCOMPLETE several times: " + dense);
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        List<Integer> a = new ArrayList<>();
        for (int r = 1; r <= 4; r++) {
            for (int c = 1; c <= 4; c++) {
                rows.add(r);
                cols.add(c);
                a.add(10 * r + c);
            }
        }
        assertSameJson(JSON.valueToTree(Map.of("rows", rows, "cols", cols, "a", a)), concat(dense));

        List<Integer> subRows = new ArrayList<>();
        List<Integer> subCols = new ArrayList<>();
        List<Integer> subA = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            for (int r = 2; r <= 3; r++) {
                subRows.add(r);
                subCols.add(c);
                subA.add(10 * r + c);
            }
        }
        assertSameJson(
                JSON.valueToTree(Map.of("rows", subRows, "cols", subCols, "a", subA)),
                concat(detail(calls, "TileDBQuery.ReadQuery dense col-major")));

        JsonNode sparse = detail(calls, "TileDBQuery.ReadQuery sparse");
        assertTrue(sparse.size() >= 3, "the read came back INCOMPLETE several times: " + sparse);
        List<Object> ids = new ArrayList<>();
        List<Object> v = new ArrayList<>();
        List<Object> labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(i);
            v.add(i / 4.0);
            labels.add(i == 5 ? null : "l" + i);
        }
        java.util.Map<String, Object> expected = new java.util.HashMap<>();
        expected.put("id", ids);
        expected.put("v", v);
        expected.put("label", labels);
        assertSameJson(JSON.valueToTree(expected), concat(sparse));

        assertSameJson(
                JSON.readTree("{\"id\":[1,2,3,4],\"price\":[10.5,20.0,30.25,40.0]}"),
                concat(detail(calls, "TileDBQuery.ReadQuery of seeded cells")));
        JsonNode sql = detail(calls, "sql.exec of the cells TileDBQuery wrote");
        assertEquals(10, sql.size(), sql.toString());
        assertSameJson(JSON.readTree("{\"id\":5,\"v\":1.25,\"label\":null}"), sql.get(5));
        assertSameJson(JSON.readTree("{\"id\":9,\"v\":2.25,\"label\":\"l9\"}"), sql.get(9));
    }

    /** The pages of a read as one object of columns. */
    private static JsonNode concat(JsonNode pages) {
        assertTrue(pages.isArray(), "pages: " + pages);
        com.fasterxml.jackson.databind.node.ObjectNode all = JSON.createObjectNode();
        for (JsonNode page : pages) {
            page.fields().forEachRemaining(e -> {
                com.fasterxml.jackson.databind.node.ArrayNode column = all.has(e.getKey())
                        ? (com.fasterxml.jackson.databind.node.ArrayNode) all.get(e.getKey())
                        : all.putArray(e.getKey());
                column.addAll((com.fasterxml.jackson.databind.node.ArrayNode) e.getValue());
            });
        }
        return all;
    }

    /** JSON equal to the expected, numbers by value: JavaScript writes the 20.0 it read as 20. */
    private static void assertSameJson(JsonNode expected, JsonNode actual) {
        Comparator<JsonNode> byValue = (a, b) ->
                a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        assertTrue(expected.equals(byValue, actual), "expected " + expected + ", was " + actual);
    }

    private static JsonNode detail(List<JsonNode> calls, String name) {
        return calls.stream()
                .filter(c -> c.get("call").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the script made no call " + name))
                .path("detail");
    }

    /** npm installs the client into {@code dir} once; the script is copied beside it, so Node resolves the import. */
    private static Path install(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path script = dir.resolve("compat.mjs");
        Files.copy(Path.of("src", "test", "js", "compat.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        if (!Files.isDirectory(dir.resolve("node_modules/@tiledb-inc/tiledb-cloud"))) {
            String out = runToEnd(
                    dir, List.of("npm", "install", "--no-save", "--silent", "--prefix", dir.toString(), PACKAGE));
            assertTrue(
                    Files.isDirectory(dir.resolve("node_modules/@tiledb-inc/tiledb-cloud")),
                    "npm install " + PACKAGE + ": " + out);
        }
        return script;
    }

    private static List<JsonNode> run(Path script, String baseUrl, boolean python)
            throws IOException, InterruptedException {
        String out = runToEnd(
                script.getParent(),
                List.of("node", script.toString(), baseUrl, "alice-key", "bob-key", python ? "python3" : "no-python3"));
        List<JsonNode> calls = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{\"call\"")) {
                calls.add(JSON.readTree(line));
            }
        }
        return calls;
    }

    /** Runs a command to its end; a non-zero exit fails the test with what it printed. */
    private static String runToEnd(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertEquals(0, exit, String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
