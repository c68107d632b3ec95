package dev.cameltiledb.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything the emulated service knows: users, organizations and arrays with their sharing and activity. All
 * access goes through {@link #locked(Supplier)}, one request at a time; requests are short, so a single lock is
 * simpler than finer ones and still far from the bottleneck. With a data directory, every change is written before the
 * request is answered, one file per array and group that the request touched ({@code state/arrays/<id>.json},
 * {@code state/groups/<id>.json}) plus users and organizations when they change, so a write costs the same with 20,000
 * arrays as with 10.
 */
public final class EmulatorState {

    /** Sharing with this namespace makes an asset public. */
    public static final String PUBLIC = "public";

    static final List<String> OWNER_ACTIONS =
            List.of("read", "write", "edit", "read_array_logs", "read_array_info", "read_array_schema");

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> usersByApiKey = new HashMap<>();
    /** Tokens issued through the API: they are API keys too ({@link #usersByApiKey}) until they expire or are revoked. */
    private final IssuedTokens issuedTokens = new IssuedTokens();
    /** username → when the user was added, the {@code created_at} of v4 user answers. */
    private final Map<String, Instant> userSince = new HashMap<>();

    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final Map<String, StoredArray> arraysById = new LinkedHashMap<>();
    /** "namespace/name" → array: lookups by name stay constant-time with 100,000 arrays. */
    private final Map<String, StoredArray> arraysByName = new HashMap<>();

    private final Map<String, StoredGroup> groupsById = new LinkedHashMap<>();
    /** The workspace platform's workspaces, teamspaces and credentials (empty on a classic server). */
    private final Workspaces workspaces = new Workspaces();
    /** Folders and files of teamspaces, by id, and by "namespace/path". */
    private final Map<String, StoredAsset> itemsById = new LinkedHashMap<>();

    private final Map<String, StoredAsset> itemsByPath = new HashMap<>();
    /** (username -> array id -> last access), for last_accessed. */
    private final Map<String, Map<String, ActivityEvent>> lastAccess = new HashMap<>();
    /** The data directory's state folder, or null in memory. */
    private final Path stateDir;
    /** The single file of earlier versions, read once and replaced by the state folder. */
    private final Path legacyStateFile;
    /** What changed since the last save: arrays and groups touched by lookups or changes, ids removed. */
    private final Set<StoredAsset> touched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The state files of assets removed since the last save. */
    private final Set<Path> removedFiles = new HashSet<>();

    private boolean accountsChanged;
    /** Bytes written by saves, for tests that check what one write costs. */
    private long bytesWritten;

    private final ObjectMapper mapper;
    private final Clock clock;

    /** Counts {@link #locked} calls: a listing kept from the previous one is still true if nothing else ran since. */
    private long generation;

    private String listingQuery;
    private long listingGeneration;
    private List<?> listing;

    EmulatorState(Path dataDirectory, ObjectMapper mapper, Clock clock) {
        this.stateDir = dataDirectory == null ? null : dataDirectory.resolve("state");
        this.legacyStateFile = dataDirectory == null ? null : dataDirectory.resolve("state.json");
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Runs {@code action} with the state to itself. */
    public synchronized <T> T locked(Supplier<T> action) {
        generation++;
        // what earlier requests only looked at is not to be written; each request saves what it touched
        touched.clear();
        return action.get();
    }

    /** Like {@link #locked}, for an action that only reads: a kept listing stays valid across it. */
    synchronized <T> T reading(Supplier<T> action) {
        return action.get();
    }

    /**
     * The filtered, ordered items of a paged listing (browser listings, activity logs), reused when the same user asks
     * the same question (all but the page) with no other {@link #locked} call in between. A client paging through
     * 100,000 arrays asks it a thousand times; filtering and sorting them on every page made the emulator, not the
     * client, the slow side. Every
     * change, whether from a route or from {@link TileDBEmulator}'s public methods (a test's request hook among
     * them), goes through {@link #locked}, so none can leave a stale listing behind. Call inside {@link #locked}.
     */
    @SuppressWarnings("unchecked")
    <T> List<T> listing(String query, int page, Supplier<List<T>> compute) {
        if (page <= 1 || !query.equals(listingQuery) || listingGeneration != generation - 1) {
            listing = compute.get();
            listingQuery = query;
        }
        listingGeneration = generation;
        return (List<T>) listing;
    }

    Instant now() {
        return clock.instant();
    }

    // ---- users and organizations

    synchronized void addUser(User user) {
        accountsChanged = true;
        users.put(user.username(), user);
        userSince.putIfAbsent(user.username(), now());
        user.apiKeys().forEach(key -> usersByApiKey.put(key, user.username()));
    }

    synchronized void addOrganization(Organization organization) {
        accountsChanged = true;
        organizations.put(organization.name(), organization);
    }

    /** Every user; read under the state's lock. */
    java.util.Collection<User> users() {
        return users.values();
    }

    /** A user by username, or null. */
    User user(String username) {
        return username == null ? null : users.get(username);
    }

    /** When the user was added to the emulator. */
    Instant userSince(String username) {
        return userSince.get(username);
    }

    /** A user by username or v4 id ({@code usr_...}), or null. */
    User userByNameOrId(String nameOrId) {
        User byName = users.get(nameOrId);
        if (byName != null) {
            return byName;
        }
        return users.values().stream()
                .filter(u -> Workspaces.userId(u.username()).equals(nameOrId))
                .findFirst()
                .orElse(null);
    }

    User byApiKey(String key) {
        if (issuedTokens.expired(key, now())) {
            return null;
        }
        String username = usersByApiKey.get(key);
        return username == null ? null : users.get(username);
    }

    /** The user named in an HTTP basic {@code Authorization} header whose password matches, or null. */
    User byBasicAuth(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()),
                    java.nio.charset.StandardCharsets.UTF_8);
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
    User byBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        IssuedTokens.Issued issued = issuedTokens.get(token);
        return issued == null || issuedTokens.expired(token, now()) ? null : users.get(issued.username());
    }

    /** Records a token issued through the API and makes it an API key of its user. */
    void issueToken(IssuedTokens.Issued token) {
        issuedTokens.add(token);
        usersByApiKey.put(token.token(), token.username());
    }

    /** Revokes a token issued through the API: it authenticates no more. */
    void revokeToken(IssuedTokens.Issued token) {
        issuedTokens.remove(token.token());
        usersByApiKey.remove(token.token());
    }

    IssuedTokens issuedTokens() {
        return issuedTokens;
    }

    /** A stable id for a user or organization name. */
    String idOf(String namespace) {
        return UUID.nameUUIDFromBytes(("namespace:" + namespace).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** An organization by name, or null. */
    Organization organization(String name) {
        return name == null ? null : organizations.get(name);
    }

    /** The user or organization that owns the namespace and its storage settings; null for a teamspace or none. */
    StorageOwner storageOwner(String namespace) {
        User user = user(namespace);
        return user != null ? user : organization(namespace);
    }

    /** The organizations the user is a member of, by name. */
    List<Organization> organizationsOf(User user) {
        return organizations.values().stream()
                .filter(o -> o.members().containsKey(user.username()))
                .sorted(java.util.Comparator.comparing(Organization::name))
                .toList();
    }

    /** The user's own namespace and those of its organizations. */
    Set<String> namespacesOf(User user) {
        Set<String> namespaces = new LinkedHashSet<>();
        namespaces.add(user.username());
        organizations.values().stream()
                .filter(o -> o.members().containsKey(user.username()))
                .forEach(o -> namespaces.add(o.name()));
        namespaces.addAll(workspaces.namespacesOf(user.username()));
        return namespaces;
    }

    boolean namespaceExists(String namespace) {
        return users.containsKey(namespace)
                || organizations.containsKey(namespace)
                || PUBLIC.equals(namespace)
                || workspaces.teamspace(namespace) != null;
    }

    String namespaceType(String namespace) {
        if (organizations.containsKey(namespace)) {
            return "organization";
        }
        if (workspaces.teamspace(namespace) != null) {
            return "teamspace";
        }
        return PUBLIC.equals(namespace) ? PUBLIC : "user";
    }

    /**
     * Whether the user may create, change, share and delete assets of the namespace: its own, an organization's it
     * may write to, a teamspace's it owns or edits (or whose workspace it owns or administers).
     */
    boolean canAdminister(User user, String namespace) {
        if (user.username().equals(namespace)) {
            return true;
        }
        Organization org = organizations.get(namespace);
        return org != null && org.canWrite(user.username()) || workspaces.canEdit(user.username(), namespace);
    }

    /**
     * Whether the user may know the namespace exists: a teamspace only to its members (and its workspace's owners and
     * admins) unless it is public; other namespaces to everyone, as the classic service lists them.
     */
    boolean namespaceVisible(User user, String namespace) {
        StoredTeamspace teamspace = workspaces.teamspace(namespace);
        return teamspace == null
                || teamspace.isPublic()
                || workspaces.isMember(user.username(), workspaces.workspaceOf(namespace), teamspace);
    }

    Workspaces workspaces() {
        return workspaces;
    }

    /** Workspaces, teamspaces, their members or credentials changed: the accounts file is written at the save. */
    void accountsChanged() {
        accountsChanged = true;
    }

    // ---- arrays

    Collection<StoredArray> arrays() {
        return arraysById.values();
    }

    /** An array by namespace and name, id or storage URI; null when there is none. */
    /** The array of that name, id or storage URI in the namespace, or null; a change to it is saved by {@link #save}. */
    StoredArray find(String namespace, String nameOrIdOrUri) {
        return touch(lookUp(namespace, nameOrIdOrUri));
    }

    /** Marks an array or group as possibly changed by this request; returns it. */
    <T extends StoredAsset> T touch(T asset) {
        if (asset != null && stateDir != null) {
            touched.add(asset);
        }
        return asset;
    }

    private StoredArray lookUp(String namespace, String nameOrIdOrUri) {
        StoredArray byName = arraysByName.get(namespace + "/" + nameOrIdOrUri);
        if (byName != null) {
            return byName;
        }
        StoredArray byId = arraysById.get(nameOrIdOrUri);
        if (byId != null && byId.namespace.equals(namespace)) {
            return byId;
        }
        if (!nameOrIdOrUri.contains("://")) {
            return null;
        }
        return arraysById.values().stream()
                .filter(a -> a.namespace.equals(namespace) && nameOrIdOrUri.equals(a.uri))
                .findFirst()
                .orElse(null);
    }

    /** Gives an array a new name, keeping the name index right. */
    void rename(StoredArray array, String newName) {
        moveArray(array, array.namespace, newName);
    }

    /** Gives an array a new namespace and name (a teamspace rename, a move between folders). */
    void moveArray(StoredArray array, String namespace, String name) {
        touch(array);
        arraysByName.remove(array.namespace + "/" + array.name);
        array.namespace = namespace;
        array.name = name;
        arraysByName.put(array.namespace + "/" + array.name, array);
    }

    /**
     * The one set of permission rules, for arrays and groups alike: everything for whoever administers the asset's
     * namespace, else what membership of the namespace and sharing (with one of the user's namespaces, or with
     * {@code public}) grant; empty when the user may not see the asset.
     */
    List<String> actionsOf(User user, StoredAsset asset) {
        if (canAdminister(user, asset.namespace)) {
            return asset.ownerActions();
        }
        Set<String> own = namespacesOf(user);
        Set<String> actions = new LinkedHashSet<>();
        if (own.contains(asset.namespace) || workspaces.isPublicTeamspace(asset.namespace)) {
            // a public teamspace lets every user read what it holds
            actions.addAll(asset.memberActions());
        }
        asset.grants().forEach((ns, granted) -> {
            if (own.contains(ns) || PUBLIC.equals(ns)) {
                actions.addAll(granted);
            }
        });
        return List.copyOf(actions);
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

    StoredArray arraySharingAdministered(User user, String namespace, String array) {
        return sharingAdministered(user, find(namespace, array), "array", namespace, array);
    }

    StoredGroup groupSharingAdministered(User user, String namespace, String group) {
        return sharingAdministered(user, findGroup(namespace, group), "group", namespace, group);
    }

    StoredArray readable(User user, String namespace, String array) {
        return readable(user, find(namespace, array), "array", namespace, array);
    }

    StoredArray administered(User user, String namespace, String array) {
        return administered(user, readable(user, namespace, array), namespace, array);
    }

    void requireAdministrable(User user, String namespace) {
        if (!namespaceExists(namespace) || PUBLIC.equals(namespace)) {
            throw ApiFailure.notFound("namespace " + namespace + " does not exist");
        }
        if (!canAdminister(user, namespace)) {
            throw ApiFailure.forbidden("user " + user.username() + " may not create assets in namespace " + namespace);
        }
    }

    StoredArray add(StoredArray array) {
        if (arraysByName.containsKey(array.namespace + "/" + array.name)) {
            throw ApiFailure.conflict("array " + array.namespace + "/" + array.name + " already exists");
        }
        if (array.id == null) {
            array.id = UUID.randomUUID().toString();
        }
        requirePathFree(array.namespace, array.name);
        if (array.createdAt == null) {
            array.createdAt = now();
        }
        arraysById.put(array.id, array);
        arraysByName.put(array.namespace + "/" + array.name, array);
        added(array);
        return touch(array);
    }

    void remove(StoredArray array) {
        arraysById.remove(array.id);
        arraysByName.remove(array.namespace + "/" + array.name);
        forget(array);
    }

    /** Logs the action that removes the array (delete or deregister) on its activity, then removes it. */
    void remove(StoredArray array, String action, String username) {
        recordEvent(array, action, username);
        remove(array);
    }

    /**
     * Appends an activity event and remembers the access for last_accessed. A query ({@code query_read},
     * {@code query_write}) is a task of the service, which the task listings show under the event's id; its event
     * names that task in {@code array_task_id}, as the service's query events name theirs.
     */
    ActivityEvent recordEvent(StoredArray array, String action, String username) {
        String id = UUID.randomUUID().toString();
        boolean query = action.equals("query_read") || action.equals("query_write");
        ActivityEvent event = new ActivityEvent(id, now(), action, username, 0, 0, query ? id : null);
        touch(array);
        if (!READ_ACTIONS.contains(action)) {
            changed(array);
        }
        array.activity.add(event);
        array.lastAccessed = event.eventAt();
        lastAccess.computeIfAbsent(username, u -> new LinkedHashMap<>()).put(array.id, event);
        return event;
    }

    /** Logged actions that only read: the others are changes, and move the asset's {@code updatedAt}. */
    private static final Set<String> READ_ACTIONS =
            Set.of("read_schema", "array_metadata_get", "non_empty_domain", "query_read", "max_buffer_sizes");

    /**
     * Marks an asset as changed now, and with it the teamspace and folder it sits in, so that a consumer polling the
     * v4 listings sees the change in their {@code updated_at}.
     */
    void changed(StoredAsset asset) {
        Instant now = now();
        touch(asset).updatedAt = now;
        containerChanged(asset.namespace, asset.name, now);
    }

    /** The teamspace (if {@code namespace} is one) and the folder holding {@code path} changed at {@code now}. */
    private void containerChanged(String namespace, String path, Instant now) {
        StoredTeamspace teamspace = workspaces.teamspace(namespace);
        if (teamspace == null) {
            return;
        }
        teamspace.updatedAt = now;
        accountsChanged = true;
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            StoredAsset folder = itemsByPath.get(namespace + "/" + path.substring(0, slash));
            if (folder != null) {
                touch(folder).updatedAt = now;
            }
        }
    }

    /**
     * A new asset: its teamspace and folder changed. In a teamspace the folders on its path are created when missing
     * (as {@code mkdir -p} would), so a seed or a v1 create of {@code folder/sales} needs no folder made first.
     */
    private void added(StoredAsset asset) {
        if (stateDir != null) {
            removedFiles.remove(fileOf(asset));
        }
        int slash = asset.name.lastIndexOf('/');
        if (slash > 0 && workspaces.teamspace(asset.namespace) != null) {
            String parent = asset.name.substring(0, slash);
            StoredAsset existing = itemsByPath.get(asset.namespace + "/" + parent);
            if (existing == null) {
                StoredFolder folder = new StoredFolder();
                folder.namespace = asset.namespace;
                folder.name = parent;
                folder.createdBy = asset.createdBy;
                folder.createdAt = asset.createdAt;
                addItem(folder);
            } else if (!(existing instanceof StoredFolder)) {
                throw ApiFailure.conflict(asset.namespace + "/" + parent + " is a file, not a folder");
            }
        }
        containerChanged(asset.namespace, asset.name, asset.createdAt != null ? asset.createdAt : now());
    }

    /** In a teamspace, arrays, groups, folders and files share one tree: a path holds one of them. */
    private void requirePathFree(String namespace, String path) {
        if (workspaces.teamspace(namespace) != null && assetAt(namespace, path) != null) {
            throw ApiFailure.conflict(namespace + "/" + path + " already exists");
        }
    }

    /** Whatever asset (array, group, folder or file) is at the path of the namespace, or null. */
    StoredAsset assetAt(String namespace, String path) {
        StoredAsset found = arraysByName.get(namespace + "/" + path);
        if (found == null) {
            found = itemsByPath.get(namespace + "/" + path);
        }
        if (found == null) {
            found = groupsById.values().stream()
                    .filter(g -> g.namespace.equals(namespace) && g.name.equals(path))
                    .findFirst()
                    .orElse(null);
        }
        return touch(found);
    }

    /** Whatever asset has the id in the namespace, or null. */
    StoredAsset assetById(String namespace, String id) {
        StoredAsset found = arraysById.get(id);
        if (found == null) {
            found = groupsById.get(id);
        }
        if (found == null) {
            found = itemsById.get(id);
        }
        return found != null && found.namespace.equals(namespace) ? touch(found) : null;
    }

    /** The user's most recent accesses, newest first, for arrays that still exist. */
    List<Map.Entry<StoredArray, ActivityEvent>> lastAccessedBy(String username, int limit) {
        List<Map.Entry<StoredArray, ActivityEvent>> result = new ArrayList<>();
        lastAccess.getOrDefault(username, Map.of()).forEach((id, event) -> {
            StoredArray array = arraysById.get(id);
            if (array != null) {
                result.add(Map.entry(array, event));
            }
        });
        result.sort((a, b) -> b.getValue().eventAt().compareTo(a.getValue().eventAt()));
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    // ---- groups

    Collection<StoredGroup> groups() {
        return groupsById.values();
    }

    StoredGroup group(String id) {
        return touch(groupsById.get(id));
    }

    StoredArray array(String id) {
        return touch(arraysById.get(id));
    }

    StoredGroup findGroup(String namespace, String nameOrId) {
        StoredGroup byId = groupsById.get(nameOrId);
        if (byId != null && byId.namespace.equals(namespace)) {
            return touch(byId);
        }
        return touch(groupsById.values().stream()
                .filter(g -> g.namespace.equals(namespace) && g.name.equals(nameOrId))
                .findFirst()
                .orElse(null));
    }

    StoredGroup readableGroup(User user, String namespace, String name) {
        return readable(user, findGroup(namespace, name), "group", namespace, name);
    }

    StoredGroup administeredGroup(User user, String namespace, String name) {
        return administered(user, readableGroup(user, namespace, name), namespace, name);
    }

    StoredGroup addGroup(StoredGroup group) {
        if (findGroup(group.namespace, group.name) != null) {
            throw ApiFailure.conflict("group " + group.namespace + "/" + group.name + " already exists");
        }
        requirePathFree(group.namespace, group.name);
        group.id = group.id != null ? group.id : UUID.randomUUID().toString();
        group.createdAt = group.createdAt != null ? group.createdAt : now();
        groupsById.put(group.id, group);
        added(group);
        return touch(group);
    }

    void removeGroup(StoredGroup group) {
        groupsById.remove(group.id);
        forget(group);
    }

    /**
     * Every asset of namespace {@code from} moves to {@code to}: a workspace or teamspace rename. Sharing with the
     * old name follows too, so that an array shared with a renamed teamspace stays shared with it.
     */
    void renameNamespace(String from, String to) {
        for (StoredArray array : List.copyOf(arraysById.values())) {
            if (array.namespace.equals(from)) {
                moveArray(array, to, array.name);
            }
            if (array.sharing.containsKey(from)) {
                touch(array).sharing.put(to, array.sharing.remove(from));
            }
        }
        for (StoredGroup group : groupsById.values()) {
            if (group.namespace.equals(from)) {
                touch(group).namespace = to;
            }
            if (group.sharing.containsKey(from)) {
                touch(group).sharing.put(to, group.sharing.remove(from));
            }
        }
        for (StoredAsset item : List.copyOf(itemsById.values())) {
            if (item.namespace.equals(from)) {
                moveItem(item, to, item.name);
            }
        }
    }

    /** Moves an asset of any kind to another path of its namespace, keeping the indexes right. */
    void movePath(StoredAsset asset, String path) {
        if (asset instanceof StoredArray array) {
            moveArray(array, array.namespace, path);
        } else if (asset instanceof StoredGroup) {
            touch(asset).name = path;
        } else {
            moveItem(asset, asset.namespace, path);
        }
    }

    /** Removes an asset of any kind. */
    void removeAny(StoredAsset asset) {
        if (asset instanceof StoredArray array) {
            remove(array);
        } else if (asset instanceof StoredGroup group) {
            removeGroup(group);
        } else {
            removeItem(asset);
        }
    }

    // ---- folders and files of teamspaces

    Collection<StoredAsset> items() {
        return itemsById.values();
    }

    /** A folder or file by id, in the namespace; null when there is none. */
    StoredAsset itemById(String namespace, String id) {
        StoredAsset item = itemsById.get(id);
        return item != null && item.namespace.equals(namespace) ? touch(item) : null;
    }

    /** The folder or file at a path of a teamspace, or null. */
    StoredAsset itemAt(String namespace, String path) {
        return touch(itemsByPath.get(namespace + "/" + path));
    }

    <T extends StoredAsset> T addItem(T item) {
        requirePathFree(item.namespace, item.name);
        item.id = item.id != null ? item.id : UUID.randomUUID().toString();
        item.createdAt = item.createdAt != null ? item.createdAt : now();
        itemsById.put(item.id, item);
        itemsByPath.put(item.namespace + "/" + item.name, item);
        added(item);
        return touch(item);
    }

    void moveItem(StoredAsset item, String namespace, String path) {
        touch(item);
        itemsByPath.remove(item.namespace + "/" + item.name);
        item.namespace = namespace;
        item.name = path;
        itemsByPath.put(item.namespace + "/" + item.name, item);
    }

    void removeItem(StoredAsset item) {
        itemsById.remove(item.id);
        itemsByPath.remove(item.namespace + "/" + item.name);
        forget(item);
    }

    /** After a removal: its file goes at the next save, its container changed, and groups that held it lose it. */
    private void forget(StoredAsset removed) {
        touched.remove(removed);
        containerChanged(removed.namespace, removed.name, now());
        if (stateDir != null) {
            removedFiles.add(fileOf(removed));
        }
        groupsById.values().forEach(g -> {
            if (g.members.removeIf(m -> m.id().equals(removed.id))) {
                touch(g);
            }
        });
    }

    // ---- persistence

    /** Users and organizations, the small part of the state written whole when it changes. */
    record Accounts(
            List<User> users,
            List<Organization> organizations,
            List<StoredWorkspace> workspaces,
            Map<String, Instant> userSince) {}

    /** The single-file state of earlier versions, still read once to migrate a data directory. */
    record Snapshot(
            List<User> users, List<Organization> organizations, List<StoredArray> arrays, List<StoredGroup> groups) {}

    /** Loads the data directory's state; false when there is none yet. */
    synchronized boolean load() {
        if (stateDir == null) {
            return false;
        }
        try {
            if (Files.isDirectory(stateDir)) {
                removeTemporaryFiles();
                Accounts accounts =
                        mapper.readValue(stateDir.resolve("accounts.json").toFile(), Accounts.class);
                accounts.users().forEach(this::addUser);
                accounts.organizations().forEach(this::addOrganization);
                if (accounts.userSince() != null) {
                    userSince.putAll(accounts.userSince());
                }
                if (accounts.workspaces() != null) {
                    accounts.workspaces().forEach(workspaces::add);
                }
                for (String kind : List.of("folders", "files")) {
                    Class<? extends StoredAsset> type = kind.equals("folders") ? StoredFolder.class : StoredFile.class;
                    for (Path file : files(stateDir.resolve(kind))) {
                        StoredAsset item = mapper.readValue(file.toFile(), type);
                        itemsById.put(item.id, item);
                        itemsByPath.put(item.namespace + "/" + item.name, item);
                    }
                }
                for (Path file : files(stateDir.resolve("arrays"))) {
                    StoredArray a = mapper.readValue(file.toFile(), StoredArray.class);
                    arraysById.put(a.id, a);
                    arraysByName.put(a.namespace + "/" + a.name, a);
                }
                for (Path file : files(stateDir.resolve("groups"))) {
                    StoredGroup g = mapper.readValue(file.toFile(), StoredGroup.class);
                    groupsById.put(g.id, g);
                }
                clearChanges();
                return true;
            }
            if (Files.exists(legacyStateFile)) {
                Snapshot snapshot = mapper.readValue(legacyStateFile.toFile(), Snapshot.class);
                snapshot.users().forEach(this::addUser);
                snapshot.organizations().forEach(this::addOrganization);
                snapshot.arrays().forEach(a -> {
                    arraysById.put(a.id, a);
                    arraysByName.put(a.namespace + "/" + a.name, a);
                });
                if (snapshot.groups() != null) {
                    snapshot.groups().forEach(g -> groupsById.put(g.id, g));
                }
                saveAll();
                Files.delete(legacyStateFile);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state " + stateDir, e);
        }
    }

    /** Writes what this request changed: its arrays and groups, removals, and the accounts if they changed. */
    synchronized void save() {
        if (stateDir == null) {
            return;
        }
        try {
            if (accountsChanged) {
                write(
                        stateDir.resolve("accounts.json"),
                        new Accounts(
                                List.copyOf(users.values()),
                                List.copyOf(organizations.values()),
                                workspaces.snapshot(),
                                new java.util.TreeMap<>(userSince)));
            }
            for (StoredAsset asset : touched) {
                write(fileOf(asset), asset);
            }
            for (Path removed : removedFiles) {
                Files.deleteIfExists(removed);
            }
            clearChanges();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state " + stateDir, e);
        }
    }

    /** Writes everything: a new data directory, or one migrated from the single state file. */
    synchronized void saveAll() {
        if (stateDir == null) {
            return;
        }
        accountsChanged = true;
        touched.addAll(arraysById.values());
        touched.addAll(groupsById.values());
        touched.addAll(itemsById.values());
        save();
    }

    long bytesWritten() {
        return bytesWritten;
    }

    private void clearChanges() {
        touched.clear();
        removedFiles.clear();
        accountsChanged = false;
    }

    /** {@code state/arrays/<id>.json}, and likewise groups, folders and files. */
    private Path fileOf(StoredAsset asset) {
        return stateDir.resolve(asset.kind() + "s").resolve(fileName(asset.id));
    }

    /** An id as a file name: ids are UUIDs, but a seed may choose its own. */
    private static String fileName(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + ".json";
    }

    /** Writes one file whole (temporary file, then rename), so a crash never leaves half of it. */
    private void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        mapper.writeValue(tmp.toFile(), value);
        bytesWritten += Files.size(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A crash between writing a temporary file and its rename leaves the temporary file: it is not state. */
    private void removeTemporaryFiles() throws IOException {
        for (String folder : List.of("", "arrays", "groups", "folders", "files")) {
            for (Path file : files(stateDir.resolve(folder))) {
                if (file.getFileName().toString().endsWith(".tmp")) {
                    Files.delete(file);
                }
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var stream = Files.list(dir)) {
            return stream.filter(Files::isRegularFile).toList();
        }
    }
}
