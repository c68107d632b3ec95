package dev.cameltiledb.client.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One page of task graph executions, newest first ({@code TaskGraphLogsData}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskGraphLogsData(List<TaskGraphLog> taskGraphLogs, PaginationMetadata paginationMetadata) {}
