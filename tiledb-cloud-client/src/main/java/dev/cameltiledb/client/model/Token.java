package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An API token and what it may do. {@code token}, the secret itself, is only in the answer that issued it (listings
 * leave it out), and {@link #toString()} never shows it: a token logged by a route ({@code log:}, a tracer) stays
 * secret.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Token(String token, String name, Instant issuedAt, Instant expiresAt, List<String> scope) {

    @Override
    public String toString() {
        return "Token[name=" + name + ", token=" + (token == null ? "none" : "xxxxxx") + ", issuedAt=" + issuedAt
                + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }
}
