package dev.cameltiledb.component;

/** What an upload does when a notebook of that name exists. */
public enum OnExists {
    /** Refuse before any byte is sent. */
    fail,
    /** Write a new version. */
    overwrite
}
