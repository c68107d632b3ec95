package dev.cameltiledb.emulator;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens ({@code /v1/token}, {@code /v1/tokens...}) and organization membership ({@code /v1/organizations/{o}/...}). */
class AccountsHttpTest extends SpecCheckedHttpTest {

    @Test
    void anIssuedTokenIsAnApiKeyUntilItIsRevoked() throws Exception {
        JsonNode token = json("POST", "/v1/token", "alice-key", "{\"name\": \"ci\", \"scope\": [\"*\"]}", 200);
        String value = token.get("token").asText();
        assertEquals("ci", token.get("name").asText());
        assertEquals(
                START.plus(Duration.ofMinutes(30)).toString(),
                token.get("expires_at").asText());
        assertEquals("alice", get("/v1/user", value).get("username").asText());

        JsonNode listed = get("/v1/tokens", "alice-key");
        assertEquals(1, listed.size());
        assertEquals("ci", listed.get(0).get("name").asText());
        assertFalse(listed.get(0).has("token"), "a listing does not show the token itself");
        assertEquals(0, get("/v1/tokens", "bob-key").size());

        // a second token of the same name is numbered, as the spec says
        assertEquals(
                "ci-1",
                json("POST", "/v1/token", "alice-key", "{\"name\": \"ci\"}", 200)
                        .get("name")
                        .asText());

        json("DELETE", "/v1/tokens/" + value, "alice-key", null, 204);
        fails("GET", "/v1/user", value, null, 401);
        assertEquals(List.of("ci-1"), ArrayViewsHttpTest.texts(names(get("/v1/tokens", "alice-key"))));

        json("DELETE", "/v1/tokens/ci-1", "alice-key", null, 204);
        assertEquals(0, get("/v1/tokens", "alice-key").size());
        fails("DELETE", "/v1/tokens/ci-1", "alice-key", null, 404);
    }

    @Test
    void tokensExpireAndRequestsForThemAreChecked() throws Exception {
        String value =
                json("POST", "/v1/token", "alice-key", null, 200).get("token").asText();
        assertEquals("token", get("/v1/tokens", "alice-key").get(0).get("name").asText());
        advance(Duration.ofMinutes(31));
        fails("GET", "/v1/user", value, null, 401);

        String later = START.plus(Duration.ofDays(1)).toString();
        JsonNode dated = json("POST", "/v1/token", "alice-key", "{\"expires\": \"" + later + "\"}", 200);
        assertEquals(later, dated.get("expires_at").asText());
        fails("POST", "/v1/token", "alice-key", "{\"expires\": \"2000-01-01T00:00:00Z\"}", 400);
        refused("POST", "/v1/token", "alice-key", "{\"scope\": [\"everything\"]}", 400);
        refused("POST", "/v1/token", "alice-key", "{\"expires\": \"tomorrow\"}", 400);
        // another user's token cannot be revoked
        String bobs = json("POST", "/v1/token", "bob-key", "{\"name\": \"b\"}", 200)
                .get("token")
                .asText();
        fails("DELETE", "/v1/tokens/" + bobs, "alice-key", null, 404);
        assertEquals("bob", get("/v1/user", bobs).get("username").asText());
        assertTrue(get("/v1/tokens/scopes", "alice-key").toString().contains("array:read-write"));
    }

    @Test
    void sessionTokensAreListedApartAndRevocable() throws Exception {
        String session =
                get("/v1/session?remember_me=true", "alice-key").get("token").asText();
        JsonNode sessions = get("/v1/tokens/session", "alice-key");
        assertEquals(1, sessions.size());
        assertEquals(
                START.plus(Duration.ofDays(30)).toString(),
                sessions.get(0).get("expires_at").asText());
        assertEquals(0, get("/v1/tokens", "alice-key").size());
        assertEquals("alice", get("/v1/user", session).get("username").asText());
        json("DELETE", "/v1/tokens/" + session, "alice-key", null, 204);
        assertEquals(0, get("/v1/tokens/session", "alice-key").size());
        fails("GET", "/v1/user", session, null, 401);
    }

    @Test
    void organizationMembersAreAddedChangedAndRemoved() throws Exception {
        JsonNode bob = get("/v1/organizations/acme/bob", "alice-key");
        assertEquals("read_only", bob.get("role").asText());
        assertEquals("acme", bob.get("organization_name").asText());
        assertEquals("bob@example.com", bob.get("user_email").asText());

        json(
                "POST",
                "/v1/organizations/acme/user",
                "alice-key",
                "{\"username\": \"carol\", \"role\": \"read_write\"}",
                204);
        assertEquals(
                "read_write",
                get("/v1/organizations/acme/carol", "carol-key").get("role").asText());
        assertEquals(3, get("/v1/organizations/acme", "alice-key").get("users").size());
        assertEquals(
                "acme", get("/v1/organizations", "carol-key").get(0).get("name").asText());
        // carol may write to acme now
        assertTrue(ArrayViewsHttpTest.texts(
                        get("/v1/arrays/acme/data/metadata", "carol-key").get("allowed_actions"))
                .contains("write"));

        json("PATCH", "/v1/organizations/acme/carol", "alice-key", "{\"role\": \"admin\"}", 204);
        assertEquals(
                "admin",
                get("/v1/organizations/acme/carol", "bob-key").get("role").asText());
        json("DELETE", "/v1/organizations/acme/bob", "carol-key", null, 204);
        assertEquals(
                404,
                send("GET", "/v1/organizations/acme/bob", "alice-key", null).statusCode());
        assertEquals(0, get("/v1/organizations", "bob-key").size());
        // a member may leave
        json("DELETE", "/v1/organizations/acme/carol", "carol-key", null, 204);
        assertEquals(1, get("/v1/organizations/acme", "alice-key").get("users").size());
    }

    @Test
    void organizationMembershipRefusesWhatTheCallerMayNotDo() throws Exception {
        fails("POST", "/v1/organizations/acme/user", "bob-key", "{\"username\": \"carol\"}", 403);
        fails("PATCH", "/v1/organizations/acme/alice", "bob-key", "{\"role\": \"read_only\"}", 403);
        fails("DELETE", "/v1/organizations/acme/alice", "bob-key", null, 403);
        assertEquals(
                404,
                send("GET", "/v1/organizations/acme/bob", "carol-key", null).statusCode());
        fails("POST", "/v1/organizations/acme/user", "alice-key", "{\"username\": \"nobody\"}", 404);
        fails("POST", "/v1/organizations/acme/user", "alice-key", "{\"username\": \"bob\"}", 409);
        fails("POST", "/v1/organizations/acme/user", "alice-key", "{\"role\": \"admin\"}", 400);
        refused(
                "POST",
                "/v1/organizations/acme/user",
                "alice-key",
                "{\"username\": \"carol\", \"role\": \"boss\"}",
                400);
        fails("DELETE", "/v1/organizations/acme/alice", "alice-key", null, 400);
        assertEquals(
                404,
                send("GET", "/v1/organizations/acme/carol", "alice-key", null).statusCode());
        assertEquals(2, get("/v1/organizations/acme", "alice-key").get("users").size());
    }

    private static JsonNode names(JsonNode tokens) {
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
        tokens.forEach(t -> out.add(t.get("name")));
        return out;
    }
}
