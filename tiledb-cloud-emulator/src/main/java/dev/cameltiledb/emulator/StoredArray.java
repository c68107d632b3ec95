package dev.cameltiledb.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** An array (or notebook) as the emulator keeps it. */
final class StoredArray extends StoredAsset {

    String fileType;
    Map<String, String> fileProperties = new LinkedHashMap<>();
    Boolean readOnly;
    Long size;
    /** The schema it was created with, or a generated one for a registered array. */
    JsonNode schema;
    /** True once data was written; an array only created is empty. */
    boolean hasData;
    /** namespace -> granted actions; the namespace {@code public} makes the array public. */
    Map<String, List<String>> sharing = new LinkedHashMap<>();

    List<ActivityEvent> activity = new ArrayList<>();
    /** For notebooks and files: the end timestamp (epoch ms) of each stored version, oldest first. */
    List<Long> versions = new ArrayList<>();

    /** Members of the namespace read the array and its logs, info and schema. */
    private static final List<String> MEMBER_ACTIONS =
            List.of("read", "read_array_logs", "read_array_info", "read_array_schema");

    @Override
    List<String> ownerActions() {
        return EmulatorState.OWNER_ACTIONS;
    }

    @Override
    List<String> memberActions() {
        return MEMBER_ACTIONS;
    }

    @Override
    Map<String, List<String>> grants() {
        return sharing;
    }

    @Override
    String kind() {
        return "array";
    }

    String arrayType() {
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
