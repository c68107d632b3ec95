package dev.cameltiledb.emulator.workspace;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.emulator.classic.TokenRoutes;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.IssuedTokens;
import dev.cameltiledb.emulator.state.StoredWorkspace;

/**
 * {@code POST /v4/tokens}: how {@code tiledb.client.login(username, password)} gets its session, a token scoped to one
 * workspace (the {@code TokenCreateRequest} and {@code APIToken} models of TileDB's generated v4 client). With
 * {@code workspace_id} (an id or a name, of a workspace the caller is a member of) it is an API token, named as the
 * request says and given as {@code tiledb_<random>}; without, a session token. Either authenticates like an API key
 * ({@code X-TILEDB-REST-API-KEY}) or as an OAuth2 bearer token until it expires; the emulator records its scope and
 * does not enforce it. Tokens live in memory, as the v1 tokens do.
 */
final class PlatformTokenRoutes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmulatorState state;

    PlatformTokenRoutes(EmulatorState state) {
        this.state = state;
    }

    void register(Router<Handler> router) {
        router.add("POST", "/v4/tokens", this::create);
    }

    /** {@code APIToken}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiToken(
            String tokenId,
            String name,
            Instant createdAt,
            Instant expiresAt,
            String apiKey,
            String workspaceId,
            String scope) {}

    @SuppressWarnings("unchecked")
    private void create(HttpCall call) {
        Map<String, Object> body = call.hasNoBody() ? Map.of() : call.body(LinkedHashMap.class);
        Object scope = body.get("scope");
        if (!(scope instanceof String s) || !TokenRoutes.SCOPES.contains(s)) {
            throw ApiFailure.badRequest("scope is required, one of " + TokenRoutes.SCOPES + "; was " + scope);
        }
        Object name = body.get("name");
        if (name != null && (!(name instanceof String n) || n.isBlank())) {
            throw ApiFailure.badRequest("name must be a non-empty string");
        }
        Object wantedWorkspace = body.get("workspace_id");
        if (wantedWorkspace != null && name == null) {
            throw ApiFailure.badRequest("name is required for a token with a workspace_id (an API token)");
        }
        Instant now = state.now();
        Instant expires = body.get("expires_at") == null ? now.plus(TokenRoutes.DEFAULT_LIFETIME) : instant(body);
        if (!expires.isAfter(now)) {
            throw ApiFailure.badRequest("expires_at must be in the future, was " + expires);
        }
        String username = call.user().username();
        String workspaceId = null;
        if (wantedWorkspace != null) {
            StoredWorkspace workspace = state.workspaces().workspace(String.valueOf(wantedWorkspace));
            if (workspace == null || !workspace.members.containsKey(username)) {
                throw ApiFailure.notFound("workspace " + wantedWorkspace + " does not exist or you are not a member");
            }
            workspaceId = workspace.id;
        }
        String value =
                (workspaceId != null ? "tiledb_" : "session_") + HexFormat.of().formatHex(random(24));
        IssuedTokens.Issued issued = new IssuedTokens.Issued(
                value,
                state.accounts().issuedTokens().freeName(username, name == null ? "session" : (String) name),
                username,
                now,
                expires,
                List.of((String) scope),
                workspaceId == null);
        state.accounts().issueToken(issued);
        ApiToken token = new ApiToken(
                "tok_" + HexFormat.of().formatHex(random(10)), issued.name(), now, expires, value, workspaceId, (String)
                        scope);
        call.json(201, new PlatformAnswers.Data(token));
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    private static Instant instant(Map<String, Object> body) {
        Object value = body.get("expires_at");
        try {
            return OffsetDateTime.parse(String.valueOf(value)).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiFailure.badRequest("expires_at must be an RFC 3339 date-time, was '" + value + "'");
        }
    }
}
