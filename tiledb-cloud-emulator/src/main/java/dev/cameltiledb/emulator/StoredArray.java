package dev.cameltiledb.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An array as the emulator keeps it. Mutable, and only touched under the {@link EmulatorState} lock. Fields are
 * package-visible so the state file maps them directly.
 */
final class StoredArray implements ListedAsset {

    String id;
    String namespace;
    String name;
    String uri;
    String description;
    String fileType;
    Map<String, String> fileProperties = new LinkedHashMap<>();
    String accessCredentialsName;
    String logo;
    List<String> tags = new ArrayList<>();
    String licenseId;
    String licenseText;
    Boolean readOnly;
    Instant createdAt;
    String createdBy;
    Instant lastAccessed;
    Long size;
    /** The schema it was created with, or a generated one for a registered array. */
    JsonNode schema;
    /** True once data was written; an array only created is empty. */
    boolean hasData;
    /** namespace -> granted actions; the namespace {@code public} makes the array public. */
    Map<String, List<String>> sharing = new LinkedHashMap<>();
    /** The array's key-value metadata, as metadata_json returns it. */
    Map<String, Object> metadata = new LinkedHashMap<>();
    List<ActivityEvent> activity = new ArrayList<>();
    /** For notebooks and files: the end timestamp (epoch ms) of each stored version, oldest first. */
    List<Long> versions = new ArrayList<>();

    boolean isPublic() {
        return sharing.containsKey(EmulatorState.PUBLIC);
    }

    String tiledbUri() {
        return "tiledb://" + namespace + "/" + name;
    }

    String arrayType() {
        return schema != null && schema.hasNonNull("arrayType") ? schema.get("arrayType").asText() : null;
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
    public java.util.Set<String> sharedWith() {
        return sharing.keySet();
    }

    @Override
    public long sizeForOrder() {
        return size == null ? 0 : size;
    }

    @Override
    public Instant lastTouched() {
        return lastAccessed != null ? lastAccessed : createdAt;
    }
}
