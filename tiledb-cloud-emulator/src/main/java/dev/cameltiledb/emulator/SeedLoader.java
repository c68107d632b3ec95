package dev.cameltiledb.emulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.emulator.classic.GroupRoutes;
import dev.cameltiledb.emulator.classic.NotebookRoutes;
import dev.cameltiledb.emulator.data.DataEngine;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.ArraySchemas;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;
import dev.cameltiledb.emulator.state.StoredAsset;
import dev.cameltiledb.emulator.state.StoredFile;
import dev.cameltiledb.emulator.state.StoredFolder;
import dev.cameltiledb.emulator.state.StoredGroup;
import dev.cameltiledb.emulator.workspace.FileStore;
import dev.cameltiledb.emulator.workspace.TeamspaceAssets;

/**
 * Puts a {@link Seed} into the state: accounts, workspaces, then folders, arrays, groups (their members resolved once
 * every asset of the seed is there) and teamspace files. A seed that names what cannot be (an unknown activity action,
 * a member that is no array or group, a folder outside a teamspace) fails with a message naming the entry. Call under
 * the state lock.
 */
final class SeedLoader {

    /** The spec's (v1) {@code ActivityEventType} values: a seeded event must be one, or its answers break the spec. */
    private static final Set<String> ACTIVITY_ACTIONS = Set.of(
            "read_schema",
            "max_buffer_sizes",
            "non_empty_domain",
            "query_read",
            "query_write",
            "query_delete",
            "create",
            "delete",
            "register",
            "deregister",
            "udf",
            "array_metadata_get",
            "array_metadata_update",
            "estimated_result_sizes",
            "read_fragment_info",
            "read_enumerations");

    private static final Set<String> GROUP_ACTIONS = Set.of("read", "write", "edit");

    private final EmulatorState state;
    private final ObjectMapper mapper;
    private final NotebookRoutes notebooks;
    private final FileStore files;
    private final Supplier<DataEngine> engine;

    SeedLoader(
            EmulatorState state,
            ObjectMapper mapper,
            NotebookRoutes notebooks,
            FileStore files,
            Supplier<DataEngine> engine) {
        this.engine = engine;
        this.state = state;
        this.mapper = mapper;
        this.notebooks = notebooks;
        this.files = files;
    }

    void apply(Seed seed) {
        Instant now = state.now();
        seed.users().forEach(state.accounts()::addUser);
        seed.organizations().forEach(state.accounts()::addOrganization);
        if (!seed.workspaces().isEmpty()) {
            seed.workspaces().forEach(w -> state.workspaces().apply(w, now));
            state.changes().accountsChanged();
        }
        seed.folders().forEach(this::addFolder);
        seed.arrays().forEach(a -> addArray(a, now));
        List<StoredGroup> groups = new ArrayList<>();
        seed.groups().forEach(g -> groups.add(addGroup(g, now)));
        for (int i = 0; i < groups.size(); i++) {
            addMembers(groups.get(i), seed.groups().get(i));
        }
        seed.files().forEach(this::addFile);
    }

    private void addArray(Seed.SeedArray s, Instant now) {
        StoredArray a = new StoredArray();
        a.id = s.id();
        a.namespace = s.namespace();
        a.name = s.name();
        String kind = s.content() == null ? "arrays" : "file".equals(s.fileType()) ? "files" : "notebooks";
        AssetStorage.Placement placement = s.uri() != null
                ? new AssetStorage.Placement(s.uri(), null)
                : AssetStorage.place(state.accounts(), s.namespace(), kind, s.name());
        a.uri = placement.uri();
        a.accessCredentialsName =
                s.accessCredentialsName() != null ? s.accessCredentialsName() : placement.credentialsName();
        a.description = s.description();
        a.tags = new ArrayList<>(s.tags());
        a.fileType = s.fileType();
        a.fileProperties = new LinkedHashMap<>(s.fileProperties());
        a.sharing = new LinkedHashMap<>(s.sharing());
        a.metadata = new LinkedHashMap<>(s.metadata());
        a.size = s.size() != null ? s.size() : 1024L;
        a.hasData = true;
        a.createdBy = s.createdBy() != null ? s.createdBy() : s.namespace();
        a.createdAt =
                s.createdAt() == null ? null : time(s.createdAt(), now, "array " + s.namespace() + "/" + s.name());
        a.logo = s.logo();
        a.licenseId = s.licenseId();
        a.licenseText = s.licenseText();
        a.readOnly = s.readOnly();
        a.schema = schema(s, a.uri);
        state.catalog().add(a);
        if (s.content() != null) {
            notebooks.seed(a, s.content());
        }
        addActivity(a, s.activity(), now);
        if (s.cells() != null && !s.cells().isNull()) {
            try {
                engine.get().cells().seed(a.namespace, a.name, s.cells(), s.cellsTimestamp());
            } catch (EngineException e) {
                throw new IllegalArgumentException(
                        "the seed's cells of array " + a.namespace + "/" + a.name + ": " + e.getMessage(), e);
            }
        }
    }

