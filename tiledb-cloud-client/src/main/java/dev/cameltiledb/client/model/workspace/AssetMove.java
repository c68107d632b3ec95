package dev.cameltiledb.client.model.workspace;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Assets (ids or paths) to move into the {@code target} folder. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssetMove(List<String> assetsToAdd, String target) {}
