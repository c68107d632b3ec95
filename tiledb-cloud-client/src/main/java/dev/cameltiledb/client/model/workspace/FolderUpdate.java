package dev.cameltiledb.client.model.workspace;

/** A folder's new name or description; what is null stays as it is. */
public record FolderUpdate(String name, String description) {}
