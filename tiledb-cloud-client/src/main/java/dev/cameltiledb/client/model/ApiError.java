package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The service's {@code Error} body. Named ApiError so it never shadows {@link java.lang.Error}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiError(Long code, String message, String requestId) {}
