package dev.cameltiledb.client.model.workspace;

/** An asset's new name, description or type; what is null stays as it is. */
public record AssetUpdate(String name, String description, String type) {}
