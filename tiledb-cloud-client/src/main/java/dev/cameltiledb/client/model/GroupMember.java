package dev.cameltiledb.client.model;

/**
 * A member to add to a group: its name, its {@code tiledb://} URI, and whether it is an {@code ARRAY} or a
 * {@code GROUP} (the v2 spelling).
 */
public record GroupMember(String name, String uri, String type) {}
