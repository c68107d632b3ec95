package dev.cameltiledb.client.model;

import java.util.List;

/** An asset's metadata as the listings show it: every value as text, with its type. */
public record MetadataStringified(List<MetadataEntry> entries) {}
