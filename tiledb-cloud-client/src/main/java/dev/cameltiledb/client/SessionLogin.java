package dev.cameltiledb.client;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cameltiledb.client.model.workspace.Data;
import dev.cameltiledb.client.model.workspace.Workspace;

/**
 * Exchanges a user name and password (sent as HTTP basic auth) for the session token every later request sends as
 * {@code X-TILEDB-REST-API-KEY}, the way TileDB's Python clients log in:
 * <ul>
 *   <li>classic TileDB Cloud ({@code tiledb.cloud.login}): {@code GET /v1/session?remember_me=true};
 *   <li>the workspace platform ({@code tiledb.client.login}): {@code GET /v4/workspaces/{workspace}} for the
 *       workspace's id, then {@code POST /v4/tokens} for a token of that workspace (scope {@code *}, named
 *       {@code login-session-<uuid>}).
 * </ul>
 * The workspace platform's flow is used when the settings name that platform ({@code serverGeneration} workspace),
 * or, with {@code auto}, when a workspace is configured: a classic session has none, and a login must not cost a
 * server-generation question. There it needs the workspace, as Python's does.
 */
final class SessionLogin {

    private final RestTransport transport;
    private final ClientSettings settings;

    SessionLogin(RestTransport transport, ClientSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    /** Logs in once and returns the session token; never null or blank. */
    String token() {
        String token = onWorkspacePlatform() ? workspaceToken() : classicToken();
        if (token == null || token.isBlank()) {
            throw new TileDBAuthenticationException(
                    200,
                    null,
                    "the login answer held no token",
                    null,
                    onWorkspacePlatform() ? "POST" : "GET",
                    onWorkspacePlatform() ? "/v4/tokens" : "/v1/session",
                    "tried " + settings.credentials().describe() + " at " + settings.host());
        }
        return token;
    }

    private boolean onWorkspacePlatform() {
        return switch (settings.serverGeneration()) {
            case WORKSPACE -> true;
            case CLASSIC -> false;
            case AUTO -> hasText(settings.workspace());
        };
    }

    private String classicToken() {
        SessionToken session = transport.callWithPassword(
                RestRequest.get("v1", "session").query("remember_me", true), transport.type(SessionToken.class));
        return session == null ? null : session.token();
    }

    @SuppressWarnings("unchecked")
    private String workspaceToken() {
        String workspace = settings.workspace();
        if (!hasText(workspace)) {
            throw new TileDBConfigurationException("Logging in with a user name and password on the workspace platform"
                    + " needs a workspace: set the workspace option, rest.workspace in the profile or"
                    + " TILEDB_REST_WORKSPACE");
        }
        Data<Workspace> found = transport.callWithPassword(
                RestRequest.get("v4", "workspaces", workspace), transport.dataOf(Workspace.class));
        String workspaceId = found.data().workspaceId();
        Data<IssuedToken> issued = transport.callWithPassword(
                RestRequest.post("v4", "tokens")
                        .json(Map.of(
                                "name",
                                "login-session-" + UUID.randomUUID(),
                                "scope",
                                "*",
                                "workspace_id",
                                workspaceId)),
                transport.dataOf(IssuedToken.class));
        return issued.data() == null ? null : issued.data().apiKey();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** The one field of the classic {@code Token} answer the client needs; never printed. */
    record SessionToken(String token) {
        @Override
        public String toString() {
            return "SessionToken[xxxxxx]";
        }
    }

    /** The fields of the {@code /v4} {@code APIToken} answer the client needs; never printed. */
    record IssuedToken(
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("workspace_id") String workspaceId) {
        @Override
        public String toString() {
            return "IssuedToken[xxxxxx, workspace " + workspaceId + "]";
        }
    }
}
