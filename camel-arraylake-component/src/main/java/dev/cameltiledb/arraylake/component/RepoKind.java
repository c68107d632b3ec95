package dev.cameltiledb.arraylake.component;

/** The kind of a repo to create. */
public enum RepoKind {
    /** An Icechunk repo: the only kind the service creates. */
    icechunk,
    /** The first generation of Arraylake repos; the service refuses to create one. */
    v1
}
