package dev.cameltiledb.component;

/** How listAll treats public arrays. */
public enum PublicShare {
    /** Leave them out. */
    exclude,
    /** Keep just them. */
    only
}
