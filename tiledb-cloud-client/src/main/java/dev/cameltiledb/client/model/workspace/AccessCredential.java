package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Storage credentials registered in a workspace ({@code /v4/credentials}). {@code credential}, {@code role} and
 * {@code token} carry secrets (keys, tokens) keyed by provider ({@code aws}, {@code azure}, {@code gcp}): they are
 * kept as the service sent them and never printed; {@link #toString()} shows only what identifies the credential.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessCredential(
        String id,
        String name,
        String credentialType,
        String provider,
        Boolean providerDefault,
        Boolean allowedInTasks,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Map<String, Object> credential,
        Map<String, Object> role,
        Map<String, Object> token) {

    @Override
    public String toString() {
        return "AccessCredential[id=" + id + ", name=" + name + ", credentialType=" + credentialType + ", provider="
                + provider + ", providerDefault=" + providerDefault + ", allowedInTasks=" + allowedInTasks
                + ", secrets=" + (credential != null || role != null || token != null ? "(not shown)" : "none") + "]";
    }
}
