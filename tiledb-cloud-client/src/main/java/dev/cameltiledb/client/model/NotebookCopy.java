package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Where to copy a notebook: the new storage location, name and namespace (each optional). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotebookCopy(String outputUri, String name, String namespace) {}
