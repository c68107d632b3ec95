package dev.cameltiledb.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What arrays and groups have in common: identity, description, tags, who made them and when. Mutable, and only
 * touched under the {@link EmulatorState} lock; fields are package-visible so the state file maps them directly.
 */
abstract class StoredAsset implements ListedAsset {

    String id;
    String namespace;
    String name;
    String uri;
    String description;
    String logo;
    String accessCredentialsName;
    List<String> tags = new ArrayList<>();
    String licenseId;
    String licenseText;
    Instant createdAt;
    String createdBy;
    Instant lastAccessed;

    String tiledbUri() {
        return "tiledb://" + namespace + "/" + name;
    }

    boolean isPublic() {
        return sharedWith().contains(EmulatorState.PUBLIC);
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    @Override
    public Instant lastTouched() {
        return lastAccessed != null ? lastAccessed : createdAt;
    }
}
