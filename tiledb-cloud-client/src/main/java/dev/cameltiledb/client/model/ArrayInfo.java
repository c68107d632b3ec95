package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What TileDB Cloud knows about a registered array (or a notebook, file, ML model: all are arrays underneath).
 * Field names follow the service's snake_case JSON.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayInfo(
        String id,
        String fileType,
        Map<String, String> fileProperties,
        String uri,
        String namespace,
        Long size,
        Instant lastAccessed,
        String description,
        String name,
        List<String> allowedActions,
        String accessCredentialsName,
        String type,
        Integer shareCount,
        Boolean publicShare,
        Boolean namespaceSubscribed,
        String tiledbUri,
        List<String> tags,
        String licenseId,
        String licenseText,
        Boolean readOnly,
        @JsonProperty("is_favorite") Boolean isFavorite,
        Instant createdAt,
        String createdBy,
        String logo,
        List<MetadataEntry> metadata) {}
