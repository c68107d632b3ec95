package dev.cameltiledb.component;

import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.UsersApi;
import org.apache.camel.Message;

/** The {@code tiledb:user} operations: who the caller is, its organizations, and whom it charges by default. */
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
            default -> throw ResourceHandler.notHandled(TileDBResource.user, operation);
        }
    }
}
