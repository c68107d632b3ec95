package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A teamspace of a workspace: {@code spaceType} {@code teamspace}, {@code userspace} or {@code generalspace};
 * {@code visibility} {@code private} or {@code public}; {@code self} is the caller's membership, if any.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Teamspace(
        String teamspaceId,
        String name,
        String description,
        String spaceType,
        String icon,
        String visibility,
        SpaceMember createdBy,
        SpaceMember self,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
