package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What a client reports of a node it ran itself ({@code TaskGraphClientNodeStatus}); status is a task status. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskGraphClientNodeStatus(String clientNodeUuid, String status) {}
