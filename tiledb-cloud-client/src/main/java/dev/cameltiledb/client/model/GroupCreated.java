package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The group a create or register made. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GroupCreated(String id, String name, String tiledbUri) {}
