package dev.cameltiledb.arraylake.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API-client lookups by token and permission checks by role. */
class OrgsHttpTest {

    @RegisterExtension
    static ServerPerClass<ArraylakeEmulator> AL =
            new ServerPerClass<>(() -> Fixtures.standard().build().start());

    @Test
    void authenticateAnswersTheApiClientOfAnOrgToken() {
        ArraylakeEmulator emu = AL.server();
        Api admin = Fixtures.as(emu, Fixtures.ADMIN);
        Fixtures.service(emu).get("/user");
        JsonNode client = admin.get("/orgs/acme/api-clients/authenticate?token=" + Fixtures.ETL_TOKEN)
                .body();
        assertEquals(
                emu.apiClientId("acme", "etl@acme.example"), client.path("_id").asText());
        assertEquals("etl@acme.example", client.path("email").asText());
        assertTrue(client.path("expiration").asText().endsWith("+00:00"));
        assertFalse(client.path("last_used").isNull(), "the token was used above");
    }

    @Test
    void userTokensAndOtherOrgsTokensAre422() {
        ArraylakeEmulator emu = AL.server();
        Api admin = Fixtures.as(emu, Fixtures.ADMIN);
        Api.Reply user = admin.get("/orgs/acme/api-clients/authenticate?token="
                + Script.encode(emu.userTokens(Fixtures.ADMIN).idToken()));
        assertEquals(422, user.status());
        assertEquals("token is not an API client token of org acme", user.detail());
        assertEquals(
                422,
                admin.get("/orgs/acme/api-clients/authenticate?token=" + Fixtures.OTHER_ORG_TOKEN)
                        .status());
        assertEquals(422, admin.get("/orgs/acme/api-clients/authenticate").status());
    }

    @Test
    void permissionFollowsTheRole() {
        ArraylakeEmulator emu = AL.server();
        Api viewer = Fixtures.as(emu, Fixtures.VIEWER);
        String alice = emu.principalId(Fixtures.ADMIN);
        String bob = emu.principalId(Fixtures.MEMBER);
        String carol = emu.principalId(Fixtures.VIEWER);
        String etl = emu.apiClientId("acme", "etl@acme.example");
        assertTrue(check(viewer, alice, "acme", "CAN_MANAGE_USERS"));
        assertTrue(check(viewer, bob, "acme", "CAN_WRITE_REPOS"));
        assertFalse(check(viewer, bob, "acme", "CAN_MANAGE_USERS"));
        assertTrue(check(viewer, carol, "acme", "CAN_READ_REPOS"));
        assertFalse(check(viewer, carol, "acme", "CAN_WRITE_REPOS"));
        assertTrue(check(viewer, bob, "acme/climate", "CAN_READ_WITH_FLUX"));
        assertFalse(check(viewer, carol, "acme/climate", "CAN_WRITE"));
        assertTrue(check(viewer, etl, "acme/climate", "CAN_WRITE"));
        assertFalse(check(viewer, emu.principalId(Fixtures.OUTSIDER), "acme", "CAN_READ_REPOS"));
        assertFalse(check(viewer, "00000000-0000-4000-8000-000000000009", "acme", "CAN_READ_REPOS"));
    }

    @Test
    void unknownActionsResourcesAndReposAre422Or404() {
        ArraylakeEmulator emu = AL.server();
        Api viewer = Fixtures.as(emu, Fixtures.VIEWER);
        String bob = emu.principalId(Fixtures.MEMBER);
        Api.Reply action = viewer.get(query(bob, "acme", "CAN_FLY"));
        assertEquals(422, action.status());
        assertEquals(
                "action",
                action.body().path("detail").path(0).path("loc").path(1).asText());
        assertEquals(422, viewer.get(query(bob, "acme", "CAN_WRITE")).status(), "a repo action on the org");
        assertEquals(422, viewer.get(query(bob, "globex", "CAN_READ_REPOS")).status());
        assertEquals(404, viewer.get(query(bob, "acme/nothing", "CAN_READ")).status());
        assertEquals(
                403,
                Fixtures.as(emu, Fixtures.OUTSIDER)
                        .get(query(bob, "acme", "CAN_READ_REPOS"))
                        .status());
    }

    private static boolean check(Api api, String principal, String resource, String action) {
        Api.Reply reply = api.get(query(principal, resource, action));
        assertEquals(200, reply.status(), reply.body().toString());
        return reply.body().path("has_permission").asBoolean();
    }

    private static String query(String principal, String resource, String action) {
        return "/orgs/acme/permissions/check?principal_id=" + principal + "&resource=" + Script.encode(resource)
                + "&action=" + action;
    }
}
