package dev.cameltiledb.arraylake.client.model;

/** Who the token belongs to: a person (user token) or an org's API client (service token). */
public sealed interface Principal permits UserInfo, ApiTokenInfo {

    /** The principal id, as permission checks take it. */
    String id();

    String email();
}
