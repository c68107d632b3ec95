package dev.cameltiledb.arraylake.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A person, as {@code GET /user} describes the owner of a user token. */
public record UserInfo(
        String id,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("family_name") String familyName,
        String email)
        implements Principal {}
