package dev.cameltiledb.client.model;

/** One entry of an asset's metadata as the listings return it with {@code with_metadata=true}. */
public record MetadataEntry(String key, String value, String type) {}
