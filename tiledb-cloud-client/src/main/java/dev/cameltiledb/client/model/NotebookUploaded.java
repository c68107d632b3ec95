package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What an upload created: the storage location of the notebook array, its name and id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotebookUploaded(String outputUri, String name, String id) {}
