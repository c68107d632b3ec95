package dev.cameltiledb.component;

import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.UsersApi;
import org.apache.camel.Message;

/**
 * The {@code tiledb:user} operations: who the caller is, its organizations, and whom it charges by default; on the
 * workspace platform, the session user, its deployment role and its workspaces ({@code tiledb.client}'s user
 * functions).
 */
final class UserHandler implements ResourceHandler {

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        UsersApi users = client.users();
        switch (operation) {
            case profile -> message.setBody(users.profile());
            case organizations -> message.setBody(users.organizations());
            case organization ->
                message.setBody(users.organization(
                        MessageOptions.require(options.user().getOrganization(), "organization", operation)));
            case defaultChargedNamespace ->
                message.setBody(users.defaultChargedNamespace(options.user().getRequiredAction()));
            case selfUser -> message.setBody(client.workspaces().self());
            case currentUser -> message.setBody(client.workspaces().user());
            case deploymentUser ->
                message.setBody(client.workspaces()
                        .user(MessageOptions.require(options.workspaces().getUser(), "user", operation)));
            case userWorkspaces -> message.setBody(client.workspaces().userWorkspaces());
            case workspace ->
                message.setBody(client.workspaces().get(options.workspaces().getWorkspace()));
            case workspaceId ->
                message.setBody(client.workspaces().id(options.workspaces().getWorkspace()));
            default -> throw ResourceHandler.notHandled(TileDBResource.user, operation);
        }
    }
}
