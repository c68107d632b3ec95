package dev.cameltiledb.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator on its own, spoken to with the JDK's HTTP client (never with the component's), so its behaviour is
 * pinned independently of the client it serves.
 */
class EmulatorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB = EmulatorRequests.perClass(b -> b.user("ann", "ann-key")
            .user("ben", "ben-key")
            .organization("org", Map.of("ann", "owner"))
            .array("org", "alpha", List.of("t"), Map.of())
            .array("org", "beta", List.of(), Map.of("ben", List.of("read")))
            .array("org", "gamma", List.of(), Map.of("public", List.of("read")))
            .array("ann", "delta", List.of(), Map.of())
            .user("pam", "pam-key")
            .array("pam", "p1", List.of(), Map.of())
            .array("pam", "p2", List.of(), Map.of())
            .array("pam", "p3", List.of(), Map.of())
            .user("quinn", "quinn-key")
            .array("quinn", "q1", List.of(), Map.of())
            .array("quinn", "q2", List.of(), Map.of())
            .array("quinn", "q3", List.of(), Map.of()));

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return EmulatorRequests.send(TILEDB.server(), method, path, key, body);
    }

    @Test
    void missingOrWrongKeyIsUnauthorizedWithTheSpecErrorBody() throws Exception {
        for (String key : new String[] {null, "wrong"}) {
            HttpResponse<String> r = send("GET", "/v1/arrays/org/alpha/metadata", key, null);
            assertEquals(401, r.statusCode());
            JsonNode error = JSON.readTree(r.body());
            assertEquals(4010, error.get("code").asLong());
            assertFalse(error.get("message").asText().isBlank());
            assertEquals(
                    r.headers().firstValue("X-Request-Id").orElseThrow(),
                    error.get("request_id").asText());
        }
    }

    @Test
    void basicAuthWorksWithTheUsersPassword() throws Exception {
        String basic = Base64.getEncoder().encodeToString("ann:ann-key-password".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(TILEDB.server().url() + "/v1/arrays/org"))
                        .header("Authorization", "Basic " + basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(3, JSON.readTree(r.body()).size());
    }

    @Test
    void arraysOthersCannotSeeAreNotFoundAndReadersCannotChange() throws Exception {
        assertEquals(
                404,
                send("GET", "/v1/arrays/ann/delta/metadata", "ben-key", null).statusCode());
        assertEquals(
                200,
                send("GET", "/v1/arrays/org/beta/metadata", "ben-key", null).statusCode());
        assertEquals(
                403,
                send("PATCH", "/v1/arrays/org/beta/metadata", "ben-key", "{\"description\":\"x\"}")
                        .statusCode());
        assertEquals(
                200,
                send("GET", "/v1/arrays/org/gamma/metadata", "ben-key", null).statusCode(),
                "public");
    }

    @Test
    void aReaderAsksForTheSharingOfAnArrayAndGetsA404WithoutBodyAsTheSpecSays() throws Exception {
        HttpResponse<String> read = send("GET", "/v1/arrays/org/beta/share", "ben-key", null);
        assertEquals(404, read.statusCode());
        assertEquals("", read.body(), "the spec declares this 404 without a body");
        assertTrue(read.headers().firstValue("X-Request-Id").isPresent());
        assertEquals(
                404,
                send("PATCH", "/v1/arrays/org/beta/share", "ben-key", "{\"namespace\":\"ben\",\"actions\":[\"write\"]}")
                        .statusCode());
        assertEquals(
                List.of("read"),
                TILEDB.server().array("org", "beta").orElseThrow().sharing().get("ben"),
                "nothing changed");
        assertEquals(
                200, send("GET", "/v1/arrays/org/beta/share", "ann-key", null).statusCode(), "the owner reads it");
        assertEquals(
                403,
                send("PATCH", "/v1/arrays/org/beta/metadata", "ben-key", "{\"description\":\"x\"}")
                        .statusCode(),
                "other changes still answer a reader 403");
    }

    @Test
    void anUpdateWithAnEmptyTagListLeavesTheTagsAsTheyAre() throws Exception {
        assertEquals(
                204,
                send("PATCH", "/v1/arrays/org/alpha/metadata", "ann-key", "{\"description\":\"d\",\"tags\":[]}")
                        .statusCode());
        ArraySnapshot alpha = TILEDB.server().array("org", "alpha").orElseThrow();
        assertEquals("d", alpha.description());
        assertEquals(List.of("t"), alpha.tags());
        assertEquals(
                204,
                send("PATCH", "/v1/arrays/org/alpha/metadata", "ann-key", "{\"tags\":[\"t\",\"u\"]}")
                        .statusCode());
        assertEquals(
                List.of("t", "u"),
                TILEDB.server().array("org", "alpha").orElseThrow().tags());
    }

    /**
     * TileDB-Cloud-Py's {@code update_info} sends the asset's own {@code tiledb://} URI as {@code uri} with every
     * update: it names the asset, not where its data lies, so the storage URI stays.
     */
    @Test
    void anUpdateCarryingTheAssetsOwnTiledbUriKeepsTheStorageUri() throws Exception {
        String storage = TILEDB.server().array("ann", "delta").orElseThrow().uri();
        assertTrue(storage.startsWith("s3://"), storage);
        assertEquals(
                204,
                send(
                                "PATCH",
                                "/v1/arrays/ann/delta/metadata",
                                "ann-key",
                                "{\"description\":\"updated by Python\",\"name\":\"delta\",\"uri\":\"tiledb://ann/delta\"}")
                        .statusCode());
        ArraySnapshot delta = TILEDB.server().array("ann", "delta").orElseThrow();
        assertEquals("updated by Python", delta.description());
        assertEquals(storage, delta.uri());
        assertEquals(
                storage,
                JSON.readTree(send("GET", "/v1/arrays/ann/delta/metadata", "ann-key", null)
                                .body())
                        .get("uri")
                        .asText());
    }

    @Test
    void browserListingsPaginateWithCorrectMetadata() throws Exception {
        JsonNode page2 = JSON.readTree(send("GET", "/v1/arrays/browser/owned?per_page=2&page=2", "pam-key", null)
                .body());
        assertEquals(1, page2.get("arrays").size());
        assertEquals("p3", page2.get("arrays").get(0).get("name").asText());
        JsonNode meta = page2.get("pagination_metadata");
        assertEquals(2, meta.get("page").asInt());
        assertEquals(2, meta.get("per_page").asInt());
        assertEquals(3, meta.get("total_items").asInt());
        assertEquals(2, meta.get("total_pages").asInt());
        JsonNode beyond = JSON.readTree(send("GET", "/v1/arrays/browser/owned?per_page=2&page=3", "pam-key", null)
                .body());
        assertFalse(beyond.has("arrays"), "an empty page leaves the x-omitempty arrays out: " + beyond);
        JsonNode shared = JSON.readTree(
                send("GET", "/v1/arrays/browser/shared", "ben-key", null).body());
        assertEquals("beta", shared.get("arrays").get(0).get("name").asText());
        assertEquals(1, shared.get("pagination_metadata").get("total_items").asInt());
    }

    private static List<String> ownedNames(String key, String query) throws Exception {
        JsonNode page = JSON.readTree(send("GET", "/v1/arrays/browser/owned?per_page=2&" + query, key, null)
                .body());
        List<String> names = new java.util.ArrayList<>();
        page.path("arrays").forEach(a -> names.add(a.get("name").asText()));
        names.add("total " + page.get("pagination_metadata").get("total_items").asInt());
        return names;
    }

    /** Pages of one listing are cut from one ordered result, which no other call, user or filter may see stale. */
    @Test
    void browserListingPagesFollowEveryChangeInBetween() throws Exception {
        assertEquals(List.of("q1", "q2", "total 3"), ownedNames("quinn-key", "page=1"));
        assertEquals(List.of("q3", "total 3"), ownedNames("quinn-key", "page=2"));
        assertEquals(List.of("q3", "total 1"), ownedNames("quinn-key", "page=1&search=q3"), "another filter");
        assertEquals(List.of("p1", "p2", "total 3"), ownedNames("pam-key", "page=1"), "another user");
        ownedNames("quinn-key", "page=1");
        TILEDB.server()
                .seed(new Seed(
                        List.of(),
                        List.of(),
                        List.of(new Seed.SeedArray("quinn", "q0", null, null, null, null, null, null))));
        assertEquals(
                List.of("q2", "q3", "total 4"), ownedNames("quinn-key", "page=2"), "an array added between two pages");
        assertEquals(
                204,
                send("DELETE", "/v1/arrays/quinn/q2/deregister", "quinn-key", null)
                        .statusCode());
        assertEquals(
                List.of("q0", "q1", "total 3"), ownedNames("quinn-key", "page=1"), "an array gone between two pages");
    }

    @Test
    void encodedSlashesStayInsideTheArraySegment() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/arrays/ann/s3%3A%2F%2Fb%2Fdir%2Fepsilon/register", "ann-key", "{}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode info = JSON.readTree(r.body());
        assertEquals("epsilon", info.get("name").asText());
        assertEquals("s3://b/dir/epsilon", info.get("uri").asText());
        assertEquals(
                200,
                send("GET", "/v1/arrays/ann/s3%3A%2F%2Fb%2Fdir%2Fepsilon/metadata", "ann-key", null)
                        .statusCode(),
                "an array is also found by its storage URI");
    }

    @Test
    void everyLoggedOperationAppendsActivityInOrderAndEachEventIsReadableById() throws Exception {
        String delta = "/v1/arrays/ann/delta";
        send("GET", delta, "ann-key", null);
        send("PATCH", delta + "/metadata", "ann-key", "{\"tags\":[\"u\"]}");
        send("GET", delta + "/metadata_json", "ann-key", null);
        send("PATCH", delta + "/share", "ann-key", "{\"namespace\":\"ben\",\"actions\":[\"read\"]}");
        send("PATCH", delta + "/share", "ann-key", "{\"namespace\":\"ben\",\"actions\":[]}");
        // reading the array's info and its sharing: getArrayMetadata, the operation array_metadata_get is named after
        send("GET", delta + "/metadata", "ann-key", null);
        send("GET", delta + "/share", "ann-key", null);
        JsonNode events =
                JSON.readTree(send("GET", delta + "/activity", "ann-key", null).body());
        List<String> actions = new java.util.ArrayList<>();
        events.forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(
                List.of(
                        "read_schema",
                        "array_metadata_update",
                        "array_metadata_get",
                        "array_metadata_update",
                        "array_metadata_update",
                        "array_metadata_get",
                        "array_metadata_get"),
                actions);

        JsonNode shared = events.get(3);
        HttpResponse<String> byId =
                send("GET", delta + "/activity/" + shared.get("id").asText(), "ann-key", null);
        assertEquals(200, byId.statusCode());
        assertEquals(shared, JSON.readTree(byId.body()));
        assertEquals(
                404,
                send("GET", delta + "/activity/no-such-id", "ann-key", null).statusCode());
        assertEquals(
                404,
                send("GET", delta + "/activity/" + shared.get("id").asText(), "ben-key", null)
                        .statusCode(),
                "ben may not read ann's array, nor its events");
    }

    @Test
    void arrayInfoSendsTheSpecsFieldsNullIncludedAndLeavesOutWhatTheServiceOmits() throws Exception {
        JsonNode info = JSON.readTree(
                send("GET", "/v1/arrays/org/beta/metadata", "ann-key", null).body());
        List<String> fields = new java.util.ArrayList<>();
        info.fieldNames().forEachRemaining(fields::add);
        assertTrue(
                fields.containsAll(List.of(
                        "id",
                        "uri",
                        "namespace",
                        "size",
                        "description",
                        "name",
                        "allowed_actions",
                        "type",
                        "share_count",
                        "public_share",
                        "namespace_subscribed",
                        "tiledb_uri",
                        "tags",
                        "read_only",
                        "created_at")),
                fields.toString());
        assertTrue(info.get("read_only").isNull(), "sent as null, as the service does");
        for (String omitted :
                List.of("file_type", "file_properties", "license_id", "license_text", "logo", "metadata")) {
            assertFalse(info.has(omitted), omitted + " is left out when unset");
        }
        assertEquals("tiledb://org/beta", info.get("tiledb_uri").asText());
        assertEquals(1, info.get("share_count").asInt());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertEquals(404, send("GET", "/v1/nothing/here", "ann-key", null).statusCode());
        assertEquals(
                405, send("PUT", "/v1/arrays/org/alpha/share", "ann-key", "{}").statusCode());
    }

    @Test
    void dataDirectoryKeepsStateAcrossRestarts(@TempDir Path dir) throws Exception {
        try (TileDBEmulator first = TileDBEmulator.builder()
                .dataDirectory(dir)
                .user("kim", "kim-key")
                .build()
                .start()) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(first.url() + "/v1/arrays/kim/s3%3A%2F%2Fb%2Fkept/register"))
                            .header("X-TILEDB-REST-API-KEY", "kim-key")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"survives\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
        // no seed this time: users and arrays come back from the data directory
        try (TileDBEmulator second =
                TileDBEmulator.builder().dataDirectory(dir).build().start()) {
            ArraySnapshot kept = second.array("kim", "kept").orElseThrow();
            assertEquals("survives", kept.description());
            assertEquals(List.of("register"), kept.activity());
        }
    }

    @Test
    void seedFileGivesUsersOrganizationsAndArrays(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        java.nio.file.Files.writeString(seed, """
                {"users": [{"username": "sam", "apiKeys": ["sam-key"]}],
                 "organizations": [{"name": "lab", "members": {"sam": "owner"}}],
                 "arrays": [{"namespace": "lab", "name": "cells", "tags": ["bio"], "sharing": {"public": ["read"]},
                             "metadata": {"units": "um"}}]}""");
        try (TileDBEmulator emulator =
                TileDBEmulator.builder().seedFile(seed).build().start()) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/arrays/lab/cells/metadata_json"))
                            .header("X-TILEDB-REST-API-KEY", "sam-key")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("um", JSON.readTree(r.body()).get("units").asText());
            ArraySnapshot cells = emulator.array("lab", "cells").orElseThrow();
            assertTrue(cells.isPublic());
            assertEquals(List.of("bio"), cells.tags());
        }
    }
}
