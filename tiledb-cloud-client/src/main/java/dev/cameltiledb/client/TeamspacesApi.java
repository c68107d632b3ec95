package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.client.model.workspace.Teamspace;
import dev.cameltiledb.client.model.workspace.TeamspaceCreate;
import dev.cameltiledb.client.model.workspace.TeamspaceUpdate;

/**
 * The teamspaces of a workspace ({@code /v4/teamspaces}). Workspaces and teamspaces are named by name or id; a
 * workspace left null is the session's.
 */
public final class TeamspacesApi {

    private static final String TEAMSPACES = "teamspaces";

    private final WorkspaceCalls calls;

    TeamspacesApi(WorkspaceCalls calls) {
        this.calls = calls;
    }

    /**
     * The teamspaces the caller is a member of, or with {@code memberships=false} the public ones it is not;
     * ordered by {@code name}, {@code created_at} or {@code updated_at}, {@code asc} or {@code desc}.
     */
    public List<Teamspace> list(String workspace, String orderBy, String order, Boolean memberships) {
        return calls.list(
                WorkspaceCalls.get(TEAMSPACES, calls.workspace(workspace))
                        .query("order_by", orderBy)
                        .query("order", order)
                        .query("memberships", memberships),
                Teamspace.class);
    }

    public Teamspace get(String workspace, String teamspace) {
        return calls.one(WorkspaceCalls.get(TEAMSPACES, calls.workspace(workspace), teamspace), Teamspace.class);
    }

    /** Creates a teamspace; the caller becomes its owner. */
    public Teamspace create(String workspace, TeamspaceCreate teamspace) {
        AssetRef.requireText(teamspace.name(), "teamspace name");
        return calls.one(
                WorkspaceCalls.post(TEAMSPACES, calls.workspace(workspace)).json(teamspace), Teamspace.class);
    }

    public void update(String workspace, String teamspace, TeamspaceUpdate update) {
        calls.send(WorkspaceCalls.patch(TEAMSPACES, calls.workspace(workspace), teamspace)
                .json(update));
    }

    /** Deletes a teamspace; with {@code deleteAssets} its assets' data too, otherwise they are only deregistered. */
    public void delete(String workspace, String teamspace, Boolean deleteAssets) {
        calls.send(WorkspaceCalls.delete(TEAMSPACES, calls.workspace(workspace), teamspace)
                .query("delete-assets", deleteAssets));
    }

    public SpaceMembers members(String workspace, String teamspace) {
        AssetRef.requireText(teamspace, "teamspace");
        return new SpaceMembers(calls, List.of(TEAMSPACES, calls.workspace(workspace), teamspace, "users"));
    }
}
