package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Per-asset-type storage locations; an unset one falls back to the owner's {@code default_s3_path}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssetLocations(
        StorageLocation arrays,
        StorageLocation files,
        StorageLocation groups,
        StorageLocation mlModels,
        StorageLocation notebooks,
        StorageLocation taskGraphs,
        StorageLocation udfs) {}
