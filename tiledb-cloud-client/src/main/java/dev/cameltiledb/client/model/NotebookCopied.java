package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The notebook a copy created. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotebookCopied(String outputUri, String name, String namespace, String id) {}
