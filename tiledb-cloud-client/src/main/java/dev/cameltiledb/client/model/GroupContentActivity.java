package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One activity event of an asset inside a group. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupContentActivity(Asset asset, ArrayActivityLog activityLog) {

    /** The asset the event happened to. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Asset(String id, String name, String namespace, String assetType) {}
}
