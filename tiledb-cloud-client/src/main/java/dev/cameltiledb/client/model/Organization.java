package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An organization, with the caller's role in it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Organization(
        String id,
        String role,
        String name,
        Instant createdAt,
        Instant updatedAt,
        String description,
        List<OrganizationUser> users,
        List<String> allowedActions,
        Integer numOfArrays,
        List<String> enabledFeatures,
        Boolean unpaidSubscription,
        String defaultS3Path,
        String defaultS3PathCredentialsName,
        AssetLocations assetLocations) {}
