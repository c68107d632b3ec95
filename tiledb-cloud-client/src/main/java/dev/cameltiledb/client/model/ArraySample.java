package dev.cameltiledb.client.model;

import java.util.Map;

/** A few cells of an array: dimension and attribute names mapped to their values. */
public record ArraySample(Map<String, Object> data) {}
