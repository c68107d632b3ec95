package dev.cameltiledb.emulator.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.classic.ArrayRoutes;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.Membership;

/**
 * The members of a workspace ({@code /v4/workspaceusers/{workspace}[/{user_id}]}) or of a teamspace
 * ({@code /v4/teamspaces/{workspace}/{teamspace}/users[/{user_id}]}): list, add, get, change role, remove. Both
 * behave the same but for their {@link Scope}, so one class serves both. The last owner can be neither removed nor
 * demoted (409): a workspace or teamspace without an owner could not be administered by its members any more.
 */
final class MemberRoutes {

    /** Which members a request is about, and what changing them involves. */
    interface Scope {
        String describe();

        Map<String, Membership> members();

        Set<String> roles();

        /** Throws when the user may not join (a teamspace takes only members of its workspace). */
        default void checkJoin(User user) {}

        /** After a member left: what else it loses (a workspace's teamspaces). */
        default void removed(String username) {}

        /** After any change. */
        void changed();
    }

    private final EmulatorState state;
    private final PlatformAccess access;
    /** The scope of a request the caller may read, and of one it wants to change (403 when it may not). */
    private final Function<HttpCall, Scope> readable;

    private final Function<HttpCall, Scope> changeable;
    /** Whether the list has pagination (workspace users) or is one list (teamspace users), as the Java client has it. */
    private final boolean paged;

    MemberRoutes(
            EmulatorState state,
            PlatformAccess access,
            Function<HttpCall, Scope> readable,
            Function<HttpCall, Scope> changeable,
            boolean paged) {
        this.state = state;
        this.access = access;
        this.readable = readable;
        this.changeable = changeable;
        this.paged = paged;
    }

    void register(Router<Handler> router, String base) {
        router.add("GET", base, this::list)
                .add("POST", base, this::add)
                .add("GET", base + "/{user_id}", this::get)
                .add("PATCH", base + "/{user_id}", this::changeRole)
                .add("DELETE", base + "/{user_id}", this::remove);
    }

    private void list(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        String search =
                call.query("search") == null ? null : call.query("search").toLowerCase(Locale.ROOT);
        Scope scope = readable.apply(call);
        List<PlatformAnswers.Member> members = scope.members().entrySet().stream()
                .map(e -> access.member(e.getKey(), e.getValue()))
                .filter(m -> search == null || matches(m, search))
                .sorted(java.util.Comparator.comparing(PlatformAnswers.Member::username))
                .toList();
        call.json(
                200,
                paged ? PlatformAnswers.Page.of(members, page, perPage, m -> m) : new PlatformAnswers.Data(members));
    }

    private static boolean matches(PlatformAnswers.Member m, String search) {
        return m.username().toLowerCase(Locale.ROOT).contains(search)
                || m.displayName() != null
                        && m.displayName().toLowerCase(Locale.ROOT).contains(search)
                || m.email() != null && m.email().toLowerCase(Locale.ROOT).contains(search);
    }

    /** Body {@code [{"user_id": id or username, "role": ...}]}; all are added or none. */
    private void add(HttpCall call) {
        List<?> body = call.body(List.class);
        if (body.isEmpty()) {
            throw ApiFailure.badRequest("the body must list at least one user");
        }
        Scope scope = changeable.apply(call);
        Map<String, Membership> toAdd = new java.util.LinkedHashMap<>();
        for (Object item : body) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw ApiFailure.badRequest("each entry must be an object with user_id and role");
            }
            User user = access.user(Json.text(entry, "user_id"));
            String role = role(scope, Json.text(entry, "role"));
            if (scope.members().containsKey(user.username()) || toAdd.containsKey(user.username())) {
                throw ApiFailure.conflict(user.username() + " is already a member of " + scope.describe());
            }
            scope.checkJoin(user);
            toAdd.put(user.username(), new Membership(role, call.user().username(), state.now()));
        }
        scope.members().putAll(toAdd);
        scope.changed();
        List<PlatformAnswers.Member> added = new ArrayList<>();
        toAdd.forEach((username, m) -> added.add(access.member(username, m)));
        call.json(201, new PlatformAnswers.Data(added));
    }

    private void get(HttpCall call) {
        Scope scope = readable.apply(call);
        String username = memberName(call, scope);
        call.json(
                200,
                new PlatformAnswers.Data(access.member(username, scope.members().get(username))));
    }

    private void changeRole(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        Scope scope = changeable.apply(call);
        String role = role(scope, Json.text(body, "role"));
        String username = memberName(call, scope);
        if (!role.equals("owner")) {
            requireAnotherOwner(scope, username);
        }
        scope.members().put(username, scope.members().get(username).withRole(role));
        scope.changed();
        call.noContent();
    }

    private void remove(HttpCall call) {
        Scope scope = changeable.apply(call);
        String username = memberName(call, scope);
        requireAnotherOwner(scope, username);
        scope.members().remove(username);
        scope.removed(username);
        scope.changed();
        call.noContent();
    }

    private String memberName(HttpCall call, Scope scope) {
        String wanted = call.path("user_id");
        User user = state.accounts().userByNameOrId(wanted);
        if (user == null || !scope.members().containsKey(user.username())) {
            throw ApiFailure.notFound("user " + wanted + " is not a member of " + scope.describe());
        }
        return user.username();
    }

    private static void requireAnotherOwner(Scope scope, String username) {
        Membership m = scope.members().get(username);
        boolean otherOwner = scope.members().entrySet().stream()
                .anyMatch(
                        e -> !e.getKey().equals(username) && e.getValue().role().equals("owner"));
        if (m.role().equals("owner") && !otherOwner) {
            throw ApiFailure.conflict(username + " is the last owner of " + scope.describe());
        }
    }

    private static String role(Scope scope, String role) {
        if (!scope.roles().contains(role)) {
            throw ApiFailure.badRequest("role must be one of " + scope.roles() + ", was '" + role + "'");
        }
        return role;
    }
}
