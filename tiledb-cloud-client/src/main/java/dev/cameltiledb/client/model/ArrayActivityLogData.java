package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of an array's activity log (v2). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayActivityLogData(List<ArrayActivityLog> activitylogs, PaginationMetadata paginationMetadata) {}
