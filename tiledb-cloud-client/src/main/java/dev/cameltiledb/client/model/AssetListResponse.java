package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of a classic asset listing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssetListResponse(List<AssetInfo> data, PaginationMetadata paginationMetadata) {}
