package dev.cameltiledb.arraylake.emulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A principal's role in an org and the actions it grants. The service keeps finer permissions per repo; the emulator
 * derives every right from the org role, which is what the Python client's permission check exposes.
 */
enum Role {
    ADMIN(EnumSet.allOf(OrgAction.class), EnumSet.allOf(RepoAction.class)),
    MEMBER(
            EnumSet.of(OrgAction.CAN_READ_REPOS, OrgAction.CAN_WRITE_REPOS),
            EnumSet.of(RepoAction.CAN_READ, RepoAction.CAN_WRITE, RepoAction.CAN_READ_WITH_FLUX)),
    VIEWER(EnumSet.of(OrgAction.CAN_READ_REPOS), EnumSet.of(RepoAction.CAN_READ));

    private final Set<OrgAction> orgActions;
    private final Set<RepoAction> repoActions;

    Role(Set<OrgAction> orgActions, Set<RepoAction> repoActions) {
        this.orgActions = orgActions;
        this.repoActions = repoActions;
    }

    boolean allows(OrgAction action) {
        return orgActions.contains(action);
    }

    boolean allows(RepoAction action) {
        return repoActions.contains(action);
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String role) {
        if (role != null) {
            for (Role candidate : values()) {
                if (candidate.wireName().equals(role.toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException("role must be admin, member or viewer, was '" + role + "'");
    }
}
