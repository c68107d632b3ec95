package dev.cameltiledb.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a fresh emulator starts with: users (with API keys and passwords), organizations and arrays. Read from a
 * JSON file of the same shape or built in code:
 *
 * <pre>{@code
 * {"users": [{"username": "alice", "email": "alice@example.com", "password": "pw", "apiKeys": ["alice-key"]}],
 *  "organizations": [{"name": "acme", "members": {"alice": "owner"}}],
 *  "arrays": [{"namespace": "acme", "name": "sales", "uri": "s3://bucket/sales", "tags": ["finance"],
 *              "sharing": {"public": ["read"]}},
 *             {"namespace": "acme", "name": "analysis", "content": "{\"cells\": [], ...}"}]}
 * }</pre>
 */
public record Seed(List<User> users, List<Organization> organizations, List<SeedArray> arrays) {

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
    }

    public static Seed empty() {
        return new Seed(List.of(), List.of(), List.of());
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
        return new Seed(u, o, a);
    }
}
