package dev.cameltiledb.emulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What arrays and groups have in common: identity, description, tags, who made them and when. Mutable, and only
 * changed in the state's write transactions; the data directory's files map the fields directly.
 */
public abstract class StoredAsset implements ListedAsset {

    public String id;
    public String namespace;
    public String name;
    public String uri;
    public String description;
    public String logo;
    public String accessCredentialsName;
    public List<String> tags = new ArrayList<>();
    public String licenseId;
    public String licenseText;
    public Instant createdAt;
    public String createdBy;
    public Instant lastAccessed;
    /** The last change (not read) to the asset; null until its first change after creation. */
    public Instant updatedAt;
    /** The asset's key-value metadata (for arrays, what metadata_json returns). */
    public Map<String, Object> metadata = new LinkedHashMap<>();
    /** The type a v4 client gave a metadata key ({@code INT32}, {@code STRING_UTF8}...), when it gave one. */
    public Map<String, String> metadataTypes = new LinkedHashMap<>();

    /** What anyone who administers the asset's namespace may do. */
    public abstract List<String> ownerActions();

    /** What a member of the asset's namespace may do without a share. */
    public abstract List<String> memberActions();

    /** Namespace → the actions sharing grants it; the namespace {@code public} grants everyone. */
    public abstract Map<String, List<String>> grants();

    /** {@code array} or {@code group}, as error messages name it. */
    public abstract String kind();

    /** When the asset last changed: its last update, else its creation. */
    public Instant changedAt() {
        return updatedAt != null ? updatedAt : createdAt;
    }

    public String tiledbUri() {
        return "tiledb://" + namespace + "/" + name;
    }

    public boolean isPublic() {
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
