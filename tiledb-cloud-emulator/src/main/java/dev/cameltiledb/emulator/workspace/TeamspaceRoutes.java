package dev.cameltiledb.emulator.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.Membership;
import dev.cameltiledb.emulator.state.StoredTeamspace;
import dev.cameltiledb.emulator.state.StoredWorkspace;
import dev.cameltiledb.emulator.state.Workspaces;

/**
 * Teamspaces and their members: {@code /v4/teamspaces/{workspace}[/{teamspace}[/users[/{user_id}]]]}. Any member of
 * the workspace may create a teamspace and becomes its owner; its owners and the workspace's owners and admins change
 * and delete it. Deleting a teamspace deregisters what it holds, as the service's {@code delete-assets} describes
 * ({@code true} also deletes the stored bytes; the emulator has no storage beyond itself, so both remove them).
 */
final class TeamspaceRoutes {

    private static final Set<String> ORDER_BY = Set.of("name", "created_at", "updated_at");

    private final EmulatorState state;
    private final PlatformAccess access;
    private final TeamspaceAssets assets;

    TeamspaceRoutes(EmulatorState state, PlatformAccess access, TeamspaceAssets assets) {
        this.state = state;
        this.access = access;
        this.assets = assets;
    }

    void register(Router<Handler> router) {
        router.add("GET", "/v4/teamspaces/{workspace}", this::list)
                .add("POST", "/v4/teamspaces/{workspace}", this::create)
                .add("GET", "/v4/teamspaces/{workspace}/{teamspace}", this::get)
                .add("PATCH", "/v4/teamspaces/{workspace}/{teamspace}", this::update)
                .add("DELETE", "/v4/teamspaces/{workspace}/{teamspace}", this::delete);
        new MemberRoutes(
                        state,
                        access,
                        call -> scope(access.space(call)),
                        call -> scope(access.administeredSpace(call)),
                        false)
                .register(router, "/v4/teamspaces/{workspace}/{teamspace}/users");
    }

    /**
     * {@code memberships=true} (the default): the teamspaces the caller belongs to (all of them for a workspace
     * owner or admin); {@code false}: the public ones it does not belong to. Ordered by {@code order_by} (default
     * {@code created_at}) and {@code order} (default {@code desc}), then by name.
     */
    private void list(HttpCall call) {
        String orderBy = call.query("order_by") == null ? "created_at" : call.query("order_by");
        String order = call.query("order") == null ? "desc" : call.query("order");
        if (!ORDER_BY.contains(orderBy)) {
            throw ApiFailure.badRequest("order_by must be one of " + ORDER_BY + ", was '" + orderBy + "'");
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiFailure.badRequest("order must be asc or desc, was '" + order + "'");
        }
        boolean memberships = !Boolean.FALSE.equals(call.queryBoolean("memberships"));
        String username = call.user().username();
        StoredWorkspace workspace = access.workspace(call);
        Comparator<StoredTeamspace> comparator = switch (orderBy) {
            case "name" -> Comparator.comparing((StoredTeamspace t) -> t.name);
            case "updated_at" -> Comparator.comparing((StoredTeamspace t) -> changedAt(t));
            default -> Comparator.comparing((StoredTeamspace t) -> t.createdAt);
        };
        if (order.equals("desc")) {
            comparator = comparator.reversed();
        }
        List<PlatformAnswers.TeamspaceInfo> teamspaces = workspace.teamspaces.stream()
                .filter(t -> memberships
                        ? state.workspaces().isMember(username, workspace, t)
                        : t.isPublic() && !state.workspaces().isMember(username, workspace, t))
                .sorted(comparator.thenComparing(t -> t.name))
                .map(t -> info(workspace, t, username))
                .toList();
        call.json(200, new PlatformAnswers.Data(teamspaces));
    }

