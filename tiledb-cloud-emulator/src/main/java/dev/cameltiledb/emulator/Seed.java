package dev.cameltiledb.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a fresh emulator starts with: users (with API keys, passwords and storage settings), organizations (members and
 * storage settings), workspaces with teamspaces and credentials, and every kind of asset the emulator serves: arrays
 * (plain arrays of a type or schema, notebooks and files with their contents, with ids, sharing, metadata and
 * activity), groups (with members, sharing and metadata) and, in teamspaces, folders and files. Read from a JSON file
 * of the same shape or built in code; docs/emulator.md ("The seed format") describes every field. The asset entries
 * take the service's own field names too ({@code file_type}, {@code created_by}...), so the {@code arrays} or
 * {@code groups} of a listing answer of TileDB Cloud can be pasted in to seed a copy of a real namespace:
 *
 * <pre>{@code
 * {"users": [{"username": "alice", "email": "alice@example.com", "password": "pw", "apiKeys": ["alice-key"],
 *             "defaultS3Path": "s3://alice-bucket/home"}],
 *  "organizations": [{"name": "acme", "members": {"alice": "owner"}, "defaultS3Path": "s3://acme/tiledb",
 *                     "assetLocations": {"notebooks": {"path": "s3://acme-nb", "credentialsName": "nb"}}}],
 *  "arrays": [{"namespace": "acme", "name": "sales", "id": "0f9b...", "uri": "s3://bucket/sales", "type": "sparse",
 *              "tags": ["finance"], "sharing": {"public": ["read"]},
 *              "activity": [{"action": "query_read", "username": "alice", "at": "-PT1H"}]},
 *             {"namespace": "acme", "name": "analysis", "content": "{\"cells\": [], ...}"}],
 *  "groups": [{"namespace": "acme", "name": "finance", "groupType": "generic",
 *              "members": ["tiledb://acme/sales", "tiledb://acme/analysis"]}]}
 * }</pre>
 *
 * On a workspace server ({@link TileDBEmulator.Builder#workspaceServer()}) an asset's namespace is a teamspace,
 * {@code workspace/teamspace}, and its name is its path inside the teamspace: the folders on that path are created
 * when missing. A teamspace member who is not listed as a workspace member becomes a workspace {@code member}.
 * Every part is optional; a file of an earlier version reads as before.
 */
public record Seed(
        List<User> users,
        List<Organization> organizations,
        List<SeedArray> arrays,
        List<SeedWorkspace> workspaces,
        List<SeedGroup> groups,
        List<SeedFolder> folders,
        List<SeedFile> files) {

    /** A workspace with its members ({@code owner}, {@code admin}, {@code member}), teamspaces and credentials. */
    public record SeedWorkspace(
            String name,
            String description,
            Map<String, String> members,
            List<SeedTeamspace> teamspaces,
            List<SeedCredential> credentials) {

        public SeedWorkspace {
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("a workspace needs a name without '/', was '" + name + "'");
            }
            members = members == null ? Map.of() : Map.copyOf(members);
            teamspaces = teamspaces == null ? List.of() : List.copyOf(teamspaces);
            credentials = credentials == null ? List.of() : List.copyOf(credentials);
        }
    }

    /**
     * A teamspace with its members ({@code owner}, {@code editor}, {@code viewer}); visibility {@code private} (the
     * default) or {@code public} (every user may read its assets).
     */
    public record SeedTeamspace(String name, String description, String visibility, Map<String, String> members) {

        public SeedTeamspace {
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("a teamspace needs a name without '/', was '" + name + "'");
            }
            members = members == null ? Map.of() : Map.copyOf(members);
        }
    }

    /**
     * A storage credential of the workspace, or of one of its teamspaces when {@code teamspace} names one; provider
     * {@code AWS} (the default), {@code AZURE} or {@code GCP}.
     */
    public record SeedCredential(
            String name,
            String provider,
            String teamspace,
            String accessKeyId,
            String secretAccessKey,
            String endpoint,
            boolean providerDefault,
            boolean allowedInTasks) {

        public SeedCredential {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a credential needs a name");
            }
        }

        /** Only the name: a seed printed by a test shows no secret. */
        @Override
        public String toString() {
            return "SeedCredential[" + name + "]";
        }
    }

    /** A seed without workspaces, as before there were any. */
    public Seed(List<User> users, List<Organization> organizations, List<SeedArray> arrays) {
        this(users, organizations, arrays, null);
    }

    /** A seed of accounts and arrays, without groups, folders or files. */
    public Seed(
            List<User> users,
            List<Organization> organizations,
            List<SeedArray> arrays,
            List<SeedWorkspace> workspaces) {
        this(users, organizations, arrays, workspaces, null, null, null);
    }

    /**
     * An array to start with; only namespace and name are required. {@code content} makes it a notebook with that
     * text as its first version (a file when {@code fileType} is {@code file}). {@code id} fixes its id (else a new
     * one); {@code schema} gives its ArraySchema, else {@code type} ({@code dense}, the default, or {@code sparse})
     * picks a one-attribute schema of that type. {@code createdAt} and the {@code activity} times are ISO-8601
     * instants, or durations before the moment the seed is applied ({@code -PT1H}), so a seed's history stays recent.
     * Field names of the service's {@code ArrayInfo} are accepted too.
     */
    public record SeedArray(
            String namespace,
            String name,
            String uri,
            String description,
            List<String> tags,
            @JsonAlias("file_type") String fileType,
            Map<String, List<String>> sharing,
            Map<String, Object> metadata,
            String content,
            String id,
            String type,
            JsonNode schema,
            Long size,
            @JsonAlias("created_by") String createdBy,
            @JsonAlias("created_at") String createdAt,
            @JsonAlias("file_properties") Map<String, String> fileProperties,
            @JsonAlias("access_credentials_name") String accessCredentialsName,
            String logo,
            @JsonAlias("license_id") String licenseId,
            @JsonAlias("license_text") String licenseText,
            @JsonAlias("read_only") Boolean readOnly,
            List<SeedEvent> activity,
            JsonNode cells,
            @JsonAlias("cells_timestamp") Long cellsTimestamp) {

        public SeedArray {
            requireName("an array", namespace, name);
            if (type != null && !type.equals("dense") && !type.equals("sparse")) {
                throw new IllegalArgumentException(
                        "array " + namespace + "/" + name + ": type must be dense or sparse, was '" + type + "'");
            }
            tags = tags == null ? List.of() : List.copyOf(tags);
            sharing = sharing == null ? Map.of() : Map.copyOf(sharing);
            metadata = ordered(metadata);
            fileProperties = ordered(fileProperties);
            activity = activity == null ? List.of() : List.copyOf(activity);
        }

        public SeedArray(
                String namespace,
                String name,
                String uri,
                String description,
                List<String> tags,
                String fileType,
                Map<String, List<String>> sharing,
                Map<String, Object> metadata,
                String content) {
            this(
                    namespace,
                    name,
                    uri,
                    description,
                    tags,
                    fileType,
                    sharing,
                    metadata,
                    content,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** The same array with these activity events logged on it (for benchmarks and tests that need many). */
        public SeedArray withActivity(List<SeedEvent> events) {
            return with(events, cells, cellsTimestamp, schema);
        }

        /**
         * The same array with a schema and cells: columns ({@code {"dim": [...], "attr": [...]}}) or rows
         * ({@code [{"dim": 1, "attr": 2}, ...]}), written as one fragment at {@code timestamp} (epoch ms; null: now).
         */
        public SeedArray withCells(JsonNode arraySchema, JsonNode cellValues, Long timestamp) {
            return with(activity, cellValues, timestamp, arraySchema);
        }

        /** This array with its activity, cells and schema replaced, every other field as it is. */
        private SeedArray with(List<SeedEvent> events, JsonNode cellValues, Long timestamp, JsonNode arraySchema) {
            return new SeedArray(
                    namespace,
                    name,
                    uri,
                    description,
                    tags,
                    fileType,
                    sharing,
                    metadata,
                    content,
                    id,
                    type,
                    arraySchema,
                    size,
                    createdBy,
                    createdAt,
                    fileProperties,
                    accessCredentialsName,
                    logo,
                    licenseId,
                    licenseText,
                    readOnly,
                    events,
                    cellValues,
                    timestamp);
        }

        public SeedArray(
                String namespace,
                String name,
                String uri,
                String description,
                List<String> tags,
                String fileType,
                Map<String, List<String>> sharing,
                Map<String, Object> metadata) {
            this(namespace, name, uri, description, tags, fileType, sharing, metadata, null);
        }
    }

    /**
     * One entry of an array's activity log: one of the spec's {@code ActivityEventType} values, who, and when (an
     * ISO-8601 instant, or a duration before the seed is applied such as {@code -P2D}).
     */
    public record SeedEvent(String action, String username, String at) {

        public SeedEvent {
            if (action == null || action.isBlank() || username == null || username.isBlank() || at == null) {
                throw new IllegalArgumentException("an activity event needs an action, a username and a time (at)");
            }
        }
    }

    /**
     * A group to start with; only namespace and name are required. {@code members} are the {@code tiledb://} URIs of
     * arrays and groups (of this seed or already there); {@code sharing} gives a namespace the group actions
     * ({@code read}, {@code write}, {@code edit}) and array actions it lists, on the group itself (its members' own
     * sharing is theirs); {@code metadata} holds string and number values. Field names of the service's
     * {@code GroupInfo} are accepted too.
     */
    public record SeedGroup(
            String namespace,
            String name,
            String id,
            String uri,
            String description,
            List<String> tags,
            @JsonAlias("group_type") String groupType,
            List<String> members,
            Map<String, List<String>> sharing,
            Map<String, Object> metadata,
            String logo,
            @JsonAlias("license_id") String licenseId,
            @JsonAlias("license_text") String licenseText,
            @JsonAlias("access_credentials_name") String accessCredentialsName,
            @JsonAlias("created_by") String createdBy,
            @JsonAlias("created_at") String createdAt) {

        public SeedGroup {
            requireName("a group", namespace, name);
            tags = tags == null ? List.of() : List.copyOf(tags);
            members = members == null ? List.of() : List.copyOf(members);
            sharing = sharing == null ? Map.of() : Map.copyOf(sharing);
            metadata = ordered(metadata);
        }
    }

    /** A folder of a teamspace ({@code namespace} is {@code workspace/teamspace}), with its id and description. */
    public record SeedFolder(
            String namespace,
            String path,
            String id,
            String description,
            @JsonAlias("created_by") String createdBy) {

        public SeedFolder {
            requireName("a folder", namespace, path);
        }
    }

    /** A file of a teamspace's file store ({@code /v4/files}), with its text {@code content} (UTF-8). */
    public record SeedFile(
            String namespace,
            String path,
            String id,
            String content,
            @JsonAlias("created_by") String createdBy) {

        public SeedFile {
            requireName("a file", namespace, path);
            content = content == null ? "" : content;
        }
    }

    /** An unmodifiable copy that keeps the seed's order (metadata keys are answered in it). */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    private static void requireName(String what, String namespace, String name) {
        if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    what + " needs a namespace and a name (or path), was " + namespace + "/" + name);
        }
    }

    public Seed {
        users = users == null ? List.of() : List.copyOf(users);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        arrays = arrays == null ? List.of() : List.copyOf(arrays);
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
        groups = groups == null ? List.of() : List.copyOf(groups);
        folders = folders == null ? List.of() : List.copyOf(folders);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static Seed empty() {
        return new Seed(List.of(), List.of(), List.of(), List.of());
    }

    public static Seed read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readValue(file.toFile(), Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator seed " + file + ": " + e.getMessage(), e);
        }
    }

    Seed plus(Seed other) {
        return new Seed(
                joined(users, other.users),
                joined(organizations, other.organizations),
                joined(arrays, other.arrays),
                joined(workspaces, other.workspaces),
                joined(groups, other.groups),
                joined(folders, other.folders),
                joined(files, other.files));
    }

    private static <T> List<T> joined(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
