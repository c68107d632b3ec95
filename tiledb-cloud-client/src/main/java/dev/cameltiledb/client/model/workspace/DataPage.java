package dev.cameltiledb.client.model.workspace;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.cameltiledb.client.model.PaginationMetadata;

/** A {@code /v4} list answer: {@code {"data": [...], "pagination_metadata": {...}}}; the metadata may be absent. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataPage<T>(List<T> data, PaginationMetadata paginationMetadata) {}
