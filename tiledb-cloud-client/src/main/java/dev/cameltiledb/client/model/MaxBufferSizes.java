package dev.cameltiledb.client.model;

import java.util.List;

/** Per-attribute buffer sizes for a subarray. */
public record MaxBufferSizes(List<AttributeBufferSize> maxBufferSizes) {}
