package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of an asset's versions, as end timestamps in epoch milliseconds. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayEndTimestampData(List<Long> endTimestamps, PaginationMetadata paginationMetadata) {}
