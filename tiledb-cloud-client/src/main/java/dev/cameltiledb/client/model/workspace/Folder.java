package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A folder of a teamspace ({@code /v4/folders}); {@code parentFolderId} is null at the teamspace's root. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Folder(
        String id,
        String workspaceId,
        String teamspaceId,
        String groupId,
        String assetId,
        String parentFolderId,
        String name,
        String description,
        SpaceMember createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
