package dev.cameltiledb.emulator.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** An array (or notebook) as the emulator keeps it. */
public final class StoredArray extends StoredAsset {

    public String fileType;
    public Map<String, String> fileProperties = new LinkedHashMap<>();
    public Boolean readOnly;
    public Long size;
    /** The schema it was created with, or a generated one for a registered array. */
    public JsonNode schema;
    /** True once data was written; an array only created is empty. */
    public boolean hasData;
    /** namespace -> granted actions; the namespace {@code public} makes the array public. */
    public Map<String, List<String>> sharing = new LinkedHashMap<>();

    public List<ActivityEvent> activity = new ArrayList<>();
    /** username → the id of the event of the user's last access, for {@code GET /v1/arrays/last_accessed}. */
    public Map<String, String> lastAccessBy = new LinkedHashMap<>();
    /** For notebooks and files: the end timestamp (epoch ms) of each stored version, oldest first. */
    public List<Long> versions = new ArrayList<>();

    /** What whoever administers the array's namespace may do; the actions a share may grant. */
    public static final List<String> OWNER_ACTIONS =
            List.of("read", "write", "edit", "read_array_logs", "read_array_info", "read_array_schema");

    /** Members of the namespace read the array and its logs, info and schema. */
    private static final List<String> MEMBER_ACTIONS =
            List.of("read", "read_array_logs", "read_array_info", "read_array_schema");

    @Override
    public List<String> ownerActions() {
        return OWNER_ACTIONS;
    }

    @Override
    public List<String> memberActions() {
        return MEMBER_ACTIONS;
    }

    @Override
    public Map<String, List<String>> grants() {
        return sharing;
    }

    @Override
    public String kind() {
        return "array";
    }

    public String arrayType() {
        return schema != null && schema.hasNonNull("arrayType")
                ? schema.get("arrayType").asText()
                : null;
    }

    @Override
    public Set<String> sharedWith() {
        return sharing.keySet();
    }

    @Override
    public long sizeForOrder() {
        return size == null ? 0 : size;
    }
}
