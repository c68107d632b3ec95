package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.model.workspace.MemberRole;
import dev.cameltiledb.client.model.workspace.SpaceMember;

/**
 * The members of one workspace ({@code /v4/workspaceusers/{workspace}}) or teamspace
 * ({@code /v4/teamspaces/{workspace}/{teamspace}/users}): the two differ only in path and in the roles they know
 * (workspace: {@code owner}, {@code admin}, {@code member}; teamspace: {@code owner}, {@code editor},
 * {@code viewer}), so one class serves both. Users are named by id ({@code usr_...}) or user name.
 */
public final class SpaceMembers implements Members<SpaceMember> {

    private final WorkspaceCalls calls;
    private final List<String> base;

    SpaceMembers(WorkspaceCalls calls, List<String> base) {
        this.calls = calls;
        this.base = List.copyOf(base);
    }

    /** One page of members, optionally only those whose name or email contains {@code search}. */
    @Override
    public Page<SpaceMember> list(int page, Integer perPage, String search) {
        return calls.page(
                WorkspaceCalls.get(segments())
                        .query("page", page)
                        .query("per_page", perPage)
                        .query("search", search),
                SpaceMember.class);
    }

    @Override
    public List<SpaceMember> add(List<MemberRole> members) {
        if (members == null || members.isEmpty()) {
            throw new TileDBConfigurationException("Adding members needs at least one user and role");
        }
        return calls.list(WorkspaceCalls.post(segments()).json(members), SpaceMember.class);
    }

    @Override
    public SpaceMember get(String user) {
        return calls.one(WorkspaceCalls.get(segments(user)), SpaceMember.class);
    }

    @Override
    public void updateRole(String user, String role) {
        AssetRef.requireText(role, "role");
        calls.send(WorkspaceCalls.patch(segments(user)).json(Map.of("role", role)));
    }

    @Override
    public void remove(String user) {
        calls.send(WorkspaceCalls.delete(segments(user)));
    }

    private String[] segments(String... more) {
        List<String> all = new ArrayList<>(base);
        for (String m : more) {
            AssetRef.requireText(m, "user");
            all.add(m);
        }
        return all.toArray(String[]::new);
    }
}
