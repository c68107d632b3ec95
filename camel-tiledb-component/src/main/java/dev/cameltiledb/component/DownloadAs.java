package dev.cameltiledb.component;

/** The body type of a notebook download. */
public enum DownloadAs {
    /** The notebook as a String. */
    string,
    /** The notebook as a byte[]. */
    bytes,
    /** A live InputStream, to close after use. */
    stream
}
