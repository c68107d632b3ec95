package dev.cameltiledb.client.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A task the service ran on an array (a query, SQL, a UDF...): who ran it, on what, when, its status and cost, and
 * its activity events. Memory in bytes, CPU in millicpu, costs in USD, duration in nanoseconds as the service reports
 * it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArrayTask(
        String id,
        String name,
        String username,
        String description,
        ArrayInfo arrayMetadata,
        Long memory,
        Long cpu,
        String namespace,
        String status,
        String statusMessage,
        Instant startTime,
        Instant finishTime,
        Double cost,
        Double egressCost,
        Double accessCost,
        String queryType,
        String udfCode,
        String udfLanguage,
        String sqlQuery,
        String type,
        List<ArrayActivityLog> activity,
        String logs,
        Double duration,
        String resultFormat,
        String taskGraphUuid,
        String clientNodeUuid,
        String cloudProvider,
        String cloudRegion) {}
