package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Where a page sits in a listing. Pages are 1-based. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PaginationMetadata(long page, long perPage, long totalPages, long totalItems) {}
