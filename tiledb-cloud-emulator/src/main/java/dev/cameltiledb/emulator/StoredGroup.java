package dev.cameltiledb.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A group as the emulator keeps it: members by id, sharing per namespace. Touched only under the state's lock. */
final class StoredGroup implements ListedAsset {

    /** A member: {@code array} or {@code group}, and its id. */
    record Member(String type, String id) {
    }

    /** What a namespace may do with the group (and its sub-groups) and with the arrays inside. */
    record Share(List<String> groupActions, List<String> arrayActions) {
    }

    String id;
    String namespace;
    String name;
    String uri;
    String description;
    String groupType = "generic";
    String logo;
    String accessCredentialsName;
    List<String> tags = new ArrayList<>();
    String licenseId;
    String licenseText;
    Instant createdAt;
    String createdBy;
    Instant lastAccessed;
    Map<String, Share> sharing = new LinkedHashMap<>();
    List<Member> members = new ArrayList<>();

    boolean isPublic() {
        return sharing.containsKey(EmulatorState.PUBLIC);
    }

    String tiledbUri() {
        return "tiledb://" + namespace + "/" + name;
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
        return members.size();
    }

    @Override
    public Instant lastTouched() {
        return lastAccessed != null ? lastAccessed : createdAt;
    }
}
