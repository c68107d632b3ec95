package dev.cameltiledb.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a fresh emulator starts with: users (with API keys and passwords), organizations, workspaces and arrays. Read
 * from a JSON file of the same shape or built in code:
 *
 * <pre>{@code
 * {"users": [{"username": "alice", "email": "alice@example.com", "password": "pw", "apiKeys": ["alice-key"],
 *             "role": "owner"}],
 *  "organizations": [{"name": "acme", "members": {"alice": "owner"}}],
 *  "workspaces": [{"name": "acme", "description": "...", "members": {"alice": "owner", "bob": "member"},
 *                  "teamspaces": [{"name": "research", "description": "...", "visibility": "private",
 *                                  "members": {"alice": "owner", "bob": "viewer"}}],
 *                  "credentials": [{"name": "aws-main", "provider": "AWS", "teamspace": null,
 *                                   "accessKeyId": "AKIA...", "secretAccessKey": "..."}]}],
 *  "arrays": [{"namespace": "acme", "name": "sales", "uri": "s3://bucket/sales", "tags": ["finance"],
 *              "sharing": {"public": ["read"]}},
 *             {"namespace": "acme/research", "name": "folder/sales"},
 *             {"namespace": "acme", "name": "analysis", "content": "{\"cells\": [], ...}"}]}
 * }</pre>
 *
 * On a workspace server ({@link TileDBEmulator.Builder#workspaceServer()}) an array's namespace is a teamspace,
 * {@code workspace/teamspace}, and its name is its path inside the teamspace: the folders on that path are created
 * when missing. A teamspace member who is not listed as a workspace member becomes a workspace {@code member}.
 * Every part is optional; a file without {@code workspaces} reads as before.
 */
public record Seed(
        List<User> users, List<Organization> organizations, List<SeedArray> arrays, List<SeedWorkspace> workspaces) {

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

    /**
     * An array to start with; only namespace and name are required. {@code content} makes it a notebook with that
     * text as its first version.
     */
    public record SeedArray(
            String namespace,
            String name,
            String uri,
            String description,
            List<String> tags,
            String fileType,
            Map<String, List<String>> sharing,
            Map<String, Object> metadata,
            String content) {

        public SeedArray {
            tags = tags == null ? List.of() : List.copyOf(tags);
            sharing = sharing == null ? Map.of() : Map.copyOf(sharing);
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
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

    public Seed {
        users = users == null ? List.of() : List.copyOf(users);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        arrays = arrays == null ? List.of() : List.copyOf(arrays);
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
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
        List<User> u = new ArrayList<>(users);
        u.addAll(other.users);
        List<Organization> o = new ArrayList<>(organizations);
        o.addAll(other.organizations);
        List<SeedArray> a = new ArrayList<>(arrays);
        a.addAll(other.arrays);
        List<SeedWorkspace> w = new ArrayList<>(workspaces);
        w.addAll(other.workspaces);
        return new Seed(u, o, a, w);
    }
}
