package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A user's membership of an organization: the role and what it allows. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrganizationUser(
        String userId,
        String organizationId,
        String username,
        String userFullName,
        String userEmail,
        String organizationName,
        String role,
        List<String> allowedActions) {}
