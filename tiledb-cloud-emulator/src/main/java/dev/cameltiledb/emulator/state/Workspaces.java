package dev.cameltiledb.emulator.state;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.emulator.Seed;

/**
 * The workspaces of the workspace platform, their teamspaces, members and credentials, and the rules that map them
 * onto the emulator's one permission model: a teamspace is the namespace {@code workspace/teamspace}; its owners and
 * editors administer it like an organization's owners and writers; its viewers read; the workspace's owners and admins
 * administer every teamspace of the workspace. Only used in the state's transactions.
 */
public final class Workspaces {

    /** By name; a rename moves the entry. */
    private final Map<String, StoredWorkspace> byName = new LinkedHashMap<>();

    public Collection<StoredWorkspace> all() {
        return byName.values();
    }

    /** By name or id, or null. */
    public StoredWorkspace workspace(String nameOrId) {
        StoredWorkspace byItsName = byName.get(nameOrId);
        if (byItsName != null) {
            return byItsName;
        }
        return byName.values().stream()
                .filter(w -> w.id.equals(nameOrId))
                .findFirst()
                .orElse(null);
    }

    public void add(StoredWorkspace workspace) {
        byName.put(workspace.name, workspace);
    }

    public void rename(StoredWorkspace workspace, String newName) {
        byName.remove(workspace.name);
        workspace.name = newName;
        byName.put(newName, workspace);
    }

    /** The teamspace a namespace {@code workspace/teamspace} names (by names), or null. */
    public StoredTeamspace teamspace(String namespace) {
        StoredWorkspace workspace = workspaceOf(namespace);
        return workspace == null ? null : workspace.teamspace(namespace.substring(namespace.indexOf('/') + 1));
    }

    public StoredWorkspace workspaceOf(String namespace) {
        int slash = namespace.indexOf('/');
        return slash < 0 ? null : byName.get(namespace.substring(0, slash));
    }

    public static String namespace(StoredWorkspace workspace, StoredTeamspace teamspace) {
        return workspace.name + "/" + teamspace.name;
    }

    /** Whether the user may create, change, share and delete assets of the teamspace namespace. */
    public boolean canEdit(String username, String namespace) {
        StoredTeamspace teamspace = teamspace(namespace);
        if (teamspace == null) {
            return false;
        }
        if (workspaceOf(namespace).administers(username)) {
            return true;
        }
        Membership m = teamspace.members.get(username);
        return m != null && !m.role().equals("viewer");
    }

    /** Members see a teamspace's assets; so do the workspace's owners and admins, who administer it. */
    public boolean isMember(String username, StoredWorkspace workspace, StoredTeamspace teamspace) {
        return workspace.administers(username) || teamspace.members.containsKey(username);
    }

    public boolean isPublicTeamspace(String namespace) {
        StoredTeamspace teamspace = teamspace(namespace);
        return teamspace != null && teamspace.isPublic();
    }

    /** The teamspace namespaces whose assets the user sees as a member. */
    public Set<String> namespacesOf(String username) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (StoredWorkspace w : byName.values()) {
            for (StoredTeamspace t : w.teamspaces) {
                if (isMember(username, w, t)) {
                    namespaces.add(namespace(w, t));
                }
            }
        }
        return namespaces;
    }

    public List<StoredWorkspace> workspacesOf(String username) {
        return byName.values().stream()
                .filter(w -> w.members.containsKey(username))
                .toList();
    }

    /**
     * Adds a seeded workspace, or merges it into the workspace of that name: members, teamspaces (merged by name)
     * and credentials are added. A teamspace member who is not a member of the workspace becomes a workspace
     * {@code member}, as the service only lets workspace members into teamspaces.
     */
    public void apply(Seed.SeedWorkspace seed, Instant now) {
        StoredWorkspace workspace = byName.get(seed.name());
        if (workspace == null) {
            workspace = new StoredWorkspace();
            workspace.id = id("ws_", "workspace:" + seed.name());
            workspace.name = seed.name();
            workspace.createdAt = now;
            workspace.createdBy = firstOwner(seed.members());
            add(workspace);
        }
        if (seed.description() != null) {
            workspace.description = seed.description();
        }
        addMembers(workspace.members, seed.members(), StoredWorkspace.ROLES, now);
        for (Seed.SeedTeamspace t : seed.teamspaces()) {
            StoredTeamspace teamspace = workspace.teamspace(t.name());
            if (teamspace == null) {
                teamspace = newTeamspace(workspace, t.name(), firstOwner(t.members()), now);
                workspace.teamspaces.add(teamspace);
            }
            if (t.description() != null) {
                teamspace.description = t.description();
            }
            if (t.visibility() != null) {
                teamspace.visibility = checked(t.visibility(), StoredTeamspace.VISIBILITIES, "visibility");
            }
            addMembers(teamspace.members, t.members(), StoredTeamspace.ROLES, now);
            for (String username : t.members().keySet()) {
                workspace.members.putIfAbsent(username, new Membership("member", null, now));
            }
        }
        for (Seed.SeedCredential c : seed.credentials()) {
            if (c.teamspace() != null && workspace.teamspace(c.teamspace()) == null) {
                throw new IllegalArgumentException("credential " + c.name() + " names teamspace " + c.teamspace()
                        + ", which is not in " + workspace.name);
            }
            workspace.credentials.removeIf(old -> old.name().equals(c.name()));
            workspace.credentials.add(new StoredCredential(
                    id("cred_", "credential:" + workspace.id + "/" + c.name()),
                    c.name(),
                    checked(c.provider() == null ? "AWS" : c.provider(), Set.of("AWS", "AZURE", "GCP"), "provider"),
                    c.teamspace(),
                    c.accessKeyId(),
                    c.secretAccessKey(),
                    c.endpoint(),
                    c.providerDefault(),
                    c.allowedInTasks(),
                    now));
        }
    }

    public static StoredTeamspace newTeamspace(StoredWorkspace workspace, String name, String createdBy, Instant now) {
        StoredTeamspace teamspace = new StoredTeamspace();
        // from the workspace id, not its name: a teamspace made after a workspace rename gets the same kind of id
        teamspace.id = id("ts_", "teamspace:" + workspace.id + "/" + name);
        teamspace.name = name;
        teamspace.createdAt = now;
        teamspace.createdBy = createdBy;
        return teamspace;
    }

    private static void addMembers(
            Map<String, Membership> into, Map<String, String> roles, Set<String> allowed, Instant now) {
        roles.forEach(
                (username, role) -> into.put(username, new Membership(checked(role, allowed, "role"), null, now)));
    }

    private static String firstOwner(Map<String, String> members) {
        return members.entrySet().stream()
                .filter(e -> e.getValue().equals("owner"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static String checked(String value, Set<String> allowed, String what) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(what + " must be one of " + allowed + ", was '" + value + "'");
        }
        return value;
    }

    /** A user's stable v4 id: {@code usr_} and 20 base-36 characters derived from the username. */
    public static String userId(String username) {
        return id("usr_", "user:" + username);
    }

    /**
     * {@code prefix} and 20 lowercase base-36 characters from a SHA-256 of {@code key}: the same on every run and
     * machine, so seeds and tests may write ids down.
     */
    public static String id(String prefix, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String base36 =
                    "0".repeat(20) + new BigInteger(1, hash).toString(36).toLowerCase(Locale.ROOT);
            return prefix + base36.substring(base36.length() - 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What is persisted: the workspaces whole (they are few and small). */
    public List<StoredWorkspace> snapshot() {
        return new ArrayList<>(byName.values());
    }
}
