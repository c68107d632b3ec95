package dev.cameltiledb.emulator.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A teamspace of a workspace: a namespace {@code workspace/teamspace} for assets, with its own members. Mutable, and
 * only changed in the state's write transactions.
 */
public final class StoredTeamspace {

    public static final java.util.Set<String> ROLES = java.util.Set.of("owner", "editor", "viewer");
    public static final java.util.Set<String> VISIBILITIES = java.util.Set.of("private", "public");

    public String id;
    public String name;
    public String description;
    public String icon;
    public String visibility = "private";
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    /** username → membership; roles {@link #ROLES}. */
    public Map<String, Membership> members = new LinkedHashMap<>();

    public boolean isPublic() {
        return "public".equals(visibility);
    }
}
