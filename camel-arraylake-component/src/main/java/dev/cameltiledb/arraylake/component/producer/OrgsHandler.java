package dev.cameltiledb.arraylake.component.producer;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.component.ArraylakeOperation;
import dev.cameltiledb.arraylake.component.ArraylakeOptionException;
import dev.cameltiledb.arraylake.component.ArraylakeResource;
import dev.cameltiledb.arraylake.component.PermissionOptions;
import org.apache.camel.Message;

/**
 * {@code arraylake:orgs}: the caller's orgs, the API client a token belongs to (the token is the body, so it never
 * sits in a URI or a header), and permission checks.
 */
final class OrgsHandler implements ResourceHandler {

    @Override
    public void handle(ArraylakeOperation operation, MessageOptions options, Message message, ArraylakeClient client) {
        switch (operation) {
            case list -> message.setBody(options.unpaged(client.orgs()));
            case apiClientId -> {
                String token = message.getBody(String.class);
                if (token == null || token.isBlank()) {
                    throw new ArraylakeOptionException("arraylake:orgs operation apiClientId takes the token to look"
                            + " up as the body (a String); the body is empty");
                }
                message.setBody(client.tokens().apiClientId(options.org(), token.strip()));
            }
            case checkPermission -> {
                PermissionOptions p = options.permissions();
                message.setBody(client.permissions()
                        .check(
                                options.org(),
                                options.required(p.getPrincipalId(), "principalId"),
                                options.required(p.getResource(), "resource"),
                                options.required(p.getAction(), "action")));
            }
            default -> throw ResourceHandler.notHandled(ArraylakeResource.orgs, operation);
        }
    }
}
