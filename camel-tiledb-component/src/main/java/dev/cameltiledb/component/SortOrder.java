package dev.cameltiledb.component;

/** The direction of a listing's {@code orderBy}. */
public enum SortOrder {
    /** Smallest first. */
    asc,
    /** Largest first. */
    desc
}
