package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A user's membership of a workspace ({@code WorkspaceUser}: role {@code owner}, {@code admin}, {@code member}) or
 * of a teamspace ({@code TeamspaceUser}: role {@code owner}, {@code editor}, {@code viewer}); the service gives both
 * the same fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpaceMember(
        String userId,
        String username,
        String displayName,
        String email,
        String imageId,
        String role,
        String addedBy,
        OffsetDateTime createdAt,
        OffsetDateTime deletedAt) {}
