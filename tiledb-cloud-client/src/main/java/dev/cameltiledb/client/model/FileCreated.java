package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A file array made from a file in storage: where it lives and its name. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileCreated(String outputUri, String fileName) {}
