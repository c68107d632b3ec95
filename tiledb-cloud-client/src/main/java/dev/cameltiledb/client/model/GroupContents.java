package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of a group's members. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupContents(List<GroupEntry> entries, PaginationMetadata paginationMetadata) {}
