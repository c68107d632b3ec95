package dev.cameltiledb.client.model.workspace;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A user (by id or name) and the role to give it in a workspace or teamspace: what member additions send. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MemberRole(String userId, String role) {}
