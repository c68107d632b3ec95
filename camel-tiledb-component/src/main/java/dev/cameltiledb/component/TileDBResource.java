package dev.cameltiledb.component;

/** The part of TileDB Cloud an endpoint works on: the path of {@code tiledb:<resource>}. */
public enum TileDBResource {
    /** Consumer only: the activity log of one array or of every array in a namespace. */
    activity,
    arrays,
    groups,
    notebooks,
    user
}
