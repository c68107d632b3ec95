package dev.cameltiledb.arraylake.client;

import dev.cameltiledb.arraylake.client.model.Names;

/** Questions about tokens other than the client's own. */
public final class TokensApi {

    private final Transport transport;

    TokensApi(Transport transport) {
        this.transport = transport;
    }

    /**
     * The id of the org's API client a token belongs to. The token is not judged locally (a JWT can be a service
     * token too); the service answers 422 for a user token or an unknown one. The token travels in the query, as the
     * service requires, and appears in no log or message of this client.
     */
    public String apiClientId(String org, String token) {
        Names.org(org);
        if (token == null || token.isBlank()) {
            throw new ArraylakeException("No token given to look up");
        }
        Call call = Call.get("orgs", org, "api-clients", "authenticate").query("token", token.strip());
        return transport.tree(call).path("_id").asText(null);
    }
}
