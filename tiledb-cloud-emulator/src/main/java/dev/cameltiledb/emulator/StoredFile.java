package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file of a teamspace, stored through {@code /v4/files}: its {@code name} is its path (the S3-like key), its bytes
 * live in one file under the emulator's file folder, named by the asset id.
 */
final class StoredFile extends StoredAsset {

    long size;
    /** The quoted MD5 of the bytes, as S3 gives it. */
    String etag;

    @Override
    List<String> ownerActions() {
        return List.of("read", "write", "edit");
    }

    @Override
    List<String> memberActions() {
        return List.of("read");
    }

    @Override
    Map<String, List<String>> grants() {
        return Map.of();
    }

    @Override
    String kind() {
        return "file";
    }

    @Override
    public Set<String> sharedWith() {
        return Set.of();
    }

    @Override
    public long sizeForOrder() {
        return size;
    }
}
