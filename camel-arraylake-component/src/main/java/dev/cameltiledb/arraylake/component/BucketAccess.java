package dev.cameltiledb.arraylake.component;

/** What the temporary credentials of a bucket may do. */
public enum BucketAccess {
    /** Read the bucket's objects. */
    read,
    /** Read and write them. */
    write
}
