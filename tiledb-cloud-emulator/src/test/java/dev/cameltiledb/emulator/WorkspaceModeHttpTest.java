package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace-platform mode as a classic client path sees it: capabilities, the v1/v2 routes with a
 * {@code workspace/teamspace} namespace, teamspace roles as permissions, the seed file and the data directory.
 */
class WorkspaceModeHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHEMA =
            "{\"arrayType\":\"dense\",\"domain\":{\"dimensions\":[{\"name\":\"d\",\"type\":\"INT32\","
                    + "\"domain\":{\"int32\":[1,10]}}]},\"attributes\":[{\"name\":\"a\",\"type\":\"INT32\"}]}";

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB = EmulatorRequests.perClass(b -> b.workspaceServer()
            .user("alice", "alice-key")
            .user("bob", "bob-key")
            .user("carol", "carol-key")
            .user("dan", "dan-key")
            .workspace("acme", Map.of("alice", "owner", "bob", "member", "carol", "member", "dan", "member"))
            .teamspace("acme", "research", Map.of("alice", "owner", "bob", "viewer"))
            .teamspace("acme", "open", Map.of("alice", "owner"))
            .seed(new Seed(
                    null,
                    null,
                    List.of(new Seed.SeedArray("acme/open", "shown", null, null, null, null, null, null)),
                    List.of(new Seed.SeedWorkspace(
                            "acme",
                            null,
                            null,
                            List.of(new Seed.SeedTeamspace("open", null, "public", null)),
                            null)))));

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> CLASSIC =
            EmulatorRequests.perClass(b -> b.user("alice", "alice-key").organization("acme", Map.of("alice", "owner")));

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return EmulatorRequests.send(TILEDB.server(), method, path, key, body);
    }

    @Test
    void capabilitiesTellTheTwoPlatformsApart() throws Exception {
        HttpResponse<String> workspace = send("GET", "/v4/capabilities", "alice-key", null);
        assertEquals(200, workspace.statusCode());
        JsonNode capabilities = JSON.readTree(workspace.body());
        assertEquals(2, capabilities.at("/deployedTileDBVersion/major").asInt());
        assertEquals(29, capabilities.at("/deployedTileDBVersion/minor").asInt());
        assertEquals(
                28,
                capabilities.at("/minimumSupportedTileDBClientVersion/minor").asInt());
        assertEquals(
                404,
                EmulatorRequests.send(CLASSIC.server(), "GET", "/v4/capabilities", "alice-key", null)
                        .statusCode());
    }

    @Test
    void arraysLiveInATeamspaceAndTheirPathsTakeTwoNamespaceSegments() throws Exception {
        assertEquals(
                204,
                send("POST", "/v1/arrays/acme/research/folder%2Fsales", "alice-key", SCHEMA)
                        .statusCode());
        JsonNode info = JSON.readTree(send("GET", "/v1/arrays/acme/research/folder%2Fsales/metadata", "alice-key", null)
                .body());
        assertEquals("acme/research", info.get("namespace").asText());
        assertEquals("folder/sales", info.get("name").asText());
        assertEquals(
                "tiledb://acme/research/folder/sales", info.get("tiledb_uri").asText());

        JsonNode listed = JSON.readTree(
                send("GET", "/v1/arrays/acme/research", "alice-key", null).body());
        assertTrue(listed.findValuesAsText("name").contains("folder/sales"), listed.toString());
        JsonNode owned = JSON.readTree(
                send("GET", "/v1/arrays/browser/owned?namespace=acme/research&search=sales", "alice-key", null)
                        .body());
        assertEquals(1, owned.at("/pagination_metadata/total_items").asInt());

        // the viewer reads and may not change; a workspace member outside the teamspace sees nothing
        assertEquals(
                200,
                send("GET", "/v1/arrays/acme/research/folder%2Fsales/metadata", "bob-key", null)
                        .statusCode());
        assertEquals(
                403,
                send("PATCH", "/v1/arrays/acme/research/folder%2Fsales/metadata", "bob-key", "{\"description\":\"x\"}")
                        .statusCode());
        assertEquals(
                404,
                send("GET", "/v1/arrays/acme/research/folder%2Fsales/metadata", "carol-key", null)
                        .statusCode());

        // sharing with another teamspace's namespace, then the activity of all of it
        assertEquals(
                204,
                send(
                                "PATCH",
                                "/v1/arrays/acme/research/folder%2Fsales/share",
                                "alice-key",
                                "{\"namespace\":\"acme/open\",\"actions\":[\"read\"]}")
                        .statusCode());
        JsonNode shares = JSON.readTree(send("GET", "/v1/arrays/acme/research/folder%2Fsales/share", "alice-key", null)
                .body());
        assertEquals("acme/open", shares.get(0).get("namespace").asText());
        assertEquals("teamspace", shares.get(0).get("namespace_type").asText());
        JsonNode activity =
                JSON.readTree(send("GET", "/v1/arrays/acme/research/folder%2Fsales/activity", "alice-key", null)
                        .body());
        assertTrue(activity.size() >= 2, activity.toString());
        assertEquals("create", activity.get(0).get("action").asText());
    }

    @Test
    void classicPathsAreNotFoundOnAWorkspaceServerAndTheOtherWayRound() throws Exception {
        assertEquals(
                404,
                send("GET", "/v1/arrays/acme/sales/metadata", "alice-key", null).statusCode());
        assertEquals(
                404, send("GET", "/v1/arrays/acme/research", "dan-key", null).statusCode(), "not a member");
        assertEquals(
                404,
                EmulatorRequests.send(CLASSIC.server(), "GET", "/v1/arrays/acme/research/x/metadata", "alice-key", null)
                        .statusCode());
    }

    @Test
    void aPublicTeamspaceIsReadByEveryoneAndChangedByItsMembersOnly() throws Exception {
        assertEquals(
                200,
                send("GET", "/v1/arrays/acme/open/shown/metadata", "dan-key", null)
                        .statusCode());
        assertEquals(
                403,
                send("DELETE", "/v1/arrays/acme/open/shown", "dan-key", null).statusCode());
    }

    @Test
    void notebooksUploadAndDownloadInATeamspace() throws Exception {
        String notebook = "{\"cells\": []}";
        HttpResponse<String> upload = send(
                "POST", "/v2/notebooks/acme/research/nb/upload?filesize=" + notebook.length(), "alice-key", notebook);
        assertEquals(201, upload.statusCode(), upload.body());
        HttpResponse<String> download = send("GET", "/v1/arrays/acme/research/nb/query/get_file", "bob-key", null);
        assertEquals(200, download.statusCode());
        assertEquals(notebook, download.body());
    }

    @Test
    void aSeedFileWithWorkspacesAndTheStateSurviveARestart(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, """
                {"users": [{"username": "alice", "apiKeys": ["alice-key"], "role": "owner"},
                           {"username": "bob", "apiKeys": ["bob-key"]}],
                 "workspaces": [{"name": "acme", "description": "Acme Corp",
                                 "members": {"alice": "owner", "bob": "member"},
                                 "teamspaces": [{"name": "research", "description": "R&D", "visibility": "private",
                                                 "members": {"alice": "owner", "bob": "viewer"}}],
                                 "credentials": [{"name": "aws-main", "provider": "AWS", "teamspace": null,
                                                  "accessKeyId": "AKIAEXAMPLE", "secretAccessKey": "s3cr3t"}]}],
                 "arrays": [{"namespace": "acme/research", "name": "folder/sales"}]}
                """);
        Path data = dir.resolve("data");
        try (TileDBEmulator first = TileDBEmulator.builder()
                .workspaceServer()
                .seedFile(seed)
                .dataDirectory(data)
                .build()
                .start()) {
            JsonNode self = JSON.readTree(EmulatorRequests.send(first, "GET", "/v4/users/self", "alice-key", null)
                    .body());
            assertEquals("owner", self.at("/data/user/role").asText());
            assertEquals("Acme Corp", self.at("/data/workspaces/0/description").asText());
            assertEquals(
                    204,
                    EmulatorRequests.send(
                                    first,
                                    "PATCH",
                                    "/v4/teamspaces/acme/research",
                                    "alice-key",
                                    "{\"description\":\"changed\"}")
                            .statusCode());
            assertEquals(
                    200,
                    EmulatorRequests.send(first, "PUT", "/v4/files/acme/research/notes%2Fa.txt", "alice-key", "hello")
                            .statusCode());
        }
        try (TileDBEmulator second = TileDBEmulator.builder()
                .workspaceServer()
                .dataDirectory(data)
                .build()
                .start()) {
            JsonNode teamspace =
                    JSON.readTree(EmulatorRequests.send(second, "GET", "/v4/teamspaces/acme/research", "bob-key", null)
                            .body());
            assertEquals("changed", teamspace.at("/data/description").asText());
            assertEquals("viewer", teamspace.at("/data/self/role").asText());
            JsonNode folder = JSON.readTree(
                    EmulatorRequests.send(second, "GET", "/v4/assets/list/acme/research/folder", "bob-key", null)
                            .body());
            assertEquals("sales", folder.at("/data/0/name").asText());
            assertEquals("array", folder.at("/data/0/type").asText());
            assertEquals(
                    "hello",
                    EmulatorRequests.send(second, "GET", "/v4/files/acme/research/notes%2Fa.txt", "bob-key", null)
                            .body());
            JsonNode credential = JSON.readTree(
                    EmulatorRequests.send(second, "GET", "/v4/credentials/acme/aws-main", "alice-key", null)
                            .body());
            assertEquals(
                    "s3cr3t",
                    credential.at("/data/credential/aws/secret_access_key").asText());
        }
    }
}
