package dev.cameltiledb.component.producer;

import dev.cameltiledb.client.TeamspacesApi;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.workspace.TeamspaceCreate;
import dev.cameltiledb.client.model.workspace.TeamspaceUpdate;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import dev.cameltiledb.component.WorkspaceOptions;
import org.apache.camel.Message;

/**
 * The {@code tiledb:teamspaces} operations: the teamspaces of a workspace (the workspace option's, else the
 * session's), one teamspace (teamspace option), and its members.
 */
final class TeamspacesHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        TeamspacesApi teamspaces = client.teamspaces();
        WorkspaceOptions w = options.workspaces();
        String workspace = w.getWorkspace();
        switch (operation) {
            case list ->
                message.setBody(teamspaces.list(
                        workspace,
                        options.listing().getOrderBy(),
                        w.getSortOrder() == null ? null : w.getSortOrder().name(),
                        w.getMemberships()));
            case get -> message.setBody(teamspaces.get(workspace, teamspace(operation, w)));
            case create -> message.setBody(teamspaces.create(workspace, creation(operation, options, message)));
            case update ->
                teamspaces.update(
                        workspace,
                        teamspace(operation, w),
                        bodies.required(message.getBody(), TeamspaceUpdate.class, operation));
            case delete -> teamspaces.delete(workspace, teamspace(operation, w), w.getDeleteAssets());
            case listMembers, getMember, updateMember, addMembers, removeMembers ->
                MembersReply.handle(
                        operation, options, message, teamspaces.members(workspace, teamspace(operation, w)));
            default -> throw ResourceHandler.notHandled(TileDBResource.teamspaces, operation);
        }
    }

    private static String teamspace(TileDBOperation operation, WorkspaceOptions w) {
        return MessageOptions.require(w.getTeamspace(), "teamspace", operation);
    }

    /** The body (TeamspaceCreate, Map or JSON) describes it; the teamspace option names it when the body does not. */
    private TeamspaceCreate creation(TileDBOperation operation, MessageOptions options, Message message) {
        TeamspaceCreate body = bodies.optional(message.getBody(), TeamspaceCreate.class, operation);
        String name = options.workspaces().getTeamspace();
        if (body == null) {
            return new TeamspaceCreate(MessageOptions.require(name, "teamspace", operation), null, null, null);
        }
        return name == null || body.name() != null
                ? body
                : new TeamspaceCreate(name, body.description(), body.icon(), body.visibility());
    }
}
