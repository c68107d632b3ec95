package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The v1 notebook upload, notebook servers, the v1 file endpoints and the task views they feed. */
class NotebookFileTaskHttpTest extends SpecCheckedHttpTest {

    private static final byte[] NOTEBOOK = "{\"cells\": [], \"nbformat\": 4}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aMultipartNotebookUploadMakesANotebookTheOtherCallsSee() throws Exception {
        var r = multipart(
                "/v1/notebooks/alice/upload",
                "alice-key",
                Map.of("output_uri", "s3://bucket/nb/analysis"),
                "analysis.ipynb",
                NOTEBOOK);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode uploaded = JSON.readTree(r.body());
        assertEquals("analysis", uploaded.get("file_name").asText());
        assertEquals("s3://bucket/nb/analysis", uploaded.get("output_uri").asText());

        JsonNode info = get("/v1/arrays/alice/analysis/metadata", "alice-key");
        assertEquals("notebook", info.get("file_type").asText());
        assertEquals(uploaded.get("id").asText(), info.get("id").asText());
        assertEquals(
                1,
                get("/v1/notebooks/alice/analysis/end_timestamps", "alice-key")
                        .get("end_timestamps")
                        .size());
        assertEquals(
                new String(NOTEBOOK, StandardCharsets.UTF_8),
                new String(emulator.notebookContent("alice", "analysis").orElseThrow(), StandardCharsets.UTF_8));
        json("PATCH", "/v1/notebooks/alice/analysis/rename", "alice-key", "{\"name\": \"renamed\"}", 204);

