package dev.cameltiledb.client.model;

/** The largest buffers a read of one attribute over a subarray can need. */
public record AttributeBufferSize(String attribute, long offsetBytes, long dataBytes) {}
