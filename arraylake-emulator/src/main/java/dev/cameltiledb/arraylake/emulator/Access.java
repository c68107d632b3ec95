package dev.cameltiledb.arraylake.emulator;

/**
 * Who may do what: each endpoint names the action it needs and gets a 403 naming it when the caller's role in the
 * org lacks it. Every right follows from the org role ({@link Role}).
 */
final class Access {

    private Access() {}

    static Role member(Org org, Principal principal) {
        return org.roleOf(principal)
                .orElseThrow(() ->
                        ApiError.forbidden("Principal " + principal.id() + " is not a member of org " + org.name()));
    }

    static void require(Org org, Principal principal, OrgAction action) {
        Role role = member(org, principal);
        if (!role.allows(action)) {
            throw denied(org, principal, role, action.name());
        }
    }

    static void require(Org org, Principal principal, RepoAction action, String repo) {
        Role role = member(org, principal);
        if (!role.allows(action)) {
            throw ApiError.forbidden("Principal " + principal.id() + " (" + role.wireName() + ") lacks " + action.name()
                    + " on repo " + org.name() + "/" + repo);
        }
    }

    /** Bucket configs and repo deletion are for org admins only. */
    static void requireAdmin(Org org, Principal principal, String what) {
        Role role = member(org, principal);
        if (role != Role.ADMIN) {
            throw denied(org, principal, role, "admin role to " + what);
        }
    }

    private static ApiError denied(Org org, Principal principal, Role role, String needed) {
        return ApiError.forbidden(
                "Principal " + principal.id() + " (" + role.wireName() + ") lacks " + needed + " in org " + org.name());
    }
}
