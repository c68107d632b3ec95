package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A workspace ({@code GET /v4/workspaces/{workspace}}; Python {@code get_workspace}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Workspace(
        String workspaceId,
        String name,
        String description,
        String imageId,
        SpaceMember createdBy,
        SpaceMember self,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
