package dev.cameltiledb.arraylake.client;

/** Questions about tokens. */
public final class TokensApi {

    TokensApi() {}

    public String apiClientId(String org, String token) {
        throw new UnsupportedOperationException("not yet");
    }
}
