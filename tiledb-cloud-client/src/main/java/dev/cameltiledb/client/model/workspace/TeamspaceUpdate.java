package dev.cameltiledb.client.model.workspace;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A teamspace's changes; what is null stays as it is. The service names visibility {@code visibility_level} here. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TeamspaceUpdate(String name, String description, String icon, String visibilityLevel) {}
