package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of array tasks. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayTaskData(List<ArrayTask> arrayTasks, PaginationMetadata paginationMetadata) {}
