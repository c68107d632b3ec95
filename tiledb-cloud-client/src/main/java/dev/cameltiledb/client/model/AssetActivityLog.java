package dev.cameltiledb.client.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One event of a group's activity: the group's own, or of an array or sub-group it holds ({@code asset}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssetActivityLog(
        String id,
        Instant eventAt,
        String action,
        String username,
        String arrayTaskId,
        GroupContentActivity.Asset asset) {}