        // the name field wins over the file name
        var named = multipart("/v1/notebooks/acme/upload", "alice-key", Map.of("name", "team"), "x.ipynb", NOTEBOOK);
        assertEquals("team", JSON.readTree(named.body()).get("file_name").asText());
    }

    @Test
    void aMultipartNotebookUploadRefusesBadRequests() throws Exception {
        assertEquals(
                400,
                multipart("/v1/notebooks/alice/upload", "alice-key", Map.of("name", "x"), null, null)
                        .statusCode());
        assertEquals(
                403,
                multipart("/v1/notebooks/acme/upload", "bob-key", Map.of(), "x.ipynb", NOTEBOOK)
                        .statusCode());
        assertEquals(
                404,
                multipart("/v1/notebooks/nobody/upload", "alice-key", Map.of(), "x.ipynb", NOTEBOOK)
                        .statusCode());
        refused("POST", "/v1/notebooks/alice/upload", "alice-key", "{}", 400);
        // the name belongs to an array that is not a notebook
        assertEquals(
                409,
                multipart("/v1/notebooks/alice/upload", "alice-key", Map.of("name", "data"), "d", NOTEBOOK)
                        .statusCode());
    }

    @Test
    void aNotebookServerRunsFromStartToShutdown() throws Exception {
        assertNotRunning("alice");
        emulator.startNotebookServer("alice");
        advance(Duration.ofSeconds(90));
        JsonNode status = get("/v1/notebooks/server/alice/status", "alice-key");
        assertEquals("alice", status.get("namespace").asText());
        assertEquals(90, status.get("uptime").asLong());
        assertTrue(status.get("memory_limit").asLong() > 0);

        fails("GET", "/v1/notebooks/server/alice/status", "bob-key", null, 403);
        fails("DELETE", "/v1/notebooks/server/alice", "bob-key", null, 403);
        assertEquals(
                404,
                send("GET", "/v1/notebooks/server/nobody/status", "alice-key", null)
                        .statusCode());
        json("DELETE", "/v1/notebooks/server/alice", "alice-key", null, 204);
        assertNotRunning("alice");
        assertEquals(
                404,
                send("DELETE", "/v1/notebooks/server/alice", "alice-key", null).statusCode());

        // an organization's server: its members see it
        emulator.startNotebookServer("acme");
        assertEquals(
                "acme",
                get("/v1/notebooks/server/acme/status", "bob-key")
                        .get("namespace")
                        .asText());
        assertThrows(IllegalArgumentException.class, () -> emulator.startNotebookServer("nobody"));
    }

    private void assertNotRunning(String namespace) throws Exception {
        var r = send("GET", "/v1/notebooks/server/" + namespace + "/status", "alice-key", null);
        assertEquals(404, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void filesAreCreatedUploadedAndExported() throws Exception {
        JsonNode created = json(
                "POST",
                "/v1/files/alice",
                "alice-key",
                "{\"input_uri\": \"s3://bucket/in/report.pdf\", \"output_uri\": \"s3://bucket/files/report\"}",
                201);
        assertEquals("report.pdf", created.get("file_name").asText());
        assertEquals("s3://bucket/files/report", created.get("output_uri").asText());
        JsonNode info = get("/v1/arrays/alice/report.pdf/metadata", "alice-key");
        assertEquals("file", info.get("file_type").asText());
        assertEquals(
                "report.pdf",
                info.get("file_properties").get("original_file_name").asText());

        var r = multipart(
                "/v1/files/alice/upload", "alice-key", Map.of("name", "notes"), "notes.txt", "hello".getBytes());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode uploaded = JSON.readTree(r.body());
        assertEquals("notes", uploaded.get("file_name").asText());
        assertEquals(
                uploaded.get("id").asText(),
                get("/v1/arrays/alice/notes/metadata", "alice-key").get("id").asText());
        assertEquals(
                1,
                get("/v1/arrays/alice/notes/end_timestamps", "alice-key")
                        .get("end_timestamps")
                        .size());

        JsonNode exported =
                json("POST", "/v1/files/alice/notes/export", "alice-key", "{\"output_uri\": \"s3://out/n.txt\"}", 201);
        assertEquals("s3://out/n.txt", exported.get("output_uri").asText());
        JsonNode byDefault = json("POST", "/v1/files/alice/report.pdf/export", "alice-key", "{}", 201);
        assertEquals(
                "s3://bucket/files/exports/report.pdf",
                byDefault.get("output_uri").asText());
        JsonNode activity = get("/v1/arrays/alice/notes/activity", "alice-key");
        assertEquals(
                "query_read", activity.get(activity.size() - 1).get("action").asText());
    }

    @Test
    void theV2RawFileUploadStoresAFileAndItsVersions() throws Exception {
        byte[] csv = "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<byte[]> first = raw(
                "/v2/files/alice/measurements/upload?filesize=" + csv.length + "&filename=m.csv&mimetype=text/csv",
                csv);
        assertEquals(201, first.statusCode(), new String(first.body()));
        JsonNode uploaded = JSON.readTree(first.body());
        assertEquals("measurements", uploaded.get("file_name").asText());
        JsonNode info = get("/v1/arrays/alice/measurements/metadata", "alice-key");
        assertEquals("file", info.get("file_type").asText());
        assertEquals(uploaded.get("id").asText(), info.get("id").asText());
        assertEquals(
                "m.csv", info.get("file_properties").get("original_file_name").asText());
        assertEquals("text/csv", info.get("file_properties").get("mime_type").asText());
        assertEquals(
                201,
                raw("/v2/files/alice/measurements/upload?filesize=" + csv.length, csv)
                        .statusCode());
        assertEquals(
                2,
                get("/v1/arrays/alice/measurements/end_timestamps", "alice-key")
                        .get("end_timestamps")
                        .size(),
                "a second upload of the same name is a new version");
        // the stored bytes (get_file's declaration in the spec is the known defect the contract tests exempt)
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                csv, emulator.notebookContent("alice", "measurements").orElseThrow());
        // a name that holds another kind of array is not overwritten by a file
        assertEquals(
                409,
                raw("/v2/files/alice/data/upload?filesize=" + csv.length, csv).statusCode());
    }

    /**
     * The JavaScript client's {@code getFileContents} and {@code downloadFile} read {@code original_file_name} and
     * {@code file_size} from a file's {@code metadata_json} (and {@code mime_type}): every way of making a file leaves
     * them, as libtiledb's filestore import writes them.
     */
    @Test
    void aFilesMetadataJsonHoldsWhatTheJavaScriptClientReadsToDownloadIt() throws Exception {
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                201,
                raw(
                                "/v2/files/alice/raw-upload/upload?filesize=" + csv.length
                                        + "&filename=m.csv&mimetype=text/csv",
                                csv)
                        .statusCode());
        JsonNode raw = get("/v1/arrays/alice/raw-upload/metadata_json", "alice-key");
        assertEquals("m.csv", raw.get("original_file_name").asText(), raw.toString());
        assertEquals(csv.length, raw.get("file_size").asLong(), raw.toString());
        assertEquals("text/csv", raw.get("mime_type").asText(), raw.toString());
        assertEquals("csv", raw.get("file_extension").asText(), raw.toString());
        assertEquals(false, raw.has("format"), "a file is no JSON notebook: " + raw);

        var form = multipart("/v1/files/alice/upload", "alice-key", Map.of("name", "form"), "notes.txt", csv);
        assertEquals(201, form.statusCode(), form.body());
        JsonNode uploaded = get("/v1/arrays/alice/form/metadata_json", "alice-key");
        assertEquals("notes.txt", uploaded.get("original_file_name").asText(), uploaded.toString());
        assertEquals(csv.length, uploaded.get("file_size").asLong(), uploaded.toString());

        json("POST", "/v1/files/alice", "alice-key", "{\"input_uri\": \"s3://bucket/in/report.pdf\"}", 201);
        JsonNode created = get("/v1/arrays/alice/report.pdf/metadata_json", "alice-key");
        assertEquals("report.pdf", created.get("original_file_name").asText(), created.toString());
        assertTrue(created.get("file_size").isIntegralNumber(), "the bytes it holds (none it has seen): " + created);
        assertEquals("pdf", created.get("file_extension").asText(), created.toString());
    }

    private HttpResponse<byte[]> raw(String path, byte[] body) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.url() + path))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                                .header("Content-Type", "application/octet-stream")
                                .header("X-TILEDB-REST-API-KEY", "alice-key")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void fileEndpointsRefuseBadRequests() throws Exception {
        fails("POST", "/v1/files/alice", "alice-key", "{\"name\": \"x\"}", 400);
        fails("POST", "/v1/files/acme", "bob-key", "{\"input_uri\": \"s3://b/x\"}", 403);
        fails("POST", "/v1/files/alice", "alice-key", "{\"input_uri\": \"s3://b/data\"}", 409);
        fails("POST", "/v1/files/alice/data/export", "alice-key", "{}", 400);
        fails("POST", "/v1/files/alice/missing/export", "alice-key", "{}", 404);
        fails("POST", "/v1/files/alice/data/export", "bob-key", "{}", 404);
        assertEquals(
                400,
                multipart("/v1/files/alice/upload", "alice-key", Map.of(), null, null)
                        .statusCode());
    }

    /**
     * The spec's {@code array} filter is the array's "name/uri": its name, id or storage URI, or its
     * {@code tiledb://namespace/name}; {@code namespace} matches in any case, as the listings' does.
     */
    @Test
    void tasksAreFoundByTheArraysTiledbUriAndByNamespaceInAnyCase() throws Exception {
        get("/v1/arrays/alice/data/sample", "alice-key");
        get("/v1/arrays/acme/data/sample", "alice-key");
        String storage = emulator.array("alice", "data").orElseThrow().uri();
        // the name alone is both arrays'; the tiledb:// URI and the storage URI are one
        for (Map.Entry<String, Integer> array :
                Map.of("tiledb://alice/data", 1, "data", 2, storage, 1).entrySet()) {
            JsonNode tasks = get(
                    "/v1/tasks?array=" + java.net.URLEncoder.encode(array.getKey(), StandardCharsets.UTF_8),
                    "alice-key");
            assertEquals(
                    array.getValue(),
                    tasks.at("/pagination_metadata/total_items").asInt(),
                    array + ": " + tasks);
        }
        JsonNode byUri = get(
                "/v1/tasks?array=" + java.net.URLEncoder.encode("tiledb://acme/data", StandardCharsets.UTF_8),
                "alice-key");
        assertEquals(1, byUri.at("/pagination_metadata/total_items").asInt(), byUri.toString());
        assertEquals("acme", byUri.at("/array_tasks/0/namespace").asText());
        assertEquals(
                1,
                get("/v1/tasks?namespace=ACME", "alice-key")
                        .at("/pagination_metadata/total_items")
                        .asInt());
    }

    @Test
    void tasksListTheQueriesRunOnArraysTheCallerMaySee() throws Exception {
        JsonNode none = get("/v1/tasks", "alice-key");
        assertEquals(0, none.get("pagination_metadata").get("total_items").asInt());
        assertEquals(
                0,
                get("/v1/tasks/sidebar", "alice-key")
                        .get("result_count_for_all")
                        .asInt());

        get("/v1/arrays/alice/data/sample", "alice-key");
        advance(Duration.ofSeconds(5));
        multipart("/v1/files/acme/upload", "alice-key", Map.of(), "f.csv", "a,b".getBytes());
        advance(Duration.ofSeconds(5));
        get("/v1/arrays/acme/data/sample", "carol-key");

        JsonNode tasks = get("/v1/tasks", "alice-key");
        assertEquals(3, tasks.get("pagination_metadata").get("total_items").asInt());
        JsonNode newest = tasks.get("array_tasks").get(0);
        assertEquals("carol", newest.get("username").asText());
        assertEquals("QUERY", newest.get("type").asText());
        assertEquals("READ", newest.get("query_type").asText());
        assertEquals("COMPLETED", newest.get("status").asText());
        assertEquals("data", newest.get("array_metadata").get("name").asText());
        assertEquals("WRITE", tasks.get("array_tasks").get(1).get("query_type").asText());

        assertEquals(
                1,
                get("/v1/tasks?namespace=alice", "alice-key").get("array_tasks").size());
        assertEquals(
                1,
                get("/v1/tasks?created_by=carol", "alice-key")
                        .get("array_tasks")
                        .size());
        assertEquals(
                1,
                get("/v1/tasks?file_type=file", "alice-key").get("array_tasks").size());
        assertEquals(
                0,
                get("/v1/tasks?type=SQL", "alice-key")
                        .get("pagination_metadata")
                        .get("total_items")
                        .asInt());
        JsonNode page2 = get("/v1/tasks?per_page=2&page=2", "alice-key");
        assertEquals(1, page2.get("array_tasks").size());
        assertEquals(2, page2.get("pagination_metadata").get("total_pages").asInt());
        // carol sees her own query on acme's array, not alice's queries
        assertEquals(
                1,
                get("/v1/tasks", "carol-key")
                        .get("pagination_metadata")
                        .get("total_items")
                        .asInt());
        // bob, a member of acme, sees the two on acme's arrays
        assertEquals(
                2,
                get("/v1/tasks", "bob-key")
                        .get("pagination_metadata")
                        .get("total_items")
                        .asInt());

        String id = newest.get("id").asText();
        assertEquals(id, get("/v1/task/" + id, "bob-key").get("id").asText());
        String alicesOwn = tasks.get("array_tasks").get(2).get("id").asText();
        assertEquals(
                "alice",
                get("/v1/task/" + alicesOwn, "alice-key").get("namespace").asText());
        fails("GET", "/v1/task/" + alicesOwn, "carol-key", null, 404);
        fails("GET", "/v1/task/none", "alice-key", null, 404);

        JsonNode sidebar = get("/v1/tasks/sidebar", "alice-key");
        assertEquals(3, sidebar.get("result_count_for_all").asInt());
        assertEquals(2, sidebar.get("result_count_by_namespace").get("acme").asInt());
        assertEquals("acme", sidebar.get("organizations").get(0).asText());
        long after = START.plusSeconds(6).getEpochSecond();
        assertEquals(
                1,
                get("/v1/tasks/sidebar?start=" + after, "alice-key")
                        .get("result_count_for_all")
                        .asInt());
        fails("GET", "/v1/tasks?orderby=size", "alice-key", null, 400);
        fails("GET", "/v1/tasks?status=sleeping", "alice-key", null, 400);
        assertEquals(
                "alice",
                get("/v1/tasks?orderby=name", "alice-key")
                        .get("array_tasks")
                        .get(2)
                        .get("namespace")
                        .asText());
    }
}