    /** The seed's schema (its {@code uri} set to the array's), else a one-attribute schema of the seed's type. */
    private ObjectNode schema(Seed.SeedArray s, String uri) {
        if (s.schema() != null) {
            if (!(s.schema() instanceof ObjectNode given) || !given.hasNonNull("arrayType")) {
                throw new IllegalArgumentException(
                        "array " + s.namespace() + "/" + s.name() + ": schema must be an ArraySchema object");
            }
            ObjectNode schema = given.deepCopy();
            ArraySchemas.fillDefaults(schema); // as a create through the API would
            schema.put("uri", uri);
            return schema;
        }
        ObjectNode schema = ArraySchemas.defaultFor(mapper, uri);
        if (s.type() != null) {
            schema.put("arrayType", s.type());
        }
        return schema;
    }

    /** Appends the events in time order; the array was last accessed at the latest of them. */
    private void addActivity(StoredArray array, List<Seed.SeedEvent> events, Instant now) {
        String where = "array " + array.namespace + "/" + array.name;
        List<ActivityEvent> logged = new ArrayList<>();
        for (Seed.SeedEvent e : events) {
            if (!ACTIVITY_ACTIONS.contains(e.action())) {
                throw new IllegalArgumentException(
                        where + ": activity action '" + e.action() + "' is none of the spec's ActivityEventType values "
                                + new java.util.TreeSet<>(ACTIVITY_ACTIONS));
            }
            logged.add(new ActivityEvent(
                    UUID.randomUUID().toString(), time(e.at(), now, where), e.action(), e.username(), 0, 0, null));
        }
        logged.sort(Comparator.comparing(ActivityEvent::eventAt));
        array.activity.addAll(logged);
        logged.stream()
                .map(ActivityEvent::eventAt)
                .max(Comparator.naturalOrder())
                .filter(at -> array.lastAccessed == null || array.lastAccessed.isBefore(at))
                .ifPresent(at -> array.lastAccessed = at);
    }

    private StoredGroup addGroup(Seed.SeedGroup s, Instant now) {
        String where = "group " + s.namespace() + "/" + s.name();
        StoredGroup g = new StoredGroup();
        g.id = s.id();
        g.namespace = s.namespace();
        g.name = s.name();
        AssetStorage.Placement placement = s.uri() != null
                ? new AssetStorage.Placement(s.uri(), null)
                : AssetStorage.place(state.accounts(), s.namespace(), "groups", s.name());
        g.uri = placement.uri();
        g.accessCredentialsName =
                s.accessCredentialsName() != null ? s.accessCredentialsName() : placement.credentialsName();
        g.description = s.description();
        g.tags = new ArrayList<>(s.tags());
        if (s.groupType() != null) {
            if (!GroupRoutes.GROUP_TYPES.contains(s.groupType())) {
                throw new IllegalArgumentException(where + ": groupType must be one of "
                        + new java.util.TreeSet<>(GroupRoutes.GROUP_TYPES) + ", was '" + s.groupType() + "'");
            }
            g.groupType = s.groupType();
        }
        g.logo = s.logo();
        g.licenseId = s.licenseId();
        g.licenseText = s.licenseText();
        g.createdBy = s.createdBy() != null ? s.createdBy() : s.namespace();
        g.createdAt = s.createdAt() == null ? null : time(s.createdAt(), now, where);
        s.sharing()
                .forEach((namespace, actions) -> g.sharing.put(
                        namespace,
                        new StoredGroup.Share(
                                actions.stream().filter(GROUP_ACTIONS::contains).toList(),
                                actions.stream()
                                        .filter(StoredArray.OWNER_ACTIONS::contains)
                                        .toList())));
        s.metadata().forEach((key, value) -> {
            g.metadata.put(key, value);
            g.metadataEntries.put(key, metadataEntry(key, value, where));
        });
        return state.catalog().addGroup(g);
    }