    /** Body {@code TeamspacesCreateRequest}: name (required), description, icon, visibility. */
    private void create(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        String name = Json.name(body, "name");
        String visibility = visibility(body, "visibility");
        StoredWorkspace workspace = access.workspace(call);
        if (workspace.teamspace(name) != null) {
            throw ApiFailure.conflict("teamspace " + workspace.name + "/" + name + " already exists");
        }
        String username = call.user().username();
        StoredTeamspace teamspace = Workspaces.newTeamspace(workspace, name, username, state.now());
        teamspace.description = Json.optionalText(body, "description");
        teamspace.icon = Json.optionalText(body, "icon");
        teamspace.visibility = visibility == null ? "private" : visibility;
        teamspace.members.put(username, new Membership("owner", username, state.now()));
        workspace.teamspaces.add(teamspace);
        state.changes().accountsChanged();
        call.json(201, new PlatformAnswers.Data(info(workspace, teamspace, username)));
    }

    private void get(HttpCall call) {
        PlatformAccess.Space space = access.space(call);
        call.json(
                200,
                new PlatformAnswers.Data(
                        info(space.workspace(), space.teamspace(), call.user().username())));
    }

    /** Body {@code TeamspaceUpdateRequest}: name, description, icon, visibility_level; absent fields stay. */
    private void update(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        String visibility = visibility(body, "visibility_level");
        PlatformAccess.Space space = access.administeredSpace(call);
        StoredTeamspace teamspace = space.teamspace();
        if (body.get("name") != null) {
            String name = Json.name(body, "name");
            if (!name.equals(teamspace.name)) {
                if (space.workspace().teamspace(name) != null) {
                    throw ApiFailure.conflict("teamspace " + space.workspace().name + "/" + name + " already exists");
                }
                String old = space.namespace();
                teamspace.name = name;
                state.catalog().renameNamespace(old, space.namespace());
            }
        }
        if (body.containsKey("description")) {
            teamspace.description = Json.optionalText(body, "description");
        }
        if (body.containsKey("icon")) {
            teamspace.icon = Json.optionalText(body, "icon");
        }
        if (visibility != null) {
            teamspace.visibility = visibility;
        }
        teamspace.updatedAt = state.now();
        state.changes().accountsChanged();
        call.noContent();
    }

    private void delete(HttpCall call) {
        call.queryBoolean("delete-assets"); // checked for its form; both values deregister everything inside
        PlatformAccess.Space space = access.administeredSpace(call);
        assets.removeAll(space.namespace());
        space.workspace().teamspaces.remove(space.teamspace());
        space.workspace().credentials.removeIf(c -> space.teamspace().name.equals(c.teamspace()));
        state.changes().accountsChanged();
        call.noContent();
    }

    private static String visibility(Map<?, ?> body, String field) {
        String visibility = Json.optionalText(body, field);
        if (visibility != null && !StoredTeamspace.VISIBILITIES.contains(visibility)) {
            throw ApiFailure.badRequest(
                    field + " must be one of " + StoredTeamspace.VISIBILITIES + ", was '" + visibility + "'");
        }
        return visibility;
    }

    private static java.time.Instant changedAt(StoredTeamspace t) {
        return t.updatedAt != null ? t.updatedAt : t.createdAt;
    }

    PlatformAnswers.TeamspaceInfo info(StoredWorkspace workspace, StoredTeamspace t, String caller) {
        return new PlatformAnswers.TeamspaceInfo(
                t.id,
                t.name,
                "teamspace",
                t.icon,
                t.createdAt,
                t.createdBy == null ? null : access.member(t.createdBy, t.members.get(t.createdBy)),
                t.description,
                access.member(t.members, caller),
                t.visibility,
                changedAt(t));
    }

    private MemberRoutes.Scope scope(PlatformAccess.Space space) {
        return new MemberRoutes.Scope() {
            @Override
            public String describe() {
                return "teamspace " + space.namespace();
            }

            @Override
            public Map<String, Membership> members() {
                return space.teamspace().members;
            }

            @Override
            public Set<String> roles() {
                return StoredTeamspace.ROLES;
            }

            @Override
            public void checkJoin(User user) {
                if (!space.workspace().members.containsKey(user.username())) {
                    throw ApiFailure.badRequest(user.username() + " is not a member of workspace "
                            + space.workspace().name + "; add it to the workspace first");
                }
            }

            @Override
            public void changed() {
                space.teamspace().updatedAt = state.now();
                state.changes().accountsChanged();
            }
        };
    }
}
