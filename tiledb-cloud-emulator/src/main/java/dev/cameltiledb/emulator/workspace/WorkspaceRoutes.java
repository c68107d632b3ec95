package dev.cameltiledb.emulator.workspace;

import java.util.Map;
import java.util.Set;

import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.Membership;
import dev.cameltiledb.emulator.state.StoredTeamspace;
import dev.cameltiledb.emulator.state.StoredWorkspace;

/**
 * A workspace and its members: {@code GET/PATCH /v4/workspaces/{workspace}} and {@code /v4/workspaceusers/...}.
 * Members see the workspace; its owners and admins change it and its members. A member who leaves the workspace
 * leaves its teamspaces too.
 */
final class WorkspaceRoutes {

    private final EmulatorState state;
    private final PlatformAccess access;

    WorkspaceRoutes(EmulatorState state, PlatformAccess access) {
        this.state = state;
        this.access = access;
    }

    void register(Router<Handler> router) {
        router.add("GET", "/v4/workspaces/{workspace}", this::get)
                .add("PATCH", "/v4/workspaces/{workspace}", this::update);
        new MemberRoutes(
                        state,
                        access,
                        call -> scope(access.workspace(call)),
                        call -> scope(access.administeredWorkspace(call)),
                        true)
                .register(router, "/v4/workspaceusers/{workspace}");
    }

    private void get(HttpCall call) {
        call.json(
                200,
                new PlatformAnswers.Data(
                        access.workspaceInfo(access.workspace(call), call.user().username())));
    }

    /** Body {@code WorkspaceUpdateRequest}: name, description, image; absent fields stay. */
    private void update(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        StoredWorkspace workspace = access.administeredWorkspace(call);
        if (body.get("name") != null) {
            String name = Json.name(body, "name");
            if (!name.equals(workspace.name)) {
                if (state.workspaces().workspace(name) != null) {
                    throw ApiFailure.conflict("workspace " + name + " already exists");
                }
                String old = workspace.name;
                state.workspaces().rename(workspace, name);
                for (StoredTeamspace t : workspace.teamspaces) {
                    state.catalog().renameNamespace(old + "/" + t.name, name + "/" + t.name);
                }
            }
        }
        if (body.containsKey("description")) {
            workspace.description = Json.optionalText(body, "description");
        }
        if (body.containsKey("image")) {
            workspace.imageId = Json.optionalText(body, "image");
        }
        workspace.updatedAt = state.now();
        state.changes().accountsChanged();
        call.noContent();
    }

    private MemberRoutes.Scope scope(StoredWorkspace workspace) {
        return new MemberRoutes.Scope() {
            @Override
            public String describe() {
                return "workspace " + workspace.name;
            }

            @Override
            public Map<String, Membership> members() {
                return workspace.members;
            }

            @Override
            public Set<String> roles() {
                return StoredWorkspace.ROLES;
            }

            @Override
            public void removed(String username) {
                workspace.teamspaces.forEach(t -> t.members.remove(username));
            }

            @Override
            public void changed() {
                workspace.updatedAt = state.now();
                state.changes().accountsChanged();
            }
        };
    }
}
