package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of a group's activity. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupActivityResponse(List<AssetActivityLog> activityLogs, PaginationMetadata paginationMetadata) {}
