package dev.cameltiledb.emulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A teamspace of a workspace: a namespace {@code workspace/teamspace} for assets, with its own members. Mutable, and
 * only touched under the {@link EmulatorState} lock.
 */
final class StoredTeamspace {

    static final java.util.Set<String> ROLES = java.util.Set.of("owner", "editor", "viewer");
    static final java.util.Set<String> VISIBILITIES = java.util.Set.of("private", "public");

    String id;
    String name;
    String description;
    String icon;
    String visibility = "private";
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
    /** username → membership; roles {@link #ROLES}. */
    Map<String, Membership> members = new LinkedHashMap<>();

    boolean isPublic() {
        return "public".equals(visibility);
    }
}
