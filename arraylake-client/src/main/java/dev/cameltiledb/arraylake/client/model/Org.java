package dev.cameltiledb.arraylake.client.model;

/** An org the caller belongs to. */
public record Org(String id, String name, String description) {}
