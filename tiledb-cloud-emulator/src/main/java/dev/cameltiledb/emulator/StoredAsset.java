package dev.cameltiledb.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The last change (not read) to the asset; null until its first change after creation. */
    Instant updatedAt;
    /** The asset's key-value metadata (for arrays, what metadata_json returns). */
    Map<String, Object> metadata = new LinkedHashMap<>();
    /** The type a v4 client gave a metadata key ({@code INT32}, {@code STRING_UTF8}...), when it gave one. */
    Map<String, String> metadataTypes = new LinkedHashMap<>();

    /** What anyone who administers the asset's namespace may do. */
    abstract List<String> ownerActions();

    /** What a member of the asset's namespace may do without a share. */
    abstract List<String> memberActions();

    /** Namespace → the actions sharing grants it; the namespace {@code public} grants everyone. */
    abstract Map<String, List<String>> grants();

    /** {@code array} or {@code group}, as error messages name it. */
    abstract String kind();

    /** When the asset last changed: its last update, else its creation. */
    Instant changedAt() {
        return updatedAt != null ? updatedAt : createdAt;
    }

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
