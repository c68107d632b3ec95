package dev.cameltiledb.component.producer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.client.ProfileWriter;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.UsersApi;
import dev.cameltiledb.client.model.TokenRequest;
import dev.cameltiledb.component.ConnectionOptions;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import dev.cameltiledb.component.UserOptions;
import org.apache.camel.Message;

/**
 * The {@code tiledb:user} operations: who the caller is, its organizations and their members, whom it charges by
 * default, its API tokens; on the workspace platform, the session user, its deployment role and its workspaces
 * ({@code tiledb.client}'s user functions).
 */
final class UserHandler implements ResourceHandler {

    private final BodyConverter bodies = new BodyConverter();

    @Override
    public void handle(TileDBOperation operation, MessageOptions options, Message message, TileDBClient client) {
        if (operation == TileDBOperation.configure) {
            message.setBody(configure(message.getBody(), options.connection()));
            return; // writes a file and calls no service: its endpoint has no client
        }
        UsersApi users = client.users();
        switch (operation) {
            case profile -> {
                String user = options.workspaces().getUser();
                message.setBody(user == null || user.isBlank() ? users.profile() : users.profile(user));
            }
            case organizations -> message.setBody(users.organizations());
            case organization ->
                message.setBody(users.organization(
                        MessageOptions.require(options.user().getOrganization(), "organization", operation)));
            case defaultChargedNamespace ->
                message.setBody(users.defaultChargedNamespace(options.user().getRequiredAction()));
            case tokens -> message.setBody(users.tokens());
            case sessionTokens -> message.setBody(users.sessionTokens());
            case tokenScopes -> message.setBody(users.tokenScopes());
            case createToken -> message.setBody(users.createToken(tokenRequest(options)));
            case revokeToken ->
                users.revokeToken(MessageOptions.require(options.user().getTokenName(), "tokenName", operation));
            case listMembers, getMember, updateMember, addMembers, removeMembers ->
                MembersReply.handle(
                        operation,
                        options,
                        message,
                        users.members(
                                MessageOptions.require(options.user().getOrganization(), "organization", operation)));
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

    /**
     * {@code tiledb.client.configure}: the profile the body's arguments describe, written owner-only to profiles.json;
     * its name and folder default to the endpoint's {@code profileName} and {@code profileDir}, the profile the
     * endpoint would read. Returns the file written. Nothing here logs, and no error quotes, a secret.
     */
    @SuppressWarnings("unchecked")
    private Path configure(Object body, ConnectionOptions endpoint) {
        Map<String, Object> arguments =
                new LinkedHashMap<>(bodies.required(body, Map.class, TileDBOperation.configure));
        arguments.putIfAbsent("profile_name", endpoint.getProfileName());
        arguments.putIfAbsent("profile_dir", endpoint.getProfileDir());
        return ProfileWriter.fromArguments(arguments).save();
    }

    /**
     * The new token's name, expiry and scopes from the options; the token itself goes to the body only, never to a
     * header (headers are copied and logged more freely than bodies).
     */
    private static TokenRequest tokenRequest(MessageOptions options) {
        UserOptions u = options.user();
        Long expires = MessageOptions.epochSeconds(u.getTokenExpires(), "tokenExpires");
        return new TokenRequest(
                expires == null ? null : Instant.ofEpochSecond(expires),
                u.getTokenName(),
                OptionText.list(u.getTokenScopes()));
    }
}
