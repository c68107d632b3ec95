package dev.cameltiledb.emulator.state;

import java.time.Instant;

/**
 * A user's place in a workspace ({@code owner}, {@code admin}, {@code member}) or a teamspace ({@code owner},
 * {@code editor}, {@code viewer}): the role, who added the user and when. Replaced whole when the role changes.
 */
public record Membership(String role, String addedBy, Instant createdAt) {

    public Membership withRole(String newRole) {
        return new Membership(newRole, addedBy, createdAt);
    }
}
