package dev.cameltiledb.emulator.state;

/** A folder of a teamspace: a path that holds assets; its {@code name} is its path in the teamspace. */
public final class StoredFolder extends TeamspaceEntry {

    @Override
    public String kind() {
        return "folder";
    }

    @Override
    public long sizeForOrder() {
        return 0;
    }
}
