package dev.cameltiledb.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace of the workspace platform: its members, its teamspaces and its storage credentials. Mutable, and only
 * touched under the {@link EmulatorState} lock; the ids are fixed when it is made, so a rename keeps them.
 */
final class StoredWorkspace {

    static final java.util.Set<String> ROLES = java.util.Set.of("owner", "admin", "member");

    String id;
    String name;
    String description;
    String imageId;
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
    /** username → membership; roles {@link #ROLES}. */
    Map<String, Membership> members = new LinkedHashMap<>();

    List<StoredTeamspace> teamspaces = new ArrayList<>();
    List<StoredCredential> credentials = new ArrayList<>();

    /** Owners and admins administer the workspace and every teamspace in it. */
    boolean administers(String username) {
        Membership m = members.get(username);
        return m != null && !m.role().equals("member");
    }

    StoredTeamspace teamspace(String nameOrId) {
        for (StoredTeamspace t : teamspaces) {
            if (t.name.equals(nameOrId) || t.id.equals(nameOrId)) {
                return t;
            }
        }
        return null;
    }
}
