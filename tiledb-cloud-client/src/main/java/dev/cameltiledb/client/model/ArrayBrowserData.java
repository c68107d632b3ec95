package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of an array browser listing (owned, shared or public). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayBrowserData(List<ArrayInfo> arrays, PaginationMetadata paginationMetadata) {}
