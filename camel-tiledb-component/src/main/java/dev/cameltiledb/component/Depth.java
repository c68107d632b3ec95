package dev.cameltiledb.component;

/** How deep a classic asset listing goes. */
public enum Depth {
    /** Only the assets no group holds. */
    root,
    /** Every asset. */
    all
}
