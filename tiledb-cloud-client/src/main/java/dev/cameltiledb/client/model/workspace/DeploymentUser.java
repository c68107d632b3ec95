package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A user of a TileDB deployment ({@code GET /v4/users/self}, {@code /v4/users/{user_id}}; Python {@code get_user}).
 * {@code role} is the role in the deployment: {@code owner}, {@code admin} or {@code member}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeploymentUser(
        String id,
        String username,
        String displayName,
        String email,
        Boolean isValidEmail,
        String role,
        String imageId,
        String timezone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deletedAt) {}
