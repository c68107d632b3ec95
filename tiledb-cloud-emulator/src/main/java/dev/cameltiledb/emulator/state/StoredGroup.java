package dev.cameltiledb.emulator.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A group as the emulator keeps it: members by id, sharing per namespace. */
public final class StoredGroup extends StoredAsset {

    /** A member: {@code array} or {@code group}, and its id. */
    public record Member(String type, String id) {}

    /** What a namespace may do with the group (and its sub-groups) and with the arrays inside. */
    public record Share(List<String> groupActions, List<String> arrayActions) {}

    public String groupType = "generic";
    public Map<String, Share> sharing = new LinkedHashMap<>();
    public List<Member> members = new ArrayList<>();
    /**
     * The group's own activity log (create, register, member and metadata changes), oldest first; what its members do
     * is in their own logs.
     */
    public List<ActivityEvent> activity = new ArrayList<>();
    /**
     * The v2 metadata entries ({@code key}, {@code type}, {@code valueNum}, {@code value}) by key, kept as the client
     * sent them: the service hands them to TileDB Embedded without reading the value, and so does the emulator.
     */
    public Map<String, Map<String, Object>> metadataEntries = new LinkedHashMap<>();

    @Override
    public List<String> ownerActions() {
        return List.of("read", "write", "edit");
    }

    @Override
    public List<String> memberActions() {
        return List.of("read");
    }

    /** The group actions of each share (its array actions apply to the arrays inside, not to the group). */
    @Override
    public Map<String, List<String>> grants() {
        Map<String, List<String>> grants = new LinkedHashMap<>();
        sharing.forEach((namespace, share) -> grants.put(namespace, share.groupActions()));
        return grants;
    }

    @Override
    public String kind() {
        return "group";
    }

    @Override
    public Set<String> sharedWith() {
        return sharing.keySet();
    }

    @Override
    public long sizeForOrder() {
        return members.size();
    }
}
