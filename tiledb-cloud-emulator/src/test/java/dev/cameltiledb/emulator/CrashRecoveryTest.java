package dev.cameltiledb.emulator;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Access;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of write the emulator acknowledges survives a crash. An emulator in a child JVM on a data directory takes
 * one acknowledged request of every route that writes, and is killed ({@code destroyForcibly}: no shutdown hook, no
 * clean stop) right after the last answer; an emulator started again from the same data directory holds every write.
 *
 * <p>The routes that write are read from the emulator's router, so a write route added without a step here fails
 * {@link #everyWriteRouteIsCovered}: the classic server's routes in one run, the workspace server's own in another.
 */
@Tag("server")
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String SCHEMA = """
            {"version":[1,3,0],"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major",
             "capacity":10000,"coordsFilterPipeline":{"filters":[]},"offsetFilterPipeline":{"filters":[]},
             "domain":{"type":"INT32","tileOrder":"row-major","cellOrder":"row-major","dimensions":[{"name":"x","type":"INT32",
             "domain":{"int32":[1,9]},"nullTileExtent":false,"tileExtent":{"int32":3},
             "filterPipeline":{"filters":[]}}]},
             "attributes":[{"name":"a","type":"INT32","cellValNum":1,"filterPipeline":{"filters":[]}}]}""";

    private static final String NOTEBOOK = "{\"cells\": [], \"nbformat\": 4}";

    private static final String CLASSIC_SEED = """
            {"users": [{"username": "alice", "apiKeys": ["alice-key"]},
                       {"username": "bob", "apiKeys": ["bob-key"]},
                       {"username": "carol", "apiKeys": ["carol-key"]},
                       {"username": "dave", "apiKeys": ["dave-key"]}],
             "organizations": [{"name": "acme", "members": {"alice": "owner", "bob": "member", "dave": "member"}}],
             "arrays": [{"namespace": "alice", "name": "a1"}, {"namespace": "alice", "name": "a2"}, {"namespace": "alice", "name": "shared"},
                        {"namespace": "alice", "name": "doomed"}, {"namespace": "alice", "name": "dereg"}]}
            """;

    private static final String WORKSPACE_SEED = """
            {"users": [{"username": "alice", "apiKeys": ["alice-key"]},
                       {"username": "bob", "apiKeys": ["bob-key"]},
                       {"username": "carol", "apiKeys": ["carol-key"]},
                       {"username": "dave", "apiKeys": ["dave-key"]},
                       {"username": "erin", "apiKeys": ["erin-key"]}],
             "workspaces": [{"name": "acme", "description": "Acme",
                             "members": {"alice": "owner", "bob": "member", "dave": "member", "erin": "member"},
                             "teamspaces": [{"name": "research", "visibility": "private",
                                             "members": {"alice": "owner", "bob": "viewer", "erin": "viewer"}},
                                            {"name": "doomed", "members": {"alice": "owner"}}]}],
             "arrays": [{"namespace": "acme/research", "name": "data/sales", "metadata": {"owner": "finance"}}]}
            """;

    /**
     * Routes that change only what a restart ends by design: the running notebook servers ({@code NotebookServers},
     * never saved; the spec has no call that starts one, so a child JVM cannot be given one to stop).
     */
    private static final Set<String> ENDED_BY_A_RESTART = Set.of("DELETE /v1/notebooks/server/{namespace}");

    /**
     * Routes that write cells and run outside the state's transactions ({@link Access#OWN}, as a long data-plane call
     * does), which the router cannot tell from the reads of the same access: the query protocol's submit (its v1 and
     * v3 forms are the same handler).
     */
    private static final Set<String> CELL_WRITES = Set.of("POST /v2/arrays/{namespace}/{array}/query/submit");

    /** One acknowledged write: the route it covers, the request, and what a restarted emulator must show of it. */
    private record Write(String method, String template, Request request, Check check) {}

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send(String url) throws Exception;
    }

    @FunctionalInterface
    private interface Check {
        void holds(TileDBEmulator restarted) throws Exception;
    }

    @Test
    void everyWriteRouteIsCovered() {
        Set<String> classic = writeRoutes(TileDBEmulator.builder().build());
        classic.addAll(CELL_WRITES);
        Set<String> classicCovered = covered(classicWrites(new Tokens()));
        classicCovered.addAll(ENDED_BY_A_RESTART);
        assertEquals(classic, classicCovered, "a step for every write route of the classic server");
        Set<String> workspaceOnly =
                writeRoutes(TileDBEmulator.builder().workspaceServer().build());
        workspaceOnly.removeAll(classic);
        assertEquals(
                workspaceOnly,
                covered(workspaceWrites(new Tokens())),
                "a step for every write route the workspace server adds");
    }

    @Test
    void classicWritesSurviveAKill(@TempDir Path dir) throws Exception {
        crashAndRecover(dir, CLASSIC_SEED, false, classicWrites(new Tokens()));
    }

    @Test
    void workspaceWritesSurviveAKill(@TempDir Path dir) throws Exception {
        crashAndRecover(dir, WORKSPACE_SEED, true, workspaceWrites(new Tokens()));
    }

    /** Tokens issued by one step and used by the check of another. */
    private static final class Tokens {
        String session;
        String issued;
        String revoked;
        String workspace;
        String reportsFolder;
    }

    private static List<Write> classicWrites(Tokens tokens) {
        List<Write> w = new ArrayList<>();
        // arrays
        w.add(new Write(
                "POST",
                "/v1/arrays/{namespace}/{array}",
                url -> json(url, "POST", "/v1/arrays/alice/made", SCHEMA),
                r -> assertTrue(r.array("alice", "made").isPresent())));
        // cells of the array just made, through the query protocol; SQL reads them after the restart
        w.add(new Write(
                "POST",
                "/v2/arrays/{namespace}/{array}/query/submit",
                url -> cellWrite(url, "/v2/arrays/alice/made/query/submit?type=WRITE"),
                r -> assertEquals(
                        JSON.readTree("[{\"x\":2,\"a\":20},{\"x\":5,\"a\":50}]"),
                        parsed(
                                send(
                                        r.url(),
                                        "POST",
                                        "/v1/sql/alice",
                                        "alice-key",
                                        "{\"query\":\"select x, a from `tiledb://alice/made` order by x\"}"),
                                "the cells by SQL"))));
        w.add(new Write(
                "POST",
                "/v1/arrays/{namespace}/{array}/register",
                url -> json(
                        url,
                        "POST",
                        "/v1/arrays/alice/s3%3A%2F%2Fb%2Fregistered/register",
                        "{\"description\":\"kept\"}"),
                r -> assertEquals(
                        "kept", r.array("alice", "registered").orElseThrow().description())));
        w.add(new Write(
                "PATCH",
                "/v1/arrays/{namespace}/{array}/metadata",
                url -> json(
                        url, "PATCH", "/v1/arrays/alice/a1/metadata", "{\"description\":\"patched\",\"tags\":[\"t\"]}"),
                r -> assertEquals(
                        "patched", r.array("alice", "a1").orElseThrow().description())));
        w.add(new Write(
                "PATCH",
                "/v1/arrays/{namespace}/{array}/share",
                url -> json(
                        url,
                        "PATCH",
                        "/v1/arrays/alice/shared/share",
                        "{\"namespace\":\"bob\",\"actions\":[\"read\"]}"),
                r -> assertEquals(
                        List.of("read"),
                        r.array("alice", "shared").orElseThrow().sharing().get("bob"))));
        w.add(new Write(
                "DELETE",
                "/v1/arrays/{namespace}/{array}",
                url -> json(url, "DELETE", "/v1/arrays/alice/doomed", null),
                r -> assertTrue(r.array("alice", "doomed").isEmpty())));
        w.add(new Write(
                "DELETE",
                "/v1/arrays/{namespace}/{array}/deregister",
                url -> json(url, "DELETE", "/v1/arrays/alice/dereg/deregister", null),
                r -> assertTrue(r.array("alice", "dereg").isEmpty())));
        // registered UDFs: the engine's registry and the catalog entry the array browser lists
        String udf = "{\"language\":\"python\",\"type\":\"generic\",\"exec_raw\":\"def f(x):\\n    return x\\n\"}";
        w.add(new Write("POST", "/v1/udf/{namespace}/{name}", url -> json(url, "POST", "/v1/udf/alice/u1", udf), r -> {
            assertEquals("u1", read(r, "/v1/udf/alice/u1").get("name").asText());
            assertTrue(r.array("alice", "u1").isPresent());
        }));
        w.add(new Write(
                "PATCH",
                "/v1/udf/{namespace}/{name}",
                url -> {
                    json(url, "POST", "/v1/udf/alice/u2", udf);
                    return json(url, "PATCH", "/v1/udf/alice/u2", "{\"readme\":\"second\"}");
                },
                r -> assertEquals(
                        "second", read(r, "/v1/udf/alice/u2").get("readme").asText())));
        w.add(new Write(
                "PATCH",
                "/v1/udf/{namespace}/{name}/share",
                url -> {
                    json(url, "POST", "/v1/udf/alice/u3", udf);
                    return json(
                            url,
                            "PATCH",
                            "/v1/udf/alice/u3/share",
                            "{\"namespace\":\"bob\",\"actions\":[\"fetch_udf\"]}");
                },
                r -> {
                    assertEquals(
                            "bob",
                            read(r, "/v1/udf/alice/u3/share")
                                    .get(0)
                                    .get("namespace")
                                    .asText());
                    assertEquals(
                            List.of("read"),
                            r.array("alice", "u3").orElseThrow().sharing().get("bob"));
                }));
        w.add(new Write(
                "DELETE",
                "/v1/udf/{namespace}/{name}",
                url -> {
                    json(url, "POST", "/v1/udf/alice/u4", udf);
                    return json(url, "DELETE", "/v1/udf/alice/u4", null);
                },
                r -> {
                    assertEquals(
                            404,
                            send(r.url(), "GET", "/v1/udf/alice/u4", "alice-key", null)
                                    .statusCode());
                    assertTrue(r.array("alice", "u4").isEmpty());
                }));
        w.add(new Write(
                "POST",
                "/v1/udf/{namespace}/{name}/copy",
                url -> {
                    json(url, "POST", "/v1/udf/alice/u5", udf);
                    return json(url, "POST", "/v1/udf/alice/u5/copy", "{\"name\":\"u5copy\"}");
                },
                r -> {
                    assertEquals(
                            "u5copy",
                            read(r, "/v1/udf/alice/u5copy").get("name").asText());
                    assertTrue(r.array("alice", "u5copy").isPresent());
                }));
        w.add(new Write(
                "POST",
                "/v1/udfs/favorites/{namespace}/{name}",
                url -> {
                    json(url, "POST", "/v1/udf/alice/u6", udf);
                    return json(url, "POST", "/v1/udfs/favorites/alice/u6", null);
                },
                r -> assertEquals(
                        "u6", read(r, "/v1/udfs/favorites/alice/u6").get("name").asText())));
        w.add(new Write(
                "DELETE",
                "/v1/udfs/favorites/{namespace}/{name}",
                url -> {
                    json(url, "POST", "/v1/udf/alice/u7", udf);
                    json(url, "POST", "/v1/udfs/favorites/alice/u7", null);
                    return json(url, "DELETE", "/v1/udfs/favorites/alice/u7", null);
                },
                r -> assertEquals(
                        404,
                        send(r.url(), "GET", "/v1/udfs/favorites/alice/u7", "alice-key", null)
                                .statusCode())));
        // registered task graphs: the engine keeps their nodes, the catalog their entry and its sharing
        String graph = "{\"nodes\":[{\"client_node_id\":\"one\",\"name\":\"one\",\"depends_on\":[],"
                + "\"sql_node\":{\"query\":\"select 1\"}}]}";
        w.add(new Write(
                "POST",
                "/v1/taskgraphs/{namespace}/registered/{name}",
                url -> json(url, "POST", "/v1/taskgraphs/alice/registered/g1", graph),
                r -> assertEquals(
                        "one",
                        read(r, "/v1/taskgraphs/alice/registered/g1")
                                .get("nodes")
                                .get(0)
                                .get("name")
                                .asText())));
        w.add(new Write(
                "PATCH",
                "/v1/taskgraphs/{namespace}/registered/{name}",
                url -> {
                    json(url, "POST", "/v1/taskgraphs/alice/registered/g2", graph);
                    return json(url, "PATCH", "/v1/taskgraphs/alice/registered/g2", "{\"readme\":\"nightly\"}");
                },
                r -> assertEquals(
                        "nightly",
                        read(r, "/v1/taskgraphs/alice/registered/g2")
                                .get("readme")
                                .asText())));
        w.add(new Write(
                "PATCH",
                "/v1/taskgraphs/{namespace}/registered/{name}/share",
                url -> {
                    json(url, "POST", "/v1/taskgraphs/alice/registered/g3", graph);
                    return json(
                            url,
                            "PATCH",
                            "/v1/taskgraphs/alice/registered/g3/share",
                            "{\"namespace\":\"bob\",\"actions\":[\"read\"]}");
                },
                r -> assertEquals(
                        List.of("read"),
                        r.array("alice", "g3").orElseThrow().sharing().get("bob"))));
        w.add(new Write(
                "DELETE",
                "/v1/taskgraphs/{namespace}/registered/{name}",
                url -> {
                    json(url, "POST", "/v1/taskgraphs/alice/registered/g4", graph);
                    return json(url, "DELETE", "/v1/taskgraphs/alice/registered/g4", null);
                },
                r -> {
                    assertEquals(
                            404,
                            send(r.url(), "GET", "/v1/taskgraphs/alice/registered/g4", "alice-key", null)
                                    .statusCode());
                    assertTrue(r.array("alice", "g4").isEmpty());
                }));
        // the reads the service logs as activity, each on an array of its own
        for (String view : List.of(
                "",
                "/metadata",
                "/share",
                "/metadata_json",
                "/non_empty_domain",
                "/sample",
                "/max_buffer_sizes",
                "/non_empty_domain_json")) {
            String array = "viewed" + view.replace("/", "-");
            w.add(new Write(
                    "GET",
                    "/v1/arrays/{namespace}/{array}" + view,
                    url -> {
                        json(url, "POST", "/v1/arrays/alice/" + array, SCHEMA);
                        String query = view.equals("/max_buffer_sizes") ? "?subarray=1,9" : "";
                        return json(url, "GET", "/v1/arrays/alice/" + array + view + query, null);
                    },
                    r -> assertTrue(
                            r.array("alice", array).orElseThrow().activity().size() >= 1,
                            "the read of " + view + " is in the activity")));
        }
        // groups
        w.add(new Write(
                "POST",
                "/v1/groups/{namespace}/create",
                url -> json(url, "POST", "/v1/groups/alice/create", "{\"name\":\"g1\",\"uri\":\"s3://b/g1\"}"),
                r -> assertTrue(r.group("alice", "g1").isPresent())));
        w.add(new Write(
                "POST",
                "/v1/groups/{namespace}/{group}/register",
                url -> json(url, "POST", "/v1/groups/alice/g2/register", "{\"uri\":\"s3://b/g2\"}"),
                r -> assertEquals(
                        "s3://b/g2", r.group("alice", "g2").orElseThrow().uri())));
        w.add(new Write(
                "POST",
                "/v1/groups/{namespace}/{group}/contents",
                url -> json(
                        url,
                        "POST",
                        "/v1/groups/alice/g1/contents",
                        "{\"add\":[{\"namespace\":\"alice\",\"name\":\"a1\"}]}"),
                r -> assertEquals(
                        List.of("tiledb://alice/a1"),
                        r.group("alice", "g1").orElseThrow().members())));
        w.add(new Write(
                "PATCH",
                "/v1/groups/{namespace}/{group}/share",
                url -> json(
                        url,
                        "PATCH",
                        "/v1/groups/alice/g1/share",
                        "{\"namespace\":\"bob\",\"group_actions\":[\"read\"],\"array_actions\":[]}"),
                r -> assertTrue(r.group("alice", "g1").orElseThrow().sharing().containsKey("bob"))));
        w.add(new Write(
                "PATCH",
                "/v1/groups/{namespace}/{group}",
                url -> json(url, "PATCH", "/v1/groups/alice/g2", "{\"description\":\"changed\"}"),
                r -> assertEquals(
                        "changed", r.group("alice", "g2").orElseThrow().description())));
        w.add(new Write(
                "DELETE",
                "/v1/groups/{namespace}/{group}",
                url -> {
                    json(url, "POST", "/v1/groups/alice/create", "{\"name\":\"g3\",\"uri\":\"s3://b/g3\"}");
                    return json(url, "DELETE", "/v1/groups/alice/g3", null);
                },
                r -> assertTrue(r.group("alice", "g3").isEmpty())));
        w.add(new Write(
                "POST",
                "/v2/groups/{namespace}",
                url -> json(
                        url, "POST", "/v2/groups/alice", "{\"group_details\":{\"name\":\"g5\",\"uri\":\"s3://b/g5\"}}"),
                r -> assertTrue(r.group("alice", "g5").isPresent())));
        w.add(new Write(
                "PUT",
                "/v2/groups/{namespace}",
                url -> json(
                        url, "PUT", "/v2/groups/alice", "{\"group_details\":{\"name\":\"g6\",\"uri\":\"s3://b/g6\"}}"),
                r -> assertTrue(r.group("alice", "g6").isPresent())));
        w.add(new Write(
                "PATCH",
                "/v2/groups/{namespace}/{group}",
                url -> json(
                        url,
                        "PATCH",
                        "/v2/groups/alice/g5",
                        "{\"group_changes\":{\"members_to_add\":[{\"uri\":\"tiledb://alice/a2\",\"type\":\"ARRAY\"}]}}"),
                r -> assertEquals(
                        List.of("tiledb://alice/a2"),
                        r.group("alice", "g5").orElseThrow().members())));
        w.add(new Write(
                "DELETE",
                "/v2/groups/{namespace}/{group}",
                url -> {
                    json(
                            url,
                            "POST",
                            "/v2/groups/alice",
                            "{\"group_details\":{\"name\":\"g7\",\"uri\":\"s3://b/g7\"}}");
                    return json(url, "DELETE", "/v2/groups/alice/g7", null);
                },
                r -> assertTrue(r.group("alice", "g7").isEmpty())));
        w.add(new Write(
                "DELETE",
                "/v2/groups/{namespace}/{group}/delete",
                url -> {
                    json(
                            url,
                            "POST",
                            "/v2/groups/alice",
                            "{\"group_details\":{\"name\":\"g8\",\"uri\":\"s3://b/g8\"}}");
                    return json(url, "DELETE", "/v2/groups/alice/g8/delete", null);
                },
                r -> assertTrue(r.group("alice", "g8").isEmpty())));
        w.add(new Write(
                "PUT",
                "/v2/groups/{namespace}/{group}/metadata",
                url -> json(
                        url,
                        "PUT",
                        "/v2/groups/alice/g6/metadata",
                        "{\"metadata\":{\"entries\":[{\"key\":\"title\",\"type\":\"STRING_UTF8\",\"valueNum\":2,"
                                + "\"value\":[104,105]}]}}"),
                r -> assertEquals(
                        "title",
                        retrieve(r, "/v2/groups/alice/g6/metadata")
                                .at("/entries/0/key")
                                .asText())));
        w.add(new Write(
                "POST",
                "/v2/groups/{namespace}/{group}/metadata",
                url -> json(url, "POST", "/v2/groups/alice/g5/metadata", "{}"),
                r -> assertTrue(
                        read(r, "/v2/groups/alice/g5/activity").toString().contains("group_metadata_get"),
                        "the metadata read is in the group's activity")));
        // organizations
        w.add(new Write(
                "POST",
                "/v1/organizations/{organization}/user",
                url -> json(
                        url, "POST", "/v1/organizations/acme/user", "{\"username\":\"carol\",\"role\":\"read_write\"}"),
                r -> assertEquals(
                        "read_write",
                        read(r, "/v1/organizations/acme/carol").get("role").asText())));
        w.add(new Write(
                "PATCH",
                "/v1/organizations/{organization}/{username}",
                url -> json(url, "PATCH", "/v1/organizations/acme/bob", "{\"role\":\"read_only\"}"),
                r -> assertEquals(
                        "read_only",
                        read(r, "/v1/organizations/acme/bob").get("role").asText())));
        w.add(new Write(
                "DELETE",
                "/v1/organizations/{organization}/{username}",
                url -> json(url, "DELETE", "/v1/organizations/acme/dave", null),
                r -> assertEquals(
                        404,
                        send(r.url(), "GET", "/v1/organizations/acme/dave", "alice-key", null)
                                .statusCode())));
        // notebooks and their server
        w.add(new Write(
                "POST",
                "/v1/notebooks/{namespace}/upload",
                url -> multipart(url, "/v1/notebooks/alice/upload", "nb", "nb.ipynb"),
                r -> assertEquals(
                        NOTEBOOK, new String(r.notebookContent("alice", "nb").orElseThrow(), StandardCharsets.UTF_8))));
        w.add(new Write(
                "POST",
                "/v2/notebooks/{namespace}/{array}/upload",
                url -> raw(url, "/v2/notebooks/alice/nb2/upload?filesize=" + NOTEBOOK.length() + "&name=nb2"),
                r -> assertEquals(
                        NOTEBOOK,
                        new String(r.notebookContent("alice", "nb2").orElseThrow(), StandardCharsets.UTF_8))));
        w.add(new Write(
                "PATCH",
                "/v1/notebooks/{namespace}/{array}/rename",
                url -> {
                    multipart(url, "/v1/notebooks/alice/upload", "before", "before.ipynb");
                    return json(url, "PATCH", "/v1/notebooks/alice/before/rename", "{\"name\":\"after\"}");
                },
                r -> {
                    assertTrue(r.array("alice", "before").isEmpty());
                    assertTrue(r.notebookContent("alice", "after").isPresent());
                }));
        w.add(new Write(
                "POST",
                "/v1/notebooks/{namespace}/{array}/copy",
                url -> json(
                        url, "POST", "/v1/notebooks/alice/nb/copy", "{\"namespace\":\"alice\",\"name\":\"nbcopy\"}"),
                r -> assertTrue(r.notebookContent("alice", "nbcopy").isPresent())));
        w.add(new Write(
                "POST",
                "/v1/notebooks/{namespace}/{array}/prune",
                url -> {
                    multipart(url, "/v1/notebooks/alice/upload", "pruned", "pruned.ipynb");
                    multipart(url, "/v1/notebooks/alice/upload", "pruned", "pruned.ipynb");
                    return json(url, "POST", "/v1/notebooks/alice/pruned/prune?keep_versions=1", null);
                },
                r -> assertEquals(
                        1,
                        read(r, "/v1/notebooks/alice/pruned/end_timestamps")
                                .get("end_timestamps")
                                .size())));
        w.add(new Write(
                "GET",
                "/v1/arrays/{namespace}/{array}/query/get_file",
                url -> json(url, "GET", "/v1/arrays/alice/nb2/query/get_file", null),
                r -> assertTrue(r.array("alice", "nb2").orElseThrow().activity().size() >= 2, "upload and read")));
        // files
        w.add(new Write(
                "POST",
                "/v1/files/{namespace}/upload",
                url -> multipart(url, "/v1/files/alice/upload", "notes", "notes.txt"),
                r -> assertEquals(
                        "file", r.array("alice", "notes").orElseThrow().fileType())));
        w.add(new Write(
                "POST",
                "/v2/files/{namespace}/{array}/upload",
                url -> raw(
                        url, "/v2/files/alice/measurements/upload?filesize=" + NOTEBOOK.length() + "&filename=m.csv"),
                r -> assertEquals(
                        "file", r.array("alice", "measurements").orElseThrow().fileType())));
        w.add(new Write(
                "POST",
                "/v1/files/{namespace}",
                url -> json(url, "POST", "/v1/files/alice", "{\"input_uri\":\"s3://bucket/in/report.pdf\"}"),
                r -> assertTrue(r.array("alice", "report.pdf").isPresent())));
        w.add(new Write(
                "POST",
                "/v1/files/{namespace}/{file}/export",
                url -> json(url, "POST", "/v1/files/alice/notes/export", "{\"output_uri\":\"s3://out/n.txt\"}"),
                r -> assertTrue(
                        r.array("alice", "notes").orElseThrow().activity().size() >= 2, "upload and export")));
        // tokens and sessions
        w.add(new Write(
                "GET",
                "/v1/session",
                url -> {
                    HttpResponse<String> r = json(url, "GET", "/v1/session", null);
                    tokens.session = JSON.readTree(r.body()).get("token").asText();
                    return r;
                },
                r -> assertEquals(
                        200,
                        send(r.url(), "GET", "/v1/user", tokens.session, null).statusCode())));
        w.add(new Write(
                "POST",
                "/v1/token",
                url -> {
                    HttpResponse<String> r = json(url, "POST", "/v1/token", "{\"name\":\"ci\",\"scope\":[\"*\"]}");
                    tokens.issued = JSON.readTree(r.body()).get("token").asText();
                    return r;
                },
                r -> assertEquals(
                        200,
                        send(r.url(), "GET", "/v1/user", tokens.issued, null).statusCode())));
        w.add(new Write(
                "DELETE",
                "/v1/tokens/{token}",
                url -> {
                    tokens.revoked = JSON.readTree(json(url, "POST", "/v1/token", "{\"name\":\"gone\"}")
                                    .body())
                            .get("token")
                            .asText();
                    return json(url, "DELETE", "/v1/tokens/" + tokens.revoked, null);
                },
                r -> assertEquals(
                        401,
                        send(r.url(), "GET", "/v1/user", tokens.revoked, null).statusCode())));
        return w;
    }

    private static List<Write> workspaceWrites(Tokens tokens) {
        List<Write> w = new ArrayList<>();
        w.add(new Write(
                "PATCH",
                "/v4/workspaces/{workspace}",
                url -> json(url, "PATCH", "/v4/workspaces/acme", "{\"description\":\"changed\"}"),
                r -> assertEquals(
                        "changed",
                        read(r, "/v4/workspaces/acme").at("/data/description").asText())));
        w.add(new Write(
                "POST",
                "/v4/workspaceusers/{workspace}",
                url -> json(url, "POST", "/v4/workspaceusers/acme", "[{\"user_id\":\"carol\",\"role\":\"member\"}]"),
                r -> assertEquals(
                        200,
                        send(r.url(), "GET", "/v4/workspaces/acme", "carol-key", null)
                                .statusCode())));
        w.add(new Write(
                "PATCH",
                "/v4/workspaceusers/{workspace}/{user_id}",
                url -> json(url, "PATCH", "/v4/workspaceusers/acme/bob", "{\"role\":\"admin\"}"),
                r -> assertEquals(
                        "admin",
                        read(r, "/v4/workspaceusers/acme/bob").at("/data/role").asText())));
        w.add(new Write(
                "DELETE",
                "/v4/workspaceusers/{workspace}/{user_id}",
                url -> json(url, "DELETE", "/v4/workspaceusers/acme/dave", null),
                r -> assertEquals(
                        404,
                        send(r.url(), "GET", "/v4/workspaces/acme", "dave-key", null)
                                .statusCode())));
        w.add(new Write(
                "POST",
                "/v4/teamspaces/{workspace}",
                url -> json(url, "POST", "/v4/teamspaces/acme", "{\"name\":\"design\"}"),
                r -> assertEquals(
                        "design",
                        read(r, "/v4/teamspaces/acme/design").at("/data/name").asText())));
        w.add(new Write(
                "PATCH",
                "/v4/teamspaces/{workspace}/{teamspace}",
                url -> json(url, "PATCH", "/v4/teamspaces/acme/research", "{\"description\":\"changed\"}"),
                r -> assertEquals(
                        "changed",
                        read(r, "/v4/teamspaces/acme/research")
                                .at("/data/description")
                                .asText())));
        w.add(new Write(
                "DELETE",
                "/v4/teamspaces/{workspace}/{teamspace}",
                url -> json(url, "DELETE", "/v4/teamspaces/acme/doomed?delete-assets=true", null),
                r -> assertEquals(
                        404,
                        send(r.url(), "GET", "/v4/teamspaces/acme/doomed", "alice-key", null)
                                .statusCode())));
        w.add(new Write(
                "POST",
                "/v4/teamspaces/{workspace}/{teamspace}/users",
                url -> json(
                        url,
                        "POST",
                        "/v4/teamspaces/acme/research/users",
                        "[{\"user_id\":\"carol\",\"role\":\"editor\"}]"),
                r -> assertEquals(
                        "editor",
                        readAs(r, "/v4/teamspaces/acme/research", "carol-key")
                                .at("/data/self/role")
                                .asText())));
        w.add(new Write(
                "PATCH",
                "/v4/teamspaces/{workspace}/{teamspace}/users/{user_id}",
                url -> json(url, "PATCH", "/v4/teamspaces/acme/research/users/bob", "{\"role\":\"editor\"}"),
                r -> assertEquals(
                        "editor",
                        readAs(r, "/v4/teamspaces/acme/research", "bob-key")
                                .at("/data/self/role")
                                .asText())));
        w.add(new Write(
                "DELETE",
                "/v4/teamspaces/{workspace}/{teamspace}/users/{user_id}",
                url -> json(url, "DELETE", "/v4/teamspaces/acme/research/users/erin", null),
                r -> assertFalse(read(r, "/v4/teamspaces/acme/research/users")
                        .get("data")
                        .findValuesAsText("username")
                        .contains("erin"))));
        w.add(new Write(
                "POST",
                "/v4/folders/{workspace}/{teamspace}/{folder}",
                url -> {
                    HttpResponse<String> r =
                            json(url, "POST", "/v4/folders/acme/research/reports", "[{\"description\":\"Q\"}]");
                    tokens.reportsFolder =
                            JSON.readTree(r.body()).at("/data/id").asText();
                    return r;
                },
                r -> assertEquals(
                        "Q",
                        read(r, "/v4/folders/acme/research/reports")
                                .at("/data/description")
                                .asText())));
        w.add(new Write(
                "POST",
                "/v4/assets/register/{workspace}/{teamspace}",
                url -> json(
                        url,
                        "POST",
                        "/v4/assets/register/acme/research",
                        "{\"uri\":\"s3://bucket/q1\",\"path\":\"q1\",\"name\":\"q1\"}"),
                r -> assertEquals(
                        "s3://bucket/q1",
                        read(r, "/v4/assets/item/acme/research/reports%2Fq1")
                                .at("/data/uri")
                                .asText())));
        w.add(new Write(
                "POST",
                "/v4/assets/move/{workspace}/{teamspace}",
                url -> json(
                        url,
                        "POST",
                        "/v4/assets/move/acme/research",
                        "{\"assets_to_add\":[\"q1\"],\"target\":\"" + tokens.reportsFolder + "\"}"),
                r -> assertEquals(
                        200,
                        send(r.url(), "GET", "/v4/assets/item/acme/research/reports%2Fq1", "alice-key", null)
                                .statusCode())));
        w.add(new Write(
                "PUT",
                "/v4/folders/{workspace}/{teamspace}/{folder}/contents",
                url -> {
                    json(url, "POST", "/v4/folders/acme/research/outbox", "[{}]");
                    json(
                            url,
                            "POST",
                            "/v4/assets/register/acme/research",
                            "{\"uri\":\"s3://bucket/q2\",\"path\":\"outbox/q2\",\"name\":\"q2\"}");
                    return json(
                            url,
                            "PUT",
                            "/v4/folders/acme/research/outbox/contents",
                            "[{\"members_to_remove\":[\"outbox/q2\"]}]");
                },
                r -> assertEquals(
                        200,
                        send(r.url(), "GET", "/v4/assets/item/acme/research/q2", "alice-key", null)
                                .statusCode())));
        w.add(new Write(
                "PATCH",
                "/v4/folders/{workspace}/{teamspace}/{folder}",
                url -> {
                    json(url, "POST", "/v4/folders/acme/research/drafts", "[{}]");
                    return json(url, "PATCH", "/v4/folders/acme/research/drafts", "{\"name\":\"final\"}");
                },
                r -> assertEquals(
                        200,
                        send(r.url(), "GET", "/v4/folders/acme/research/final", "alice-key", null)
                                .statusCode())));
        w.add(new Write(
                "DELETE",
                "/v4/folders/{workspace}/{teamspace}/{folder}",
                url -> {
                    json(url, "POST", "/v4/folders/acme/research/trash", "[{}]");
                    return json(url, "DELETE", "/v4/folders/acme/research/trash?delete-assets=false", null);
                },
                r -> assertEquals(
                        404,
                        send(r.url(), "GET", "/v4/folders/acme/research/trash", "alice-key", null)
                                .statusCode())));
        w.add(new Write(
                "PATCH",
                "/v4/assets/item/{workspace}/{teamspace}/{asset}",
                url -> json(url, "PATCH", "/v4/assets/item/acme/research/q2", "{\"description\":\"second\"}"),
                r -> assertEquals(
                        "second",
                        read(r, "/v4/assets/item/acme/research/q2")
                                .at("/data/description")
                                .asText())));
        w.add(new Write(
                "PATCH",
                "/v4/assets/item/{workspace}/{teamspace}/{asset}/metadata",
                url -> json(
                        url,
                        "PATCH",
                        "/v4/assets/item/acme/research/data%2Fsales/metadata",
                        "[{\"key\":\"n\",\"value\":\"7\",\"type\":\"INT32\"}]"),
                r -> assertTrue(read(r, "/v4/assets/item/acme/research/data%2Fsales/metadata")
                        .get("data")
                        .findValuesAsText("key")
                        .contains("n"))));
        w.add(new Write(
                "DELETE",
                "/v4/assets/item/{workspace}/{teamspace}/{asset}/metadata",
                url -> json(
                        url, "DELETE", "/v4/assets/item/acme/research/data%2Fsales/metadata?metadata_key=owner", null),
                r -> assertFalse(read(r, "/v4/assets/item/acme/research/data%2Fsales/metadata")
                        .get("data")
                        .findValuesAsText("key")
                        .contains("owner"))));
        w.add(new Write(
                "PUT",
                "/v4/files/{workspace}/{teamspace}/{path}",
                url -> json(url, "PUT", "/v4/files/acme/research/notes%2Fa.txt", "hello"),
                r -> assertEquals(
                        "hello",
                        send(r.url(), "GET", "/v4/files/acme/research/notes%2Fa.txt", "alice-key", null)
                                .body())));
        w.add(new Write(
                "POST",
                "/v4/tokens",
                url -> {
                    HttpResponse<String> r = json(url, "POST", "/v4/tokens", "{\"name\":\"ci\",\"scope\":\"*\"}");
                    tokens.workspace =
                            JSON.readTree(r.body()).at("/data/api_key").asText();
                    return r;
                },
                r -> assertEquals(
                        200,
                        send(r.url(), "GET", "/v4/users/self", tokens.workspace, null)
                                .statusCode())));
        return w;
    }

    private static void crashAndRecover(Path dir, String seed, boolean workspace, List<Write> writes) throws Exception {
        Path seedFile = dir.resolve("seed.json");
        Files.writeString(seedFile, seed);
        Path data = dir.resolve("data");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                EmulatorCommandLine.class.getName(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--seed",
                seedFile.toString(),
                "--data-dir",
                data.toString()));
        if (workspace) {
            command.add("--workspace");
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String url = awaitListening(child);
            for (Write write : writes) {
                HttpResponse<String> answer = write.request().send(url);
                assertTrue(
                        answer.statusCode() / 100 == 2,
                        write.method() + " " + write.template() + " acknowledged: " + answer.statusCode() + " "
                                + answer.body());
            }
        } finally {
            // right after the last acknowledgement: no shutdown hook runs, nothing is flushed on the way out
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        TileDBEmulator.Builder again = TileDBEmulator.builder().dataDirectory(data);
        if (workspace) {
            again.workspaceServer();
        }
        try (TileDBEmulator restarted = again.build().start()) {
            List<String> lost = new ArrayList<>();
            for (Write write : writes) {
                try {
                    write.check().holds(restarted);
                } catch (AssertionError | Exception e) {
                    lost.add(write.method() + " " + write.template() + ": " + e.getMessage());
                }
            }
            assertEquals(List.of(), lost, "writes not found after the restart");
        }
    }

    /** The child's first line saying where it listens; everything it printed before in the failure message. */
    private static String awaitListening(Process child) throws Exception {
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                for (String line; (line = out.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    int at = line.indexOf("listening on ");
                    if (at >= 0) {
                        // keep draining the child's output so it never blocks on a full pipe
                        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
                        drain.setDaemon(true);
                        drain.start();
                        return line.substring(at + "listening on ".length()).strip();
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new AssertionError("the emulator exited before listening:\n" + seen);
        });
        return listening.get(60, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Set<String> writeRoutes(TileDBEmulator emulator) {
        return emulator.routes().stream()
                .filter(r -> r.access() == Access.WRITE)
                .map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> covered(List<Write> writes) {
        return writes.stream().map(w -> w.method() + " " + w.template()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode read(TileDBEmulator emulator, String path) throws Exception {
        return readAs(emulator, path, "alice-key");
    }

    private static JsonNode readAs(TileDBEmulator emulator, String path, String key) throws Exception {
        return parsed(send(emulator.url(), "GET", path, key, null), path);
    }

    /** A read the API makes a POST of (the v2 group metadata). */
    private static JsonNode retrieve(TileDBEmulator emulator, String path) throws Exception {
        return parsed(send(emulator.url(), "POST", path, "alice-key", "{}"), path);
    }

    private static JsonNode parsed(HttpResponse<String> r, String path) throws Exception {
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> json(String url, String method, String path, String body) throws Exception {
        return send(url, method, path, "alice-key", body);
    }

    /** Two cells of {@code alice/made} (x INT32, a INT32) as a Cap'n Proto write query and its buffers. */
    private static HttpResponse<String> cellWrite(String url, String path) throws Exception {
        List<ProtocolClient.Field> fields = List.of(
                new ProtocolClient.Field("x", dev.cameltiledb.emulator.data.cells.TileType.INT32, false),
                new ProtocolClient.Field("a", dev.cameltiledb.emulator.data.cells.TileType.INT32, false));
        byte[] body = ProtocolClient.writeBody(
                fields, java.util.Map.of("x", List.of(2L, 5L), "a", List.of(20L, 50L)), "unordered", null);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "application/capnp")
                        .header("X-TILEDB-REST-API-KEY", "alice-key")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String url, String method, String path, String key, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("X-TILEDB-REST-API-KEY", key);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> raw(String url, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .POST(HttpRequest.BodyPublishers.ofString(NOTEBOOK))
                        .header("Content-Type", "application/octet-stream")
                        .header("X-TILEDB-REST-API-KEY", "alice-key")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> multipart(String url, String path, String name, String filename)
            throws Exception {
        String boundary = "----crash-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + NOTEBOOK + "\r\n--" + boundary
                        + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-TILEDB-REST-API-KEY", "alice-key")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
