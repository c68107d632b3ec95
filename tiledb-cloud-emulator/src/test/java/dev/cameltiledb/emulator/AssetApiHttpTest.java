package dev.cameltiledb.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The v4 assets, folders and files of a teamspace, over HTTP. */
class AssetApiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int MANY = 250;

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB = EmulatorRequests.perClass(b -> {
        b.workspaceServer()
                .user("alice", "alice-key")
                .user("bob", "bob-key")
                .user("carol", "carol-key")
                .workspace("acme", Map.of("alice", "owner", "bob", "member", "carol", "member"))
                .teamspace("acme", "research", Map.of("alice", "owner", "bob", "viewer"))
                .teamspace("acme", "big", Map.of("alice", "owner"))
                .teamspace("acme", "files", Map.of("alice", "owner"));
        List<Seed.SeedArray> many = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            many.add(new Seed.SeedArray("acme/big", String.format("a%04d", i), null, null, null, null, null, null));
        }
        many.add(
                new Seed.SeedArray("acme/research", "data/sales", null, "Sales", null, null, null, Map.of("rows", 12)));
        b.seed(new Seed(null, null, many));
    });

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return EmulatorRequests.send(TILEDB.server(), method, path, key, body);
    }

    private static JsonNode json(String method, String path, String key, String body, int status) throws Exception {
        return EmulatorRequests.json(TILEDB.server(), method, path, key, body, status);
    }

    @Test
    void theRootListingPagesThroughHundredsOfAssets() throws Exception {
        List<String> names = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer =
                    json("GET", "/v4/assets/list/acme/big/.?per_page=100&page=" + page, "alice-key", null, 200);
            assertEquals(MANY, answer.at("/pagination_metadata/total_items").asInt());
            assertEquals(3, answer.at("/pagination_metadata/total_pages").asInt());
            if (answer.get("data").isEmpty()) {
                break;
            }
            names.addAll(answer.get("data").findValuesAsText("name"));
        }
        assertEquals(MANY, names.size());
        assertEquals("a0000", names.get(0));
        assertEquals("a0249", names.get(MANY - 1));
        JsonNode newest =
                json("GET", "/v4/assets/list/acme/big/%2F?per_page=1&order_by=name%20desc", "alice-key", null, 200);
        assertEquals("a0249", newest.at("/data/0/name").asText(), "the encoded slash is the root too");
        json("GET", "/v4/assets/list/acme/big/.", "bob-key", null, 404);
    }

    /**
     * {@code created_by} filters on the creator the answers show: a seeded asset answers its workspace's creator, and
     * is found by that user's name or id.
     */
    @Test
    void createdByFindsSeededAssetsByTheCreatorTheirAnswersShow() throws Exception {
        JsonNode first = json("GET", "/v4/assets/list/acme/big/.?per_page=1", "alice-key", null, 200);
        String username = first.at("/data/0/created_by/username").asText();
        String userId = first.at("/data/0/created_by/user_id").asText();
        assertEquals("alice", username);
        for (String creator : List.of(username, userId)) {
            assertEquals(
                    MANY,
                    json("GET", "/v4/assets/list/acme/big/.?created_by=" + creator, "alice-key", null, 200)
                            .at("/pagination_metadata/total_items")
                            .asInt(),
                    creator);
        }
        assertEquals(
                0,
                json("GET", "/v4/assets/list/acme/big/.?created_by=bob", "alice-key", null, 200)
                        .at("/pagination_metadata/total_items")
                        .asInt());
    }

    /**
     * TileDB-Client-Java's OkHttp drops a {@code .} path segment, so {@code listAssets(ws, ts, ".")} arrives as
     * {@code /v4/assets/list/{ws}/{ts}/}: the empty trailing segment is the root too.
     */
    @Test
    void anEmptyTrailingSegmentListsTheTeamspaceRoot() throws Exception {
        JsonNode root = json("GET", "/v4/assets/list/acme/research/", "bob-key", null, 200);
        assertEquals(
                json("GET", "/v4/assets/list/acme/research/.", "bob-key", null, 200)
                        .get("data")
                        .findValuesAsText("path"),
                root.get("data").findValuesAsText("path"));
        assertTrue(root.get("data").findValuesAsText("path").contains("data"), root.toString());
        assertEquals(
                MANY,
                json("GET", "/v4/assets/list/acme/big/?per_page=5", "alice-key", null, 200)
                        .at("/pagination_metadata/total_items")
                        .asInt());
        json("GET", "/v4/assets/list/acme/big/", "bob-key", null, 404);
    }

    @Test
    void anAssetIsFoundByPathAndIdWithItsFieldsAndPathSteps() throws Exception {
        JsonNode root = json("GET", "/v4/assets/list/acme/research/.", "bob-key", null, 200);
        JsonNode folder = root.get("data").get(0);
        assertEquals("data", folder.get("name").asText());
        assertEquals("folder", folder.get("type").asText());
        assertEquals("folder", folder.get("backing_type").asText());
        assertEquals(1, folder.at("/folderInfo/length").asInt(), "made for the seeded array inside it");

        JsonNode sales = json("GET", "/v4/assets/item/acme/research/data%2Fsales", "bob-key", null, 200)
                .get("data");
        assertEquals("sales", sales.get("name").asText());
        assertEquals("data/sales", sales.get("path").asText());
        assertEquals("array", sales.get("type").asText());
        assertEquals("array", sales.get("backing_type").asText());
        assertEquals(
                "tiledb://acme/research/data/sales", sales.get("tiledb_uri").asText());
        assertEquals("Sales", sales.get("description").asText());
        assertTrue(sales.get("workspace_id").asText().startsWith("ws_"));
        assertTrue(sales.get("teamspace_id").asText().startsWith("ts_"));
        assertTrue(sales.has("arrayInfo"));
        assertFalse(sales.has("groupInfo"));
        String id = sales.get("id").asText();
        assertEquals(
                "data/sales",
                json("GET", "/v4/assets/item/acme/research/" + id, "bob-key", null, 200)
                        .at("/data/path")
                        .asText());

        JsonNode steps = json("GET", "/v4/assets/path/acme/research/data%2Fsales", "bob-key", null, 200);
        assertEquals(
                List.of("data/sales", "data"),
                List.of(
                        steps.at("/data/1/path").asText(),
                        steps.at("/data/0/path").asText()));
        json("GET", "/v4/assets/path/acme/research/data%2Fnope", "bob-key", null, 404);
        json("GET", "/v4/assets/item/acme/research/nope", "bob-key", null, 404);
        json("GET", "/v4/assets/item/acme/research/data%2Fsales", "carol-key", null, 404);
    }

    @Test
    void metadataIsReadSavedAndDeleted() throws Exception {
        JsonNode saved = json(
                "PATCH",
                "/v4/assets/item/acme/research/data%2Fsales/metadata",
                "alice-key",
                "[{\"key\":\"owner\",\"value\":\"finance\",\"type\":\"STRING_UTF8\"},{\"key\":\"n\",\"value\":\"7\",\"type\":\"INT32\"}]",
                201);
        assertEquals(2, saved.get("data").size());
        json("PATCH", "/v4/assets/item/acme/research/data%2Fsales/metadata", "bob-key", "[]", 403);
        JsonNode listed =
                json("GET", "/v4/assets/item/acme/research/data%2Fsales/metadata?per_page=10", "bob-key", null, 200);
        assertEquals(List.of("rows", "owner", "n"), listed.get("data").findValuesAsText("key"));
        assertEquals("INT32", listed.at("/data/2/type").asText());
        assertEquals("INT64", listed.at("/data/0/type").asText(), "a seeded number");
        assertEquals(3, listed.at("/pagination_metadata/total_items").asInt());
        // the v1 metadata of the array sees the typed value
        assertEquals(
                7,
                json("GET", "/v1/arrays/acme/research/data%2Fsales/metadata_json", "bob-key", null, 200)
                        .get("n")
                        .asInt());
        json(
                "DELETE",
                "/v4/assets/item/acme/research/data%2Fsales/metadata?metadata_key=owner&metadata_key=n",
                "alice-key",
                null,
                204);
        assertEquals(
                List.of("rows"),
                json("GET", "/v4/assets/item/acme/research/data%2Fsales/metadata", "bob-key", null, 200)
                        .get("data")
                        .findValuesAsText("key"));
    }

    @Test
    void foldersAreMadeRenamedFilledAndDeleted() throws Exception {
        json("POST", "/v4/folders/acme/research/x%2Fy", "alice-key", "[{\"description\":\"d\"}]", 404);
        JsonNode made =
                json("POST", "/v4/folders/acme/research/reports", "alice-key", "[{\"description\":\"Q\"}]", 201);
        assertEquals("reports", made.at("/data/name").asText());
        assertEquals("Q", made.at("/data/description").asText());
        String reportsId = made.at("/data/id").asText();
        json("POST", "/v4/folders/acme/research/reports", "alice-key", "{\"description\":\"again\"}", 409);
        json("POST", "/v4/folders/acme/research/other", "bob-key", "{}", 403);
        JsonNode child = json("POST", "/v4/folders/acme/research/reports%2F2024", "alice-key", "{}", 201);
        assertEquals(reportsId, child.at("/data/parent_folder_id").asText());

        // register a storage URI into the folder, then move it out and back in through the folder's contents
        HttpResponse<String> registration = send(
                "POST",
                "/v4/assets/register/acme/research",
                "alice-key",
                "{\"uri\":\"s3://bucket/q1\",\"path\":\"reports/q1\",\"name\":\"q1\"}");
        assertEquals(200, registration.statusCode());
        assertEquals("", registration.body(), "registerAsset answers without a body");
        JsonNode registered = json("GET", "/v4/assets/item/acme/research/reports%2Fq1", "alice-key", null, 200);
        assertEquals("reports/q1", registered.at("/data/path").asText());
        assertEquals("s3://bucket/q1", registered.at("/data/uri").asText());
        json("GET", "/v1/arrays/acme/research/reports%2Fq1/metadata", "bob-key", null, 200);
        assertEquals(
                List.of("2024", "q1"),
                json("GET", "/v4/folders/acme/research/reports/contents", "bob-key", null, 200)
                        .get("data")
                        .findValuesAsText("name"));
        json(
                "PUT",
                "/v4/folders/acme/research/reports/contents",
                "alice-key",
                "[{\"members_to_remove\":[\"reports/q1\"]}]",
                204);
        json("GET", "/v4/assets/item/acme/research/q1", "bob-key", null, 200);
        json(
                "POST",
                "/v4/assets/move/acme/research",
                "alice-key",
                "{\"assets_to_add\":[\"q1\"],\"target\":\"" + reportsId + "\"}",
                200);
        json("GET", "/v4/assets/item/acme/research/reports%2Fq1", "bob-key", null, 200);

        // renaming the folder moves what it holds; the asset rename renames the last segment only
        json("PATCH", "/v4/folders/acme/research/reports", "alice-key", "{\"name\":\"archive\"}", 204);
        assertEquals(
                "archive",
                json("GET", "/v4/folders/acme/research/" + reportsId, "bob-key", null, 200)
                        .at("/data/name")
                        .asText());
        json(
                "PATCH",
                "/v4/assets/item/acme/research/archive%2Fq1",
                "alice-key",
                "{\"name\":\"first\",\"description\":\"Q1\"}",
                204);
        JsonNode first = json("GET", "/v4/assets/item/acme/research/archive%2Ffirst", "bob-key", null, 200)
                .get("data");
        assertEquals("Q1", first.get("description").asText());
        assertFalse(first.get("updated_at").asText().isEmpty());

        json("DELETE", "/v4/folders/acme/research/archive", "bob-key", null, 403);
        json("DELETE", "/v4/folders/acme/research/archive?delete-assets=false", "alice-key", null, 204);
        json("GET", "/v4/assets/item/acme/research/archive%2Ffirst", "bob-key", null, 404);
        json("GET", "/v4/folders/acme/research/archive%2F2024", "bob-key", null, 404);
    }

    @Test
    void filesArePutReadInRangesListedAndAreAssets() throws Exception {
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        HttpResponse<String> put = HTTP.send(
                request("/v4/files/acme/research/raw%2Fblob.bin", "alice-key")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        String etag = put.headers().firstValue("ETag").orElseThrow();
        assertEquals(
                403,
                HTTP.send(
                                request("/v4/files/acme/research/raw%2Fx", "bob-key")
                                        .PUT(HttpRequest.BodyPublishers.ofString("x"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        HttpResponse<byte[]> whole = HTTP.send(
                request("/v4/files/acme/research/raw%2Fblob.bin", "bob-key").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(bytes, whole.body());
        assertEquals(etag, whole.headers().firstValue("ETag").orElseThrow());
        assertEquals(
                "application/octet-stream",
                whole.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<byte[]> part = HTTP.send(
                request("/v4/files/acme/research/raw%2Fblob.bin", "bob-key")
                        .header("Range", "bytes=10-19")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 10, 20), part.body());
        assertEquals(
                "bytes 10-19/200000", part.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> tail = HTTP.send(
                request("/v4/files/acme/research/raw%2Fblob.bin", "bob-key")
                        .header("Range", "bytes=-5")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length), tail.body());
        assertEquals(
                416,
                HTTP.send(
                                request("/v4/files/acme/research/raw%2Fblob.bin", "bob-key")
                                        .header("Range", "bytes=200000-")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        HttpResponse<String> head = HTTP.send(
                request("/v4/files/acme/research/raw%2Fblob.bin", "bob-key")
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("200000", head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());
        assertEquals("", head.body());

        JsonNode asset = json("GET", "/v4/assets/item/acme/research/raw%2Fblob.bin", "bob-key", null, 200)
                .get("data");
        assertEquals("file", asset.get("type").asText());
        assertEquals(200_000, asset.at("/fileInfo/size").asLong());
        json("GET", "/v4/files/acme/research/raw%2Fnone", "bob-key", null, 404);
    }

    @Test
    void fileListingsUsePrefixDelimiterAndContinuation() throws Exception {
        for (String path : List.of("logs%2Fa.txt", "logs%2Fb.txt", "logs%2F2024%2Fc.txt", "top.txt")) {
            HttpResponse<String> r = HTTP.send(
                    request("/v4/files/acme/files/" + path, "alice-key")
                            .PUT(HttpRequest.BodyPublishers.ofString(path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
        JsonNode top = json("GET", "/v4/files/acme/files?list-type=2&delimiter=/", "alice-key", null, 200);
        assertEquals("files", top.get("Name").asText());
        assertEquals(List.of("logs/"), top.get("CommonPrefixes").findValuesAsText("Prefix"));
        assertEquals(List.of("top.txt"), top.get("Objects").findValuesAsText("Key"));
        assertFalse(top.get("IsTruncated").asBoolean());

        JsonNode logs =
                json("GET", "/v4/files/acme/files?list-type=2&delimiter=/&prefix=logs/", "alice-key", null, 200);
        assertEquals(List.of("logs/2024/"), logs.get("CommonPrefixes").findValuesAsText("Prefix"));
        assertEquals(List.of("logs/a.txt", "logs/b.txt"), logs.get("Objects").findValuesAsText("Key"));
        assertEquals(12, logs.at("/Objects/0/Size").asInt());
        assertTrue(logs.at("/Objects/0/ETag").asText().startsWith("\""));

        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = json(
                    "GET",
                    "/v4/files/acme/files?list-type=2&delimiter=&prefix=logs/&max-keys=2"
                            + (token == null ? "" : "&continuation-token=" + token),
                    "alice-key",
                    null,
                    200);
            keys.addAll(page.get("Objects").findValuesAsText("Key"));
            token = page.get("IsTruncated").asBoolean()
                    ? page.get("NextContinuationToken").asText()
                    : null;
        } while (token != null);
        assertEquals(List.of("logs/2024/c.txt", "logs/a.txt", "logs/b.txt"), keys);
    }

    private static HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(TILEDB.server().url() + path)).header("X-TILEDB-REST-API-KEY", key);
    }
}
