package dev.cameltiledb.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A folder of a teamspace: a path that holds assets; its {@code name} is its path in the teamspace. */
final class StoredFolder extends StoredAsset {

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
        return "folder";
    }

    @Override
    public Set<String> sharedWith() {
        return Set.of();
    }

    @Override
    public long sizeForOrder() {
        return 0;
    }
}
