package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Where one kind of asset is stored, and with which stored credentials. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StorageLocation(String path, String credentialsName) {}
