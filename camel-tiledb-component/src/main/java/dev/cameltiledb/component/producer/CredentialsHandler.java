package dev.cameltiledb.component.producer;

import dev.cameltiledb.client.CredentialsApi;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import dev.cameltiledb.component.WorkspaceOptions;
import org.apache.camel.Message;

/**
 * The {@code tiledb:credentials} operations: the storage credentials of a workspace (the workspace option's, else
 * the session's). The reply body carries what the service sends, secrets included, because a route asked for it;
 * their {@code toString()} shows no secret, so logging the body does not leak one.
 */
final class CredentialsHandler implements ResourceHandler {

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        CredentialsApi credentials = client.credentials();
        WorkspaceOptions w = options.workspaces();
        switch (operation) {
            case list ->
                ListingReply.write(
                        message,
                        options,
                        page -> credentials.list(
                                w.getWorkspace(),
                                w.getTeamspace(),
                                w.getProvider(),
                                w.getCredentialType(),
                                page,
                                options.listing().getPerPage()));
            case get ->
                message.setBody(credentials.get(
                        w.getWorkspace(),
                        MessageOptions.require(w.getCredential(), "credential", operation),
                        w.getTeamspace()));
            default -> throw ResourceHandler.notHandled(TileDBResource.credentials, operation);
        }
    }
}
