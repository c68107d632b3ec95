package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An array the caller used recently; {@code accessedTime} is in epoch milliseconds. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LastAccessedArray(
        String arrayId, String arrayName, String namespace, Long accessedTime, String accessType) {}
