package dev.cameltiledb.client.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One event of an array's activity log. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayActivityLog(
        Instant eventAt,
        String action,
        String username,
        Long bytesSent,
        Long bytesReceived,
        String arrayTaskId,
        String id,
        String queryRanges,
        String queryStats) {}
