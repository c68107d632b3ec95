package dev.cameltiledb.emulator;

/** A folder of a teamspace: a path that holds assets; its {@code name} is its path in the teamspace. */
final class StoredFolder extends TeamspaceEntry {

    @Override
    String kind() {
        return "folder";
    }

    @Override
    public long sizeForOrder() {
        return 0;
    }
}
