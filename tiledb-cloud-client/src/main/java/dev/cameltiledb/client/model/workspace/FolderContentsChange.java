package dev.cameltiledb.client.model.workspace;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Assets (ids or paths) to move into a folder, and out of it to the teamspace's root. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FolderContentsChange(List<String> membersToAdd, List<String> membersToRemove) {}
