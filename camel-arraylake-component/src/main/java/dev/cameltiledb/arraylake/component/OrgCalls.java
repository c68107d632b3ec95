package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.ArraylakeClient;

/**
 * {@code arraylake:orgs}: the caller's orgs, the API client a token belongs to (the token is the body, so it never
 * sits in a URI or a header), and permission checks.
 */
final class OrgCalls implements ResourceCalls {

    @Override
    public void run(MessageCall call, ArraylakeClient client) {
        ArraylakeConfiguration o = call.options;
        switch (call.operation) {
            case list -> call.message.setBody(call.unpaged(client.orgs()));
            case apiClientId -> {
                String token = call.message.getBody(String.class);
                if (token == null || token.isBlank()) {
                    throw new ArraylakeOptionException("arraylake:orgs operation apiClientId takes the token to look"
                            + " up as the body (a String); the body is empty");
                }
                call.message.setBody(client.tokens().apiClientId(call.org(), token.strip()));
            }
            case checkPermission ->
                call.message.setBody(client.permissions()
                        .check(
                                call.org(),
                                call.required(o.getPrincipalId(), "principalId"),
                                call.required(o.getResource(), "resource"),
                                call.required(o.getAction(), "action")));
            default -> throw ResourceCalls.unhandled(call);
        }
    }
}
