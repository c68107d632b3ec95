package dev.cameltiledb.emulator.state;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.User;

/**
 * Who exists and how they sign in: users with their API keys and passwords, organizations and their members, the
 * tokens issued through the API (API keys too, until they expire or are revoked), the workspace platform's workspaces
 * and teamspaces, and the namespaces all these make. Kept whole in the data directory's {@code accounts.json}.
 */
public final class Accounts {

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> usersByApiKey = new HashMap<>();
    private final IssuedTokens issuedTokens = new IssuedTokens();
    /** username → when the user was added, the {@code created_at} of v4 user answers. */
    private final Map<String, Instant> userSince = new HashMap<>();

    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final Workspaces workspaces;
    private final Changes changes;
    private final Clock clock;

    Accounts(Workspaces workspaces, Changes changes, Clock clock) {
        this.workspaces = workspaces;
        this.changes = changes;
        this.clock = clock;
    }

    // ---- users and organizations

    /** Adds a user, or replaces the one of that name. */
    public void addUser(User user) {
        changes.accountsChanged();
        putUser(user);
        userSince.putIfAbsent(user.username(), clock.instant());
    }

    /** Adds an organization, or replaces the one of that name (its members changed). */
    public void addOrganization(Organization organization) {
        changes.accountsChanged();
        organizations.put(organization.name(), organization);
    }

    private void putUser(User user) {
        users.put(user.username(), user);
        user.apiKeys().forEach(key -> usersByApiKey.put(key, user.username()));
    }

    public Collection<User> users() {
        return users.values();
    }

    public Collection<Organization> organizations() {
        return organizations.values();
    }

    /** A user by username, or null. */
    public User user(String username) {
        return username == null ? null : users.get(username);
    }

    /** When the user was added to the emulator. */
    public Instant userSince(String username) {
        return userSince.get(username);
    }

    /** A user by username or v4 id ({@code usr_...}), or null. */
    public User userByNameOrId(String nameOrId) {
        User byName = users.get(nameOrId);
        if (byName != null) {
            return byName;
        }
        return users.values().stream()
                .filter(u -> Workspaces.userId(u.username()).equals(nameOrId))
                .findFirst()
                .orElse(null);
    }

    /** An organization by name, or null. */
    public Organization organization(String name) {
        return name == null ? null : organizations.get(name);
    }

    /** The organizations the user is a member of, by name. */
    public List<Organization> organizationsOf(User user) {
        return organizations.values().stream()
                .filter(o -> o.members().containsKey(user.username()))
                .sorted(Comparator.comparing(Organization::name))
                .toList();
    }

    /** A stable id for a user or organization name. */
    public static String idOf(String namespace) {
        return UUID.nameUUIDFromBytes(("namespace:" + namespace).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // ---- signing in

    public User byApiKey(String key) {
        if (issuedTokens.expired(key, clock.instant())) {
            return null;
        }
        String username = usersByApiKey.get(key);
        return username == null ? null : users.get(username);
    }

    /** The user named in an HTTP basic {@code Authorization} header whose password matches, or null. */
    public User byBasicAuth(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        User user = users.get(decoded.substring(0, colon));
        return user != null && user.password() != null && user.password().equals(decoded.substring(colon + 1))
                ? user
                : null;
    }

    /**
     * The user an OAuth2 bearer token ({@code Authorization: Bearer <token>}) was issued to, through {@code /v1/token},
     * {@code /v1/session} or {@code /v4/tokens}, while it is valid; null for anything else. A seeded API key is no
     * access token: the service issues those.
     */
    public User byBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        IssuedTokens.Issued issued = issuedTokens.get(token);
        return issued == null || issuedTokens.expired(token, clock.instant()) ? null : users.get(issued.username());
    }

    /** Records a token issued through the API and makes it an API key of its user. */
    public void issueToken(IssuedTokens.Issued token) {
        changes.accountsChanged();
        issuedTokens.add(token);
        usersByApiKey.put(token.token(), token.username());
    }

    /** Revokes a token issued through the API: it authenticates no more. */
    public void revokeToken(IssuedTokens.Issued token) {
        changes.accountsChanged();
        issuedTokens.remove(token.token());
        usersByApiKey.remove(token.token());
    }

    public IssuedTokens issuedTokens() {
        return issuedTokens;
    }

    // ---- namespaces

    /** The user or organization that owns the namespace and its storage settings; null for a teamspace or none. */
    public StorageOwner storageOwner(String namespace) {
        User user = user(namespace);
        return user != null ? user : organization(namespace);
    }

    /** The user's own namespace, those of its organizations, and the teamspaces it is a member of. */
    public Set<String> namespacesOf(User user) {
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(user.username());
        organizations.values().stream()
                .filter(o -> o.members().containsKey(user.username()))
                .forEach(o -> namespaces.add(o.name()));
        namespaces.addAll(workspaces.namespacesOf(user.username()));
        return namespaces;
    }

    public boolean namespaceExists(String namespace) {
        return users.containsKey(namespace)
                || organizations.containsKey(namespace)
                || EmulatorState.PUBLIC.equals(namespace)
                || workspaces.teamspace(namespace) != null;
    }

    public String namespaceType(String namespace) {
        if (organizations.containsKey(namespace)) {
            return "organization";
        }
        if (workspaces.teamspace(namespace) != null) {
            return "teamspace";
        }
        return EmulatorState.PUBLIC.equals(namespace) ? EmulatorState.PUBLIC : "user";
    }

    public Workspaces workspaces() {
        return workspaces;
    }

    // ---- the accounts file

    StateFiles.AccountsFile file() {
        return new StateFiles.AccountsFile(
                List.copyOf(users.values()),
                List.copyOf(organizations.values()),
                workspaces.snapshot(),
                new TreeMap<>(userSince),
                issuedTokens.all());
    }

    /** Puts a saved accounts file in place; files of earlier versions lack workspaces, dates or tokens. */
    void load(StateFiles.AccountsFile file) {
        file.users().forEach(this::putUser);
        file.users().forEach(u -> userSince.putIfAbsent(u.username(), clock.instant()));
        file.organizations().forEach(o -> organizations.put(o.name(), o));
        if (file.userSince() != null) {
            userSince.putAll(file.userSince());
        }
        if (file.workspaces() != null) {
            file.workspaces().forEach(workspaces::add);
        }
        for (IssuedTokens.Issued token :
                file.issuedTokens() == null ? List.<IssuedTokens.Issued>of() : file.issuedTokens()) {
            issuedTokens.add(token);
            usersByApiKey.put(token.token(), token.username());
        }
    }
}
