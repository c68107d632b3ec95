package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The relationship between the session user and one workspace ({@code UserSelfWorkspace}; Python
 * {@code Workspace}): {@code self} holds the user's role in it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserWorkspace(
        String workspaceId,
        String name,
        String description,
        String imageId,
        SpaceMember createdBy,
        SpaceMember self,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
