package dev.cameltiledb.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What a file array is made from ({@code tiledb.cloud.files.create_file}): the file in storage, where the file array
 * goes (the namespace's default location when null) and its name (the file's name when null).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileCreate(String inputUri, String outputUri, String name) {}