    /**
     * A metadata value as TileDB Embedded sends it to the v2 group endpoints, its bytes as numbers: a string as its
     * UTF-8 bytes ({@code STRING_UTF8}), a whole number as 8 little-endian bytes ({@code INT64}), another number
     * likewise as {@code FLOAT64}.
     */
    private static Map<String, Object> metadataEntry(String key, Object value, String where) {
        byte[] bytes;
        String type;
        if (value instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            type = "STRING_UTF8";
        } else if (value instanceof Integer || value instanceof Long) {
            bytes = java.nio.ByteBuffer.allocate(8)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putLong(((Number) value).longValue())
                    .array();
            type = "INT64";
        } else if (value instanceof Number number) {
            bytes = java.nio.ByteBuffer.allocate(8)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putDouble(number.doubleValue())
                    .array();
            type = "FLOAT64";
        } else {
            throw new IllegalArgumentException(
                    where + ": metadata " + key + " must be a string or a number, was " + value);
        }
        List<Integer> unsigned = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            unsigned.add(Byte.toUnsignedInt(b));
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", key);
        entry.put("type", type);
        entry.put("valueNum", type.equals("STRING_UTF8") ? bytes.length : 1);
        entry.put("value", unsigned);
        return entry;
    }

    /** Each member, a {@code tiledb://} URI of an array or group the state holds now. */
    private void addMembers(StoredGroup group, Seed.SeedGroup seed) {
        for (String uri : seed.members()) {
            StoredAsset member = member(uri);
            if (member == null) {
                throw new IllegalArgumentException("group " + group.tiledbUri() + ": member " + uri
                        + " is no array or group of the seed or the emulator");
            }
            StoredGroup.Member entry =
                    new StoredGroup.Member(member instanceof StoredGroup ? "group" : "array", member.id);
            if (!group.members.contains(entry)) {
                group.members.add(entry);
            }
        }
    }

    /** The array (else the group) a {@code tiledb://namespace/name} names; the namespace may span segments. */
    private StoredAsset member(String uri) {
        if (!uri.startsWith("tiledb://")) {
            return null;
        }
        String rest = uri.substring("tiledb://".length());
        for (int slash = rest.indexOf('/'); slash > 0; slash = rest.indexOf('/', slash + 1)) {
            String namespace = rest.substring(0, slash);
            String name = rest.substring(slash + 1);
            if (state.accounts().namespaceExists(namespace)) {
                StoredAsset found = state.catalog().find(namespace, name);
                if (found == null) {
                    found = state.catalog().findGroup(namespace, name);
                }
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void addFolder(Seed.SeedFolder s) {
        String path = teamspacePath(s.namespace(), s.path(), "folder");
        StoredFolder folder = new StoredFolder();
        folder.id = s.id();
        folder.namespace = s.namespace();
        folder.name = path;
        folder.description = s.description();
        folder.createdBy = s.createdBy() != null ? s.createdBy() : s.namespace();
        state.catalog().addItem(folder);
    }

    private void addFile(Seed.SeedFile s) {
        String path = teamspacePath(s.namespace(), s.path(), "file");
        FileStore.Received received =
                files.receive(new ByteArrayInputStream(s.content().getBytes(StandardCharsets.UTF_8)));
        try {
            StoredFile file = new StoredFile();
            file.id = s.id();
            file.namespace = s.namespace();
            file.name = path;
            file.createdBy = s.createdBy() != null ? s.createdBy() : s.namespace();
            file.size = received.size();
            file.etag = received.etag();
            state.catalog().addItem(file);
            files.install(received, file);
        } finally {
            files.discard(received.part()); // gone already unless storing failed
        }
    }

    private String teamspacePath(String namespace, String path, String what) {
        if (state.workspaces().teamspace(namespace) == null) {
            throw new IllegalArgumentException(
                    "a seeded " + what + " belongs to a teamspace (workspace/teamspace); " + namespace + " is none");
        }
        String normalized = TeamspaceAssets.normalize(path);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("a seeded " + what + " in " + namespace + " needs a path");
        }
        return normalized;
    }

    /** An ISO-8601 instant, or a duration ({@code -PT1H}) added to {@code now}. */
    static Instant time(String text, Instant now, String where) {
        try {
            return text.startsWith("P") || text.startsWith("-P") || text.startsWith("+P")
                    ? now.plus(Duration.parse(text))
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + text
                    + "' is neither an ISO-8601 instant (2024-05-01T12:00:00Z) nor a duration (-PT1H)");
        }
    }
}
