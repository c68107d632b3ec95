package dev.cameltiledb.emulator.classic;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.IssuedTokens;

/**
 * API tokens: {@code POST /v1/token} issues one, {@code GET /v1/tokens} and {@code GET /v1/tokens/session} list the
 * caller's tokens and session tokens, {@code DELETE /v1/tokens/{token}} revokes one (by value or name), and
 * {@code GET /v1/tokens/scopes} lists the scopes. An issued token is an API key ({@code X-TILEDB-REST-API-KEY}) until
 * it expires or is revoked. Listings leave out the token's value, which only its issuing answer carries; the scope is
 * recorded and shown, not enforced.
 */
public final class TokenRoutes {

    /** The spec's {@code TokenScope} values. */
    public static final List<String> SCOPES = List.of(
            "password_reset",
            "confirm_email",
            "*",
            "user:read",
            "user:read-write",
            "user:admin",
            "array:read",
            "array:read-write",
            "array:admin",
            "organization:read",
            "organization:read-write",
            "organization:admin",
            "group:read",
            "group:read-write",
            "group:admin");

    /** What a token request without {@code expires} gets, as the spec says. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    private final EmulatorState state;

    public TokenRoutes(EmulatorState state) {
        this.state = state;
    }

    public void register(Router<Handler> router) {
        router.add("POST", "/v1/token", this::request)
                .add("GET", "/v1/tokens", call -> list(call, false))
                .add("GET", "/v1/tokens/session", call -> list(call, true))
                .add("GET", "/v1/tokens/scopes", call -> call.json(200, SCOPES))
                .add("DELETE", "/v1/tokens/{token}", this::revoke);
    }

    /** Issues a token from an optional {@code TokenRequest}; a name the caller used already gets a suffix. */
    @SuppressWarnings("unchecked")
    private void request(HttpCall call) {
        Map<String, Object> body = call.hasNoBody() ? Map.of() : call.body(LinkedHashMap.class);
        Instant now = state.now();
        Instant expires = body.get("expires") == null ? now.plus(DEFAULT_LIFETIME) : instant(body.get("expires"));
        if (!expires.isAfter(now)) {
            throw ApiFailure.badRequest("expires must be in the future, was " + expires);
        }
        Object name = body.get("name");
        if (name != null && (!(name instanceof String s) || s.isBlank())) {
            throw ApiFailure.badRequest("name must be a non-empty string");
        }
        Object rawScope = body.get("scope");
        if (rawScope != null
                && !(rawScope instanceof List<?> list && list.stream().allMatch(SCOPES::contains))) {
            throw ApiFailure.badRequest("scope must be a list of " + SCOPES + ", was " + rawScope);
        }
        List<String> scope = rawScope == null || ((List<?>) rawScope).isEmpty()
                ? List.of("*")
                : List.copyOf((List<String>) rawScope);
        String username = call.user().username();
        IssuedTokens.Issued t = new IssuedTokens.Issued(
                "token-" + UUID.randomUUID(),
                state.accounts().issuedTokens().freeName(username, name == null ? "token" : (String) name),
                username,
                now,
                expires,
                scope,
                false);
        state.accounts().issueToken(t);
        IssuedTokens.Issued issued = t;
        call.json(200, answer(issued, true));
    }

    private void list(HttpCall call, boolean session) {
        call.json(
                200,
                state.accounts().issuedTokens().of(call.user().username(), session).stream()
                        .map(t -> answer(t, false))
                        .toList());
    }

    private void revoke(HttpCall call) {
        String wanted = call.path("token");
        IssuedTokens.Issued token =
                state.accounts().issuedTokens().find(call.user().username(), wanted);
        if (token == null) {
            throw ApiFailure.notFound(
                    "no token " + wanted + " of user " + call.user().username());
        }
        state.accounts().revokeToken(token);
        call.noContent();
    }

    /** A {@code Token}; its value only when it is being issued. */
    static Map<String, Object> answer(IssuedTokens.Issued t, boolean withValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (withValue) {
            m.put("token", t.token());
        }
        m.put("name", t.name());
        m.put("issued_at", t.issuedAt().toString());
        m.put("expires_at", t.expiresAt().toString());
        m.put("scope", t.scope());
        return m;
    }

    private static Instant instant(Object value) {
        try {
            return java.time.OffsetDateTime.parse(value.toString()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiFailure.badRequest("expires must be an RFC 3339 date-time, was '" + value + "'");
        }
    }
}
