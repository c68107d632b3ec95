package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 001's {@code login(username, password)} on the workspace platform, as {@code tiledb.client} does it: the
 * workspace by name ({@code GET /v4/workspaces/{ws}}), then a workspace-scoped token ({@code POST /v4/tokens}), both
 * over basic auth; and seed 004's third scheme, OAuth2: a token the emulator issued, sent as
 * {@code Authorization: Bearer}, authenticates until it expires, on either platform.
 */
class TokenLoginHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpecCheckedHttpTest.SteppedClock clock = new SpecCheckedHttpTest.SteppedClock();
    private TileDBEmulator workspaces;
    private TileDBEmulator classic;

    @BeforeEach
    void start() {
        workspaces = TileDBEmulator.builder()
                .workspaceServer()
                .clock(clock)
                .user("alice", "alice-key")
                .user("bob", "bob-key")
                .workspace("acme", Map.of("alice", "owner"))
                .build()
                .start();
        classic = TileDBEmulator.builder()
                .clock(clock)
                .user("alice", "alice-key")
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        workspaces.stop();
        classic.stop();
    }

    private static String basic(String user) {
        // the builder's users log in with the password <apiKey>-password
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-key-password").getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(
            TileDBEmulator emulator, String method, String path, Map<String, String> headers, String body)
            throws Exception {
        return EmulatorRequests.sendWithHeaders(emulator, method, path, headers, body);
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void pythonsLoginFlowGivesAWorkspaceScopedTokenThatAuthenticates() throws Exception {
        Map<String, String> password = Map.of("Authorization", basic("alice"));
        String workspaceId = json(send(workspaces, "GET", "/v4/workspaces/acme", password, null), 200)
                .get("data")
                .get("workspace_id")
                .asText();

        JsonNode token = json(
                        send(
                                workspaces,
                                "POST",
                                "/v4/tokens",
                                password,
                                "{\"name\": \"login-session-1\", \"scope\": \"*\", \"workspace_id\": \"" + workspaceId
                                        + "\"}"),
                        201)
                .get("data");
        assertEquals(workspaceId, token.get("workspace_id").asText());
        assertEquals("login-session-1", token.get("name").asText());
        assertEquals("*", token.get("scope").asText());
        String apiKey = token.get("api_key").asText();
        assertTrue(apiKey.startsWith("tiledb_"), apiKey);
        for (String field : List.of("token_id", "created_at", "expires_at")) {
            assertTrue(token.hasNonNull(field), field + " in " + token);
        }

        Map<String, String> byKey = Map.of("X-TILEDB-REST-API-KEY", apiKey);
        assertEquals(
                "alice",
                json(send(workspaces, "GET", "/v4/users/self", byKey, null), 200)
                        .get("data")
                        .get("user")
                        .get("username")
                        .asText());
        Map<String, String> byBearer = Map.of("Authorization", "Bearer " + apiKey);
        assertEquals(
                "alice",
                json(send(workspaces, "GET", "/v4/users/self", byBearer, null), 200)
                        .get("data")
                        .get("user")
                        .get("username")
                        .asText());
    }

    @Test
    void aTokenRequestPythonsClientWouldNotSendIsRefused() throws Exception {
        Map<String, String> alice = Map.of("Authorization", basic("alice"));
        Map<String, String> bob = Map.of("Authorization", basic("bob"));
        json(send(workspaces, "POST", "/v4/tokens", alice, "{\"name\": \"n\"}"), 400); // no scope
        json(send(workspaces, "POST", "/v4/tokens", alice, "{\"scope\": \"fly\"}"), 400);
        json(send(workspaces, "POST", "/v4/tokens", alice, "{\"scope\": \"*\", \"workspace_id\": \"acme\"}"), 400);
        json(
                send(
                        workspaces,
                        "POST",
                        "/v4/tokens",
                        bob,
                        "{\"name\": \"n\", \"scope\": \"*\", \"workspace_id\":" + " \"acme\"}"),
                404); // bob is no member of acme
        json(send(workspaces, "POST", "/v4/tokens", Map.of(), "{\"scope\": \"*\"}"), 401);
    }

    @Test
    void aBearerTokenAuthenticatesOnlyWhileTheEmulatorIssuedItAndItIsValid() throws Exception {
        // on the classic platform: a token of POST /v1/token, an hour long
        String expires = clock.instant().plus(Duration.ofHours(1)).toString();
        String token = json(
                        send(
                                classic,
                                "POST",
                                "/v1/token",
                                Map.of("X-TILEDB-REST-API-KEY", "alice-key"),
                                "{\"name\": \"oauth\", \"expires\": \"" + expires + "\"}"),
                        200)
                .get("token")
                .asText();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        assertEquals(
                "alice",
                json(send(classic, "GET", "/v1/user", bearer, null), 200)
                        .get("username")
                        .asText());

        // a seeded API key is no access token, and an unknown one is refused
        json(send(classic, "GET", "/v1/user", Map.of("Authorization", "Bearer alice-key"), null), 401);
        json(send(classic, "GET", "/v1/user", Map.of("Authorization", "Bearer made-up"), null), 401);

        clock.advance(Duration.ofHours(2));
        json(send(classic, "GET", "/v1/user", bearer, null), 401);
    }
}
