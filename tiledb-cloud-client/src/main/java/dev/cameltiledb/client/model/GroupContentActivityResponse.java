package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of the activity of a group's contents. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupContentActivityResponse(
        List<GroupContentActivity> activity, PaginationMetadata paginationMetadata) {}
