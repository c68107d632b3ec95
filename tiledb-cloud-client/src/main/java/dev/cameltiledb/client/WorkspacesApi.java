package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.client.model.workspace.DeploymentUser;
import dev.cameltiledb.client.model.workspace.SelfUser;
import dev.cameltiledb.client.model.workspace.UserWorkspace;
import dev.cameltiledb.client.model.workspace.Workspace;
import dev.cameltiledb.client.model.workspace.WorkspaceUpdate;

/**
 * The session user and its workspaces on the workspace platform: the user functions of Python's
 * {@code tiledb.client} ({@code get_self_user}, {@code get_user}, {@code get_user_workspaces},
 * {@code get_workspace}, {@code get_workspace_id}) and the workspace calls of {@code /v4}. A workspace left null is
 * the session's ({@link ClientSettings#workspace()}).
 */
public final class WorkspacesApi {

    private final WorkspaceCalls calls;

    WorkspacesApi(WorkspaceCalls calls) {
        this.calls = calls;
    }

    /** {@code get_self_user}: the session user and its workspaces ({@code GET /v4/users/self}). */
    public SelfUser self() {
        return calls.one(WorkspaceCalls.get("users", "self"), SelfUser.class);
    }

    /** {@code get_user} and {@code default_user}: the session's deployment user, from {@code GET /v4/users/self}. */
    public DeploymentUser user() {
        return self().user();
    }

    /** Another user of the deployment, by id or user name ({@code GET /v4/users/{user_id}}). */
    public DeploymentUser user(String user) {
        return calls.one(WorkspaceCalls.get("users", user), DeploymentUser.class);
    }

    /** {@code get_user_workspaces}: the session user's relationships with workspaces, from {@code /v4/users/self}. */
    public List<UserWorkspace> userWorkspaces() {
        List<UserWorkspace> workspaces = self().workspaces();
        return workspaces == null ? List.of() : workspaces;
    }

    /** {@code get_workspace}: a workspace by name or id, the session's when null. */
    public Workspace get(String workspace) {
        return calls.one(WorkspaceCalls.get("workspaces", calls.workspace(workspace)), Workspace.class);
    }

    /** {@code get_workspace_id}: the id of a workspace (the session's when null), asked of the service. */
    public String id(String workspace) {
        return get(workspace).workspaceId();
    }

    /** Changes a workspace's name, description or image (owners and admins). */
    public void update(String workspace, WorkspaceUpdate update) {
        calls.send(
                WorkspaceCalls.patch("workspaces", calls.workspace(workspace)).json(update));
    }

    /** The members of a workspace (the session's when null). */
    public SpaceMembers members(String workspace) {
        return new SpaceMembers(calls, List.of("workspaceusers", calls.workspace(workspace)));
    }
}
