package dev.cameltiledb.client.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A UDF the caller marked as a favourite ({@code UDFFavorite}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UdfFavorite(String udfUuid, String namespace, String name) {}
