package dev.cameltiledb.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The caller, its organizations, and session tokens: {@code /v1/user}, {@code /v1/organizations}, {@code /v1/session}. */
final class UserRoutes {

    private final EmulatorState state;

    UserRoutes(EmulatorState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("GET", "/v1/user", this::profile)
                .add("GET", "/v1/organizations", this::organizations)
                .add("GET", "/v1/organizations/{organization}", this::organization)
                .add("GET", "/v1/session", this::session);
    }

    private void profile(HttpCall call) {
        User user = call.user();
        call.json(200, state.locked(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", state.idOf(user.username()));
            m.put("username", user.username());
            if (user.name() != null) {
                m.put("name", user.name());
            }
            m.put("email", user.email());
            m.put("is_valid_email", true);
            m.put(
                    "organizations",
                    state.organizationsOf(user).stream()
                            .map(o -> membership(o, user.username()))
                            .toList());
            m.put("allowed_actions", user.allowedActions());
            m.put("unpaid_subscription", false);
            putIfSet(m, "default_s3_path", user.defaultS3Path());
            putIfSet(m, "default_s3_path_credentials_name", user.defaultS3PathCredentialsName());
            putIfSet(m, "default_namespace_charged", user.defaultNamespaceCharged());
            return m;
        }));
    }

    private void organizations(HttpCall call) {
        call.json(
                200,
                state.locked(() -> state.organizationsOf(call.user()).stream()
                        .map(o -> organization(o, call.user().username()))
                        .toList()));
    }

    /** By name or id; one the caller is not a member of is not found. */
    private void organization(HttpCall call) {
        String wanted = call.path("organization");
        call.json(
                200,
                state.locked(() -> state.organizationsOf(call.user()).stream()
                        .filter(o ->
                                o.name().equals(wanted) || state.idOf(o.name()).equals(wanted))
                        .findFirst()
                        .map(o -> organization(o, call.user().username()))
                        .orElseThrow(() -> ApiFailure.notFound(
                                "organization " + wanted + " does not exist or you are not a member"))));
    }

    /** Issues a session token (30 days with remember_me, else 30 minutes) that then works as an API key. */
    private void session(HttpCall call) {
        boolean rememberMe = Boolean.TRUE.equals(call.queryBoolean("remember_me"));
        String token = "session-" + UUID.randomUUID();
        Instant issued = state.now();
        state.locked(() -> {
            state.addSessionToken(token, call.user().username());
            return null;
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", token);
        m.put("name", "session");
        m.put("issued_at", issued.toString());
        m.put(
                "expires_at",
                issued.plus(rememberMe ? Duration.ofDays(30) : Duration.ofMinutes(30))
                        .toString());
        m.put("scope", List.of("*"));
        call.json(200, m);
    }

    private Map<String, Object> organization(Organization o, String username) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", state.idOf(o.name()));
        m.put("role", o.members().get(username));
        m.put("name", o.name());
        m.put(
                "users",
                o.members().keySet().stream()
                        .sorted()
                        .map(member -> membership(o, member))
                        .toList());
        m.put("allowed_actions", Organization.actionsOf(o.members().get(username)));
        m.put(
                "num_of_arrays",
                state.arrays().stream()
                        .filter(a -> a.namespace.equals(o.name()))
                        .count());
        m.put("unpaid_subscription", false);
        return m;
    }

    private Map<String, Object> membership(Organization o, String username) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", state.idOf(username));
        m.put("organization_id", state.idOf(o.name()));
        m.put("username", username);
        m.put("organization_name", o.name());
        m.put("role", o.members().get(username));
        m.put("allowed_actions", Organization.actionsOf(o.members().get(username)));
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
