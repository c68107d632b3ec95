package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.state.Workspaces;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The v4 users, workspaces, teamspaces, members and credentials of a workspace-mode emulator, over HTTP. */
class PlatformApiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB = EmulatorRequests.perClass(b -> b.workspaceServer()
            .user("alice", "alice-key")
            .user("bob", "bob-key")
            .user("carol", "carol-key")
            .user("erin", "erin-key")
            .user("outsider", "outsider-key")
            .workspace("acme", Map.of("alice", "owner", "bob", "member", "carol", "member", "erin", "admin"))
            .teamspace("acme", "research", Map.of("alice", "owner", "bob", "viewer"))
            .seed(new Seed(
                    null,
                    null,
                    null,
                    List.of(new Seed.SeedWorkspace(
                            "acme",
                            "Acme",
                            null,
                            List.of(new Seed.SeedTeamspace("lab", null, null, Map.of("carol", "owner"))),
                            List.of(
                                    new Seed.SeedCredential(
                                            "aws-main", "AWS", null, "AKIAMAIN", "main-secret", null, true, false),
                                    new Seed.SeedCredential(
                                            "lab-gcp", "GCP", "lab", "GOOGLAB", "lab-secret", null, false, true)))))));

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return EmulatorRequests.send(TILEDB.server(), method, path, key, body);
    }

    private static JsonNode json(String method, String path, String key, String body, int status) throws Exception {
        return EmulatorRequests.json(TILEDB.server(), method, path, key, body, status);
    }

    @Test
    void usersSelfAndByIdOrName() throws Exception {
        JsonNode self = json("GET", "/v4/users/self", "bob-key", null, 200).get("data");
        String id = self.at("/user/id").asText();
        assertTrue(id.matches("usr_[0-9a-z]{20}"), id);
        assertEquals(Workspaces.userId("bob"), id, "stable, derived from the username");
        assertEquals("bob", self.at("/user/username").asText());
        assertEquals("member", self.at("/user/role").asText());
        assertEquals("UTC", self.at("/user/timezone").asText());
        assertEquals("acme", self.at("/workspaces/0/name").asText());
        assertEquals("member", self.at("/workspaces/0/self/role").asText());
        assertTrue(self.at("/workspaces/0/workspace_id").asText().startsWith("ws_"));
        assertEquals(
                "bob",
                json("GET", "/v4/users/" + id, "alice-key", null, 200)
                        .at("/data/username")
                        .asText());
        assertEquals(
                id,
                json("GET", "/v4/users/bob", "alice-key", null, 200)
                        .at("/data/id")
                        .asText());
        JsonNode error = json("GET", "/v4/users/nobody", "alice-key", null, 404);
        assertEquals(4040, error.get("code").asInt());
        assertFalse(error.get("request_id").asText().isEmpty());
        assertEquals(401, send("GET", "/v4/users/self", "wrong", null).statusCode());
    }

    @Test
    void workspaceIsSeenByMembersAndChangedByOwnersAndAdmins() throws Exception {
        JsonNode workspace =
                json("GET", "/v4/workspaces/acme", "bob-key", null, 200).get("data");
        assertEquals("Acme", workspace.get("description").asText());
        String id = workspace.get("workspace_id").asText();
        assertEquals(
                "acme",
                json("GET", "/v4/workspaces/" + id, "bob-key", null, 200)
                        .at("/data/name")
                        .asText());
        json("GET", "/v4/workspaces/acme", "outsider-key", null, 404);
        json("PATCH", "/v4/workspaces/acme", "bob-key", "{\"description\":\"x\"}", 403);
        json("PATCH", "/v4/workspaces/acme", "erin-key", "{\"description\":\"Acme Corp\"}", 204);
        assertEquals(
                "Acme Corp",
                json("GET", "/v4/workspaces/acme", "bob-key", null, 200)
                        .at("/data/description")
                        .asText());
    }

    @Test
    void workspaceMembersAreListedPagedAndChangedByAdminsWhileAnOwnerRemains() throws Exception {
        JsonNode page = json("GET", "/v4/workspaceusers/acme?per_page=2&page=1", "bob-key", null, 200);
        assertEquals(2, page.get("data").size());
        assertEquals(4, page.at("/pagination_metadata/total_items").asInt());
        assertEquals(2, page.at("/pagination_metadata/total_pages").asInt());
        assertEquals(
                1,
                json("GET", "/v4/workspaceusers/acme?search=caro", "bob-key", null, 200)
                        .get("data")
                        .size());

        String outsider = Workspaces.userId("outsider");
        json(
                "POST",
                "/v4/workspaceusers/acme",
                "bob-key",
                "[{\"user_id\":\"" + outsider + "\",\"role\":\"member\"}]",
                403);
        JsonNode added = json(
                "POST",
                "/v4/workspaceusers/acme",
                "erin-key",
                "[{\"user_id\":\"" + outsider + "\",\"role\":\"member\"}]",
                201);
        assertEquals("outsider", added.at("/data/0/username").asText());
        assertEquals(Workspaces.userId("erin"), added.at("/data/0/added_by").asText());
        json("POST", "/v4/workspaceusers/acme", "erin-key", "[{\"user_id\":\"outsider\",\"role\":\"member\"}]", 409);
        json("PATCH", "/v4/workspaceusers/acme/outsider", "erin-key", "{\"role\":\"admin\"}", 204);
        assertEquals(
                "admin",
                json("GET", "/v4/workspaceusers/acme/" + outsider, "bob-key", null, 200)
                        .at("/data/role")
                        .asText());
        json("PATCH", "/v4/workspaceusers/acme/outsider", "erin-key", "{\"role\":\"boss\"}", 400);
        json("DELETE", "/v4/workspaceusers/acme/outsider", "erin-key", null, 204);
        json("GET", "/v4/workspaceusers/acme/outsider", "bob-key", null, 404);

        json("DELETE", "/v4/workspaceusers/acme/alice", "erin-key", null, 409);
        json("PATCH", "/v4/workspaceusers/acme/alice", "alice-key", "{\"role\":\"member\"}", 409);
    }

    @Test
    void teamspacesAreCreatedChangedAndDeletedWithRoleChecks() throws Exception {
        JsonNode created = json(
                "POST",
                "/v4/teamspaces/acme",
                "bob-key",
                "{\"name\":\"design\",\"description\":\"D\",\"visibility\":\"public\"}",
                201);
        assertEquals("design", created.at("/data/name").asText());
        assertEquals("teamspace", created.at("/data/space_type").asText());
        assertEquals("owner", created.at("/data/self/role").asText(), "the creator owns it");
        assertTrue(created.at("/data/teamspace_id").asText().startsWith("ts_"));
        json("POST", "/v4/teamspaces/acme", "bob-key", "{\"name\":\"design\"}", 409);
        json("POST", "/v4/teamspaces/acme", "outsider-key", "{\"name\":\"x\"}", 404);

        List<String> bobs = json("GET", "/v4/teamspaces/acme?order_by=name&order=asc", "bob-key", null, 200)
                .get("data")
                .findValuesAsText("name");
        assertEquals(List.of("design", "research"), bobs);
        List<String> othersPublic = json("GET", "/v4/teamspaces/acme?memberships=false", "carol-key", null, 200)
                .get("data")
                .findValuesAsText("name");
        assertEquals(List.of("design"), othersPublic);
        assertTrue(
                json("GET", "/v4/teamspaces/acme?order_by=name&order=asc", "erin-key", null, 200)
                        .get("data")
                        .findValuesAsText("name")
                        .containsAll(List.of("design", "lab", "research")),
                "a workspace admin is in every teamspace");

        // a viewer may not change; a workspace member outside the teamspace does not see it
        json("PATCH", "/v4/teamspaces/acme/research", "bob-key", "{\"description\":\"x\"}", 403);
        json("GET", "/v4/teamspaces/acme/research", "carol-key", null, 404);
        json("GET", "/v4/teamspaces/acme/research/users", "carol-key", null, 404);

        json(
                "PATCH",
                "/v4/teamspaces/acme/design",
                "bob-key",
                "{\"name\":\"designs\",\"visibility_level\":\"private\"}",
                204);
        JsonNode renamed =
                json("GET", "/v4/teamspaces/acme/designs", "bob-key", null, 200).get("data");
        assertEquals("private", renamed.get("visibility").asText());
        json("DELETE", "/v4/teamspaces/acme/designs?delete-assets=true", "carol-key", null, 404);
        json("DELETE", "/v4/teamspaces/acme/designs?delete-assets=true", "bob-key", null, 204);
        json("GET", "/v4/teamspaces/acme/designs", "bob-key", null, 404);
    }

    @Test
    void teamspaceMembersMustBeWorkspaceMembersAndOnlyOwnersChangeThem() throws Exception {
        json("POST", "/v4/teamspaces/acme", "carol-key", "{\"name\":\"ops\"}", 201);
        json(
                "POST",
                "/v4/teamspaces/acme/ops/users",
                "carol-key",
                "[{\"user_id\":\"outsider\",\"role\":\"viewer\"}]",
                400);
        JsonNode added = json(
                "POST",
                "/v4/teamspaces/acme/ops/users",
                "carol-key",
                "[{\"user_id\":\"bob\",\"role\":\"editor\"}]",
                201);
        assertEquals("editor", added.at("/data/0/role").asText());
        JsonNode members = json("GET", "/v4/teamspaces/acme/ops/users", "bob-key", null, 200);
        assertEquals(List.of("bob", "carol"), members.get("data").findValuesAsText("username"));
        assertEquals(null, members.get("pagination_metadata"), "the Java client's model has no pagination here");
        json("PATCH", "/v4/teamspaces/acme/ops/users/carol", "bob-key", "{\"role\":\"viewer\"}", 403);
        json("PATCH", "/v4/teamspaces/acme/ops/users/bob", "carol-key", "{\"role\":\"viewer\"}", 204);
        assertEquals(
                "viewer",
                json("GET", "/v4/teamspaces/acme/ops/users/" + Workspaces.userId("bob"), "bob-key", null, 200)
                        .at("/data/role")
                        .asText());
        json("DELETE", "/v4/teamspaces/acme/ops/users/carol", "carol-key", null, 409);
        json("DELETE", "/v4/teamspaces/acme/ops/users/bob", "carol-key", null, 204);
        json("GET", "/v4/teamspaces/acme/ops", "bob-key", null, 404);
    }

    /**
     * TileDB-Client-Java's {@code AWSCredential} requires {@code secret_access_key} (so does our
     * {@code tiledb-v4.yaml}): a member who may only use the credential gets the field, empty, and the answer is one
     * that client reads.
     */
    @Test
    void aMembersCredentialAnswerHoldsTheRequiredSecretFieldEmpty() throws Exception {
        com.atlassian.oai.validator.OpenApiInteractionValidator v4 =
                com.atlassian.oai.validator.OpenApiInteractionValidator.createForSpecificationUrl(
                                PlatformApiHttpTest.class
                                        .getResource("/openapi/tiledb-v4.yaml")
                                        .toString())
                        .build();
        for (String path : List.of("/v4/credentials/acme/aws-main", "/v4/credentials/acme")) {
            HttpResponse<String> r = send("GET", path, "bob-key", null);
            assertEquals(200, r.statusCode(), r.body());
            assertFalse(r.body().contains("main-secret"), r.body());
            com.atlassian.oai.validator.report.ValidationReport report = v4.validate(
                    com.atlassian.oai.validator.model.SimpleRequest.Builder.get(path)
                            .withHeader("X-TILEDB-REST-API-KEY", "bob-key")
                            .build(),
                    com.atlassian.oai.validator.model.SimpleResponse.Builder.ok()
                            .withContentType("application/json")
                            .withBody(r.body())
                            .build());
            assertEquals(
                    List.of(),
                    report.getMessages().stream()
                            .filter(m ->
                                    m.getLevel() == com.atlassian.oai.validator.report.ValidationReport.Level.ERROR)
                            .map(m -> m.getKey() + ": " + m.getMessage())
                            .toList(),
                    path);
        }
    }

    @Test
    void credentialsAreListedFilteredAndTheirSecretsGoToAdministratorsOnly() throws Exception {
        JsonNode all = json("GET", "/v4/credentials/acme", "erin-key", null, 200);
        assertEquals(List.of("aws-main", "lab-gcp"), all.get("data").findValuesAsText("name"));
        assertEquals(2, all.at("/pagination_metadata/total_items").asInt());
        JsonNode lab = all.get("data").get(1);
        assertEquals("teamspace", lab.get("credential_type").asText());
        assertEquals("GCP", lab.get("provider").asText());
        assertEquals("lab-secret", lab.at("/credential/gcp/secret_access_key").asText());

        JsonNode forBob = json("GET", "/v4/credentials/acme", "bob-key", null, 200);
        assertEquals(List.of("aws-main"), forBob.get("data").findValuesAsText("name"), "not in lab");
        JsonNode aws = json("GET", "/v4/credentials/acme/aws-main", "bob-key", null, 200)
                .get("data");
        assertEquals("AKIAMAIN", aws.at("/credential/aws/access_key_id").asText());
        assertEquals("", aws.at("/credential/aws/secret_access_key").textValue(), "a member gets no secret");
        assertEquals("workspace", aws.get("credential_type").asText());
        assertTrue(aws.get("provider_default").asBoolean());

        assertEquals(
                List.of("lab-gcp"),
                json("GET", "/v4/credentials/acme?type=teamspace&provider=GCP", "carol-key", null, 200)
                        .get("data")
                        .findValuesAsText("name"));
        assertEquals(
                List.of("lab-gcp"),
                json("GET", "/v4/credentials/acme?teamspace_id=lab", "alice-key", null, 200)
                        .get("data")
                        .findValuesAsText("name"));
        json("GET", "/v4/credentials/acme/lab-gcp", "bob-key", null, 404);
        json("GET", "/v4/credentials/acme/aws-main", "outsider-key", null, 404);
    }
}
