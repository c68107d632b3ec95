package dev.cameltiledb.client.model.workspace;

/** The {@code {"data": ...}} envelope of a {@code /v4} answer. */
public record Data<T>(T data) {}
