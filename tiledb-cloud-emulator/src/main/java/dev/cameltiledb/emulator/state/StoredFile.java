package dev.cameltiledb.emulator.state;

/**
 * A file of a teamspace, stored through {@code /v4/files}: its {@code name} is its path (the S3-like key), its bytes
 * live in one file under the emulator's file folder, named by the asset id.
 */
public final class StoredFile extends TeamspaceEntry {

    public long size;
    /** The quoted MD5 of the bytes, as S3 gives it. */
    public String etag;

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public long sizeForOrder() {
        return size;
    }
}
