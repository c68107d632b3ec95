package dev.cameltiledb.arraylake.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cameltiledb.arraylake.client.model.Repo;

/**
 * What the change feed of an org knows of each repo, by repo id: when the service last changed it
 * ({@code updated}), a digest of everything else but its status, a digest of its status (mode and message), and its
 * org and name (to ask about it once the listing stops showing it). Kept in the state repository as one JSON object
 * {@code {"<id>": ["updated", "content", "status", "org", "name"], ...}}, about 120 bytes a repo.
 */
final class SeenRepos {

    /** One repo as the feed last delivered it. */
    record Seen(String updated, String content, String status, String org, String name) {

        /** After an {@code updated} change was delivered: its content and time, the status as it was. */
        Seen withContentOf(Seen now) {
            return new Seen(now.updated, now.content, status, now.org, now.name);
        }

        /** After a {@code statusChanged} change was delivered: its status and time, the content as it was. */
        Seen withStatusOf(Seen now) {
            return new Seen(now.updated, content, now.status, now.org, now.name);
        }
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, List<String>>> STORED = new TypeReference<>() {};

    private final Map<String, Seen> repos = new HashMap<>();
    private boolean changed;

    static Seen of(Repo repo) {
        ObjectNode json = CANONICAL.valueToTree(repo);
        json.remove("updated");
        String status = digest(String.valueOf(json.remove("status")));
        return new Seen(String.valueOf(repo.updated()), digest(json.toString()), status, repo.org(), repo.name());
    }

    /** A short stable digest: the first 12 bytes of the SHA-256, base64url. */
    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SeenRepos read(String key, String stored) {
        SeenRepos seen = new SeenRepos();
        try {
            CANONICAL
                    .readValue(stored, STORED)
                    .forEach((id, v) -> seen.repos.put(id, new Seen(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4))));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The change feed's state under the key '" + key + "' cannot be read;"
                            + " remove that entry from the stateRepository to take a new baseline",
                    e);
        }
        return seen;
    }

    String write() {
        Map<String, List<String>> out = new TreeMap<>();
        repos.forEach((id, s) -> out.put(id, List.of(s.updated(), s.content(), s.status(), s.org(), s.name())));
        try {
            return CANONICAL.writeValueAsString(out);
        } catch (Exception e) {
            throw new IllegalStateException("The change feed's state cannot be written", e);
        }
    }

    Map<String, Seen> all() {
        return repos;
    }

    Seen get(String id) {
        return repos.get(id);
    }

    boolean isEmpty() {
        return repos.isEmpty();
    }

    void put(String id, Seen seen) {
        changed |= !seen.equals(repos.put(id, seen));
    }

    void remove(String id) {
        changed |= repos.remove(id) != null;
    }

    /** Whether anything changed since the state was last read or written. */
    boolean changed() {
        return changed;
    }

    void written() {
        changed = false;
    }
}
