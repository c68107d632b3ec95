package dev.cameltiledb.component.producer;

import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.WorkspacesApi;
import dev.cameltiledb.client.model.workspace.WorkspaceUpdate;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Message;

/**
 * The {@code tiledb:workspaces} operations: a workspace (the workspace option's, else the session's) and its
 * members.
 */
final class WorkspacesHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        WorkspacesApi workspaces = client.workspaces();
        String workspace = options.workspaces().getWorkspace();
        switch (operation) {
            case get -> message.setBody(workspaces.get(workspace));
            case update ->
                workspaces.update(workspace, bodies.required(message.getBody(), WorkspaceUpdate.class, operation));
            case listMembers, getMember, updateMember, addMembers, removeMembers ->
                MembersReply.handle(operation, options, message, workspaces.members(workspace));
            default -> throw ResourceHandler.notHandled(TileDBResource.workspaces, operation);
        }
    }
}
