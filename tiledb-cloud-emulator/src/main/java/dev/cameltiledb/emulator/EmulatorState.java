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
    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final Map<String, StoredArray> arraysById = new LinkedHashMap<>();
    /** "namespace/name" → array: lookups by name stay constant-time with 100,000 arrays. */
    private final Map<String, StoredArray> arraysByName = new HashMap<>();

    private final Map<String, StoredGroup> groupsById = new LinkedHashMap<>();
    /** (username -> array id -> last access), for last_accessed. */
    private final Map<String, Map<String, ActivityEvent>> lastAccess = new HashMap<>();
    /** The data directory's state folder, or null in memory. */
    private final Path stateDir;
    /** The single file of earlier versions, read once and replaced by the state folder. */
    private final Path legacyStateFile;
    /** What changed since the last save: arrays and groups touched by lookups or changes, ids removed. */
    private final Set<StoredAsset> touched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private final Set<String> removedArrays = new HashSet<>();
    private final Set<String> removedGroups = new HashSet<>();
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
        user.apiKeys().forEach(key -> usersByApiKey.put(key, user.username()));
    }

    synchronized void addOrganization(Organization organization) {
        accountsChanged = true;
        organizations.put(organization.name(), organization);
    }

    User byApiKey(String key) {
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

    /** Session tokens work like API keys until the emulator stops. */
    void addSessionToken(String token, String username) {
        usersByApiKey.put(token, username);
    }

    /** A stable id for a user or organization name. */
    String idOf(String namespace) {
        return UUID.nameUUIDFromBytes(("namespace:" + namespace).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
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
        return namespaces;
    }

    boolean namespaceExists(String namespace) {
        return users.containsKey(namespace) || organizations.containsKey(namespace) || PUBLIC.equals(namespace);
    }

    String namespaceType(String namespace) {
        if (organizations.containsKey(namespace)) {
            return "organization";
        }
        return PUBLIC.equals(namespace) ? PUBLIC : "user";
    }

    /** Whether the user may create, change, share and delete assets of the namespace. */
    boolean canAdminister(User user, String namespace) {
        if (user.username().equals(namespace)) {
            return true;
        }
        Organization org = organizations.get(namespace);
        return org != null && org.canWrite(user.username());
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
    private <T extends StoredAsset> T touch(T asset) {
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
        touch(array);
        arraysByName.remove(array.namespace + "/" + array.name);
        array.name = newName;
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
        if (own.contains(asset.namespace)) {
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
        if (array.createdAt == null) {
            array.createdAt = now();
        }
        arraysById.put(array.id, array);
        arraysByName.put(array.namespace + "/" + array.name, array);
        removedArrays.remove(array.id);
        return touch(array);
    }

    void remove(StoredArray array) {
        arraysById.remove(array.id);
        arraysByName.remove(array.namespace + "/" + array.name);
        forget(array, removedArrays);
    }

    /** Logs the action that removes the array (delete or deregister) on its activity, then removes it. */
    void remove(StoredArray array, String action, String username) {
        recordEvent(array, action, username);
        remove(array);
    }

    /** Appends an activity event and remembers the access for last_accessed. */
    ActivityEvent recordEvent(StoredArray array, String action, String username) {
        ActivityEvent event = new ActivityEvent(UUID.randomUUID().toString(), now(), action, username, 0, 0, null);
        touch(array);
        array.activity.add(event);
        array.lastAccessed = event.eventAt();
        lastAccess.computeIfAbsent(username, u -> new LinkedHashMap<>()).put(array.id, event);
        return event;
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
        group.id = group.id != null ? group.id : UUID.randomUUID().toString();
        group.createdAt = group.createdAt != null ? group.createdAt : now();
        groupsById.put(group.id, group);
        removedGroups.remove(group.id);
        return touch(group);
    }

    void removeGroup(StoredGroup group) {
        groupsById.remove(group.id);
        forget(group, removedGroups);
    }

    /** After a removal: its file goes at the next save, and the groups that held it lose it as a member. */
    private void forget(StoredAsset removed, Set<String> removedIds) {
        touched.remove(removed);
        if (stateDir != null) {
            removedIds.add(removed.id);
        }
        groupsById.values().forEach(g -> {
            if (g.members.removeIf(m -> m.id().equals(removed.id))) {
                touch(g);
            }
        });
    }

    // ---- persistence

    /** Users and organizations, the small part of the state written whole when it changes. */
    record Accounts(List<User> users, List<Organization> organizations) {}

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
                        new Accounts(List.copyOf(users.values()), List.copyOf(organizations.values())));
            }
            for (StoredAsset asset : touched) {
                write(fileOf(asset), asset);
            }
            for (String id : removedArrays) {
                Files.deleteIfExists(stateDir.resolve("arrays").resolve(fileName(id)));
            }
            for (String id : removedGroups) {
                Files.deleteIfExists(stateDir.resolve("groups").resolve(fileName(id)));
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
        save();
    }

    long bytesWritten() {
        return bytesWritten;
    }

    private void clearChanges() {
        touched.clear();
        removedArrays.clear();
        removedGroups.clear();
        accountsChanged = false;
    }

    private Path fileOf(StoredAsset asset) {
        return stateDir.resolve(asset instanceof StoredGroup ? "groups" : "arrays")
                .resolve(fileName(asset.id));
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
        for (String folder : List.of("", "arrays", "groups")) {
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
