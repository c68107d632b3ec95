package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Where an exported file array was written back as a plain file. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileExported(String outputUri) {}
