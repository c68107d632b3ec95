package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A running notebook server of a namespace: uptime in seconds, CPU in millicpu, GPU in milligpu, memory and storage in
 * bytes, cost in USD.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotebookStatus(
        String namespace,
        Long uptime,
        Long cpuUsage,
        Long gpuUsage,
        Long memoryUsage,
        Long gpuLimit,
        Long memoryLimit,
        Long storageUsage,
        Long storageLimit,
        Long cpuCount,
        Double cost,
        String podStatus) {}
