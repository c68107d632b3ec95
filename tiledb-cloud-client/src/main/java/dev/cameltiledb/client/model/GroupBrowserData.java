package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of a group browser listing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupBrowserData(List<GroupInfo> groups, PaginationMetadata paginationMetadata) {}
