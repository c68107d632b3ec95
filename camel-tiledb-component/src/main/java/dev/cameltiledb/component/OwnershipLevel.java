package dev.cameltiledb.component;

/** Which assets of a classic namespace a listing shows, by who owns them. */
public enum OwnershipLevel {
    /** The assets the namespace owns. */
    owned,
    /** The assets shared with it. */
    shared
}
