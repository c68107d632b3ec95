package dev.cameltiledb.component;

/** The part of TileDB Cloud an endpoint works on: the path of {@code tiledb:<resource>}. */
public enum TileDBResource {
    arrays,
    groups,
    notebooks,
    user
}
