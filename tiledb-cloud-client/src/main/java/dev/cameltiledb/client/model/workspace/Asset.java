package dev.cameltiledb.client.model.workspace;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An asset of a teamspace: an array, group, notebook, file or folder ({@code type}), found by its {@code path} in
 * the teamspace and its {@code tiledbUri} ({@code tiledb://workspace/teamspace/path}). The size or member count is
 * in the info object of its {@code backingType}; the service spells those four fields in camel case.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Asset(
        String id,
        String workspaceId,
        String teamspaceId,
        String name,
        String description,
        String type,
        String backingType,
        String memberType,
        String mime,
        String path,
        String uri,
        String tiledbUri,
        SpaceMember createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<AssetMetadata> metadata,
        @JsonProperty("arrayInfo") Size arrayInfo,
        @JsonProperty("fileInfo") Size fileInfo,
        @JsonProperty("groupInfo") Length groupInfo,
        @JsonProperty("folderInfo") Length folderInfo) {

    /** An array's or file's size in bytes. */
    public record Size(Long size) {}

    /** How many assets a group or folder holds. */
    public record Length(Long length) {}
}
