package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The calling user's profile ({@code GET /v1/user}). The service's password field is deliberately not mapped. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record User(
        String id,
        String username,
        String name,
        String email,
        Boolean isValidEmail,
        String company,
        String timezone,
        List<OrganizationUser> organizations,
        List<String> allowedActions,
        List<String> enabledFeatures,
        Boolean unpaidSubscription,
        String defaultS3Path,
        String defaultS3PathCredentialsName,
        AssetLocations assetLocations,
        String defaultNamespaceCharged,
        String defaultRegion) {}
