package dev.cameltiledb.emulator.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.http.ApiFailure;

/**
 * Who may do what, the one set of rules for arrays and groups alike: everything for whoever administers the asset's
 * namespace (its user, an organization's writers, a teamspace's owners and editors and its workspace's owners and
 * admins), otherwise what membership of the namespace and sharing grant. What a caller may not see is a 404, as the
 * service does not reveal it; what it sees but may not change is a 403.
 */
public final class AccessRules {

    private final Accounts accounts;
    private final Catalog catalog;
    private final Workspaces workspaces;

    AccessRules(Accounts accounts, Catalog catalog, Workspaces workspaces) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.workspaces = workspaces;
    }

    /**
     * Whether the user may create, change, share and delete assets of the namespace: its own, an organization's it
     * may write to, a teamspace's it owns or edits (or whose workspace it owns or administers).
     */
    public boolean canAdminister(User user, String namespace) {
        if (user.username().equals(namespace)) {
            return true;
        }
        Organization org = accounts.organization(namespace);
        return org != null && org.canWrite(user.username()) || workspaces.canEdit(user.username(), namespace);
    }

    /**
     * Whether the user may know the namespace exists: a teamspace only to its members (and its workspace's owners and
     * admins) unless it is public; other namespaces to everyone, as the classic service lists them.
     */
    public boolean namespaceVisible(User user, String namespace) {
        StoredTeamspace teamspace = workspaces.teamspace(namespace);
        return teamspace == null
                || teamspace.isPublic()
                || workspaces.isMember(user.username(), workspaces.workspaceOf(namespace), teamspace);
    }

    /**
     * What the user may do with the asset: everything for whoever administers its namespace, else what membership of
     * the namespace and sharing (with one of the user's namespaces, or with {@code public}) grant; empty when the user
     * may not see it.
     */
    public List<String> actionsOf(User user, StoredAsset asset) {
        if (canAdminister(user, asset.namespace)) {
            return asset.ownerActions();
        }
        Set<String> own = accounts.namespacesOf(user);
        Set<String> actions = new LinkedHashSet<>();
        if (own.contains(asset.namespace) || workspaces.isPublicTeamspace(asset.namespace)) {
            // a public teamspace lets every user read what it holds
            actions.addAll(asset.memberActions());
        }
        asset.grants().forEach((ns, granted) -> {
            if (own.contains(ns) || EmulatorState.PUBLIC.equals(ns)) {
                actions.addAll(granted);
            }
        });
        return List.copyOf(actions);
    }

    /** The namespace, if the user may create assets in it: a 404 when it does not exist, a 403 when it may not. */
    public void requireAdministrable(User user, String namespace) {
        if (!accounts.namespaceExists(namespace) || EmulatorState.PUBLIC.equals(namespace)) {
            throw ApiFailure.notFound("namespace " + namespace + " does not exist");
        }
        if (!canAdminister(user, namespace)) {
            throw ApiFailure.forbidden("user " + user.username() + " may not create assets in namespace " + namespace);
        }
    }

    public StoredArray readable(User user, String namespace, String array) {
        return readable(user, catalog.find(namespace, array), "array", namespace, array);
    }

    public StoredArray administered(User user, String namespace, String array) {
        return administered(user, readable(user, namespace, array), namespace, array);
    }

    public StoredGroup readableGroup(User user, String namespace, String name) {
        return readable(user, catalog.findGroup(namespace, name), "group", namespace, name);
    }

    public StoredGroup administeredGroup(User user, String namespace, String name) {
        return administered(user, readableGroup(user, namespace, name), namespace, name);
    }

    public StoredArray arraySharingAdministered(User user, String namespace, String array) {
        return sharingAdministered(user, catalog.find(namespace, array), "array", namespace, array);
    }

    public StoredGroup groupSharingAdministered(User user, String namespace, String group) {
        return sharingAdministered(user, catalog.findGroup(namespace, group), "group", namespace, group);
    }

    /** The asset if the user may see it; a 404 otherwise, as the service does not reveal what one cannot see. */
    private <T extends StoredAsset> T readable(User user, T found, String kind, String namespace, String name) {
        if (found == null || actionsOf(user, found).isEmpty()) {
            throw ApiFailure.notFound(
                    kind + " " + namespace + "/" + name + " does not exist or you do not have access to it");
        }
        return found;
    }

    /** The asset if the user administers its namespace; 404 if it cannot see it, 403 if it only may read it. */
    private <T extends StoredAsset> T administered(User user, T readable, String namespace, String name) {
        if (!canAdminister(user, readable.namespace)) {
            throw ApiFailure.forbidden(
                    "user " + user.username() + " may not change " + readable.kind() + " " + namespace + "/" + name);
        }
        return readable;
    }

    /**
     * The asset whose sharing the user reads or changes: only whoever administers its namespace may. Anyone else gets
     * a 404, a reader of the asset too, as the spec answers both sharing endpoints of arrays and groups ("does not
     * exist or user does not have permissions"); other changes answer a reader 403.
     */
    private <T extends StoredAsset> T sharingAdministered(
            User user, T found, String kind, String namespace, String name) {
        if (found == null || !canAdminister(user, found.namespace)) {
            throw ApiFailure.notFound(kind + " " + namespace + "/" + name + " does not exist or user " + user.username()
                    + " does not have permissions to its sharing");
        }
        return found;
    }
}
