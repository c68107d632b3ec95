package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An uploaded file array: where it lives, its name and id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileUploaded(String outputUri, String fileName, String id) {}
