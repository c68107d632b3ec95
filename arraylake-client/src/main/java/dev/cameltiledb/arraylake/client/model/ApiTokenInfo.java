package dev.cameltiledb.arraylake.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An org's API client, as {@code GET /user} describes the owner of a service token.
 *
 * @param expiration when the token expires, epoch seconds
 */
public record ApiTokenInfo(
        String id, @JsonProperty("client_id") String clientId, String email, long expiration) implements Principal {}
