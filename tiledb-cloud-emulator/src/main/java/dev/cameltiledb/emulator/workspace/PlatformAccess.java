package dev.cameltiledb.emulator.workspace;

import java.util.Map;

import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.Membership;
import dev.cameltiledb.emulator.state.StoredTeamspace;
import dev.cameltiledb.emulator.state.StoredWorkspace;
import dev.cameltiledb.emulator.state.Workspaces;

/**
 * Finds the workspace, teamspace and users a {@code /v4} request names (by name or id) and checks that the caller
 * may see or change them: what the caller may not see is a 404, as the service does not reveal it; what it sees but
 * may not change is a 403. Also renders members, which every v4 answer embeds. Call under the state lock.
 */
final class PlatformAccess {

    /** A teamspace with its workspace; {@code namespace()} is how the v1 routes and the assets name it. */
    record Space(StoredWorkspace workspace, StoredTeamspace teamspace) {
        String namespace() {
            return Workspaces.namespace(workspace, teamspace);
        }
    }

    private final EmulatorState state;

    PlatformAccess(EmulatorState state) {
        this.state = state;
    }

    /** The workspace of the {@code {workspace}} path variable, if the caller is a member. */
    StoredWorkspace workspace(HttpCall call) {
        String wanted = call.path("workspace");
        StoredWorkspace workspace = state.workspaces().workspace(wanted);
        if (workspace == null || !workspace.members.containsKey(call.user().username())) {
            throw ApiFailure.notFound("workspace " + wanted + " does not exist or you are not a member");
        }
        return workspace;
    }

    /** The workspace, if the caller owns or administers it. */
    StoredWorkspace administeredWorkspace(HttpCall call) {
        StoredWorkspace workspace = workspace(call);
        if (!workspace.administers(call.user().username())) {
            throw ApiFailure.forbidden("only an owner or admin of workspace " + workspace.name + " may change it");
        }
        return workspace;
    }

    /**
     * The teamspace of the {@code {workspace}/{teamspace}} path variables, if the caller sees it: a member, an
     * owner or admin of the workspace, or anyone when the teamspace is public.
     */
    Space space(HttpCall call) {
        String wantedWorkspace = call.path("workspace");
        String wantedTeamspace = call.path("teamspace");
        StoredWorkspace workspace = state.workspaces().workspace(wantedWorkspace);
        StoredTeamspace teamspace = workspace == null ? null : workspace.teamspace(wantedTeamspace);
        String username = call.user().username();
        if (teamspace == null
                || !(teamspace.isPublic() || state.workspaces().isMember(username, workspace, teamspace))) {
            throw ApiFailure.notFound(
                    "teamspace " + wantedWorkspace + "/" + wantedTeamspace + " does not exist or you are not a member");
        }
        return new Space(workspace, teamspace);
    }

    /** The teamspace, if the caller may change what it holds (its owners and editors, the workspace's admins). */
    Space editableSpace(HttpCall call) {
        Space space = space(call);
        if (!state.workspaces().canEdit(call.user().username(), space.namespace())) {
            throw ApiFailure.forbidden(
                    "user " + call.user().username() + " may not change teamspace " + space.namespace());
        }
        return space;
    }

    /** The teamspace, if the caller may change the teamspace itself and its members (owners, workspace admins). */
    Space administeredSpace(HttpCall call) {
        Space space = space(call);
        String username = call.user().username();
        Membership m = space.teamspace().members.get(username);
        if (!space.workspace().administers(username) && (m == null || !m.role().equals("owner"))) {
            throw ApiFailure.forbidden(
                    "only an owner of teamspace " + space.namespace() + " or of its workspace may change it");
        }
        return space;
    }

    /** A user by id or username, or a 404. */
    User user(String nameOrId) {
        User user = state.accounts().userByNameOrId(nameOrId);
        if (user == null) {
            throw ApiFailure.notFound("user " + nameOrId + " does not exist");
        }
        return user;
    }

    /** A member as {@code WorkspaceUser}/{@code TeamspaceUser}; null when the user is not one of {@code members}. */
    PlatformAnswers.Member member(Map<String, Membership> members, String username) {
        Membership m = username == null ? null : members.get(username);
        return m == null ? null : member(username, m);
    }

    PlatformAnswers.Member member(String username, Membership m) {
        User user = state.accounts().user(username);
        return new PlatformAnswers.Member(
                Workspaces.userId(username),
                username,
                displayName(user, username),
                user == null ? null : user.email(),
                null,
                m == null ? null : m.role(),
                // a seeded or founding member was added by no one else: the service's model requires a value,
                // and the member itself is the truthful one
                m == null ? null : Workspaces.userId(m.addedBy() != null ? m.addedBy() : username),
                m == null ? null : m.createdAt());
    }

    /**
     * Who made an asset, as a {@code WorkspaceUser} of its workspace; null when the maker is no user (a seed names
     * the namespace).
     */
    PlatformAnswers.Member creator(StoredWorkspace workspace, String username) {
        if (state.accounts().user(username) == null) {
            // a seeded asset names no user: the workspace's creator stands in, as the model requires a creator
            return workspace.createdBy == null
                    ? null
                    : member(workspace.createdBy, workspace.members.get(workspace.createdBy));
        }
        return member(username, workspace.members.get(username));
    }

    static String displayName(User user, String username) {
        return user != null && user.name() != null ? user.name() : username;
    }

    PlatformAnswers.WorkspaceInfo workspaceInfo(StoredWorkspace w, String caller) {
        return new PlatformAnswers.WorkspaceInfo(
                w.id,
                w.imageId,
                w.name,
                w.createdBy == null ? null : member(w.createdBy, w.members.get(w.createdBy)),
                w.description,
                member(w.members, caller),
                w.createdAt,
                w.updatedAt != null ? w.updatedAt : w.createdAt);
    }
}
