package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What TileDB Cloud knows about a group: a registered collection of arrays and sub-groups. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupInfo(
        String id,
        String namespace,
        String name,
        String description,
        String uri,
        String tiledbUri,
        Integer assetCount,
        Integer groupCount,
        Integer size,
        Instant lastAccessed,
        List<String> allowedActions,
        String groupType,
        String logo,
        String accessCredentialsName,
        Integer shareCount,
        Boolean publicShare,
        List<String> tags,
        String licenseId,
        String licenseText,
        Instant createdAt,
        String createdBy,
        List<MetadataEntry> metadata) {}
