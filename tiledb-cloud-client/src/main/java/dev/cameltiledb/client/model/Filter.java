package dev.cameltiledb.client.model;

/** One stage of a filter pipeline, e.g. {@code FILTER_ZSTD} with its level in {@code data}. */
public record Filter(String type, TypedValue data) {}
