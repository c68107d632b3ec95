package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The fields of a group to change; unset fields stay as they are. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupUpdate(
        String description,
        String name,
        String logo,
        String accessCredentialsName,
        List<String> tags,
        String licenseId,
        String licenseText) {}
