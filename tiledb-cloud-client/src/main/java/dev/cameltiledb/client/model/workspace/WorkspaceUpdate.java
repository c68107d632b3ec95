package dev.cameltiledb.client.model.workspace;

/** A workspace's new name, description or image; what is null stays as it is. */
public record WorkspaceUpdate(String name, String description, String image) {}
