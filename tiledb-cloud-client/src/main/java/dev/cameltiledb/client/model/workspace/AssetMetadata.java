package dev.cameltiledb.client.model.workspace;

/** One metadata entry of an asset: key, value as text, and its TileDB datatype ({@code STRING_UTF8}, {@code INT64}...). */
public record AssetMetadata(String key, String value, String type) {}
