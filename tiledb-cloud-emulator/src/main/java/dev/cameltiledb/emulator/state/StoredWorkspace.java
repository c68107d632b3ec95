package dev.cameltiledb.emulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace of the workspace platform: its members, its teamspaces and its storage credentials. Mutable, and only
 * changed in the state's write transactions; the ids are fixed when it is made, so a rename keeps them.
 */
public final class StoredWorkspace {

    public static final java.util.Set<String> ROLES = java.util.Set.of("owner", "admin", "member");

    public String id;
    public String name;
    public String description;
    public String imageId;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    /** username → membership; roles {@link #ROLES}. */
    public Map<String, Membership> members = new LinkedHashMap<>();

    public List<StoredTeamspace> teamspaces = new ArrayList<>();
    public List<StoredCredential> credentials = new ArrayList<>();

    /** Owners and admins administer the workspace and every teamspace in it. */
    public boolean administers(String username) {
        Membership m = members.get(username);
        return m != null && !m.role().equals("member");
    }

    public StoredTeamspace teamspace(String nameOrId) {
        for (StoredTeamspace t : teamspaces) {
            if (t.name.equals(nameOrId) || t.id.equals(nameOrId)) {
                return t;
            }
        }
        return null;
    }
}
