package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.client.model.workspace.MemberRole;

/**
 * The members of a workspace, teamspace or organization: the same operations on three paths, each with its own member
 * type and roles, so one piece of code serves them all. Users are named by id or user name.
 *
 * @param <M> what one membership looks like
 */
public interface Members<M> {

    /** One page of members, optionally only those {@code search} matches. */
    Page<M> list(int page, Integer perPage, String search);

    /** Adds users with their roles; answers the new memberships. */
    List<M> add(List<MemberRole> members);

    M get(String user);

    /** Gives a member another role. */
    void updateRole(String user, String role);

    void remove(String user);

    /**
     * The error of a call on one user that failed after the calls on others succeeded: it names what was done and for
     * whom, so the rest can be retried and nothing is left unknown.
     */
    static TileDBException partly(String done, List<String> doneFor, String failedFor, TileDBException e) {
        if (doneFor.isEmpty()) {
            return e;
        }
        return new TileDBException(
                done + " " + doneFor + " but not " + failedFor + " (nor the users after it): " + e.getMessage(), e);
    }
}
