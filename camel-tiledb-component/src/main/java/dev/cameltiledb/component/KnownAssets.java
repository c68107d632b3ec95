package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a change feed remembers of each asset between polls: a digest of its description (to see that it changed)
 * and its namespace and name (all a {@code deleted} exchange carries), not its whole description. Stored as JSON
 * {@code {"id": ["digest", "namespace", "name"], ...}}, so any name round-trips; about 100 bytes an asset.
 */
final class KnownAssets {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, List<String>>> STORED = new TypeReference<>() {};

    /** One remembered asset. */
    record Known(String digest, String namespace, String name) {}

    private final Map<String, Known> assets = new LinkedHashMap<>();
    private boolean dirty;

    static KnownAssets parse(String key, String stored) {
        KnownAssets known = new KnownAssets();
        try {
            MAPPER.readValue(stored, STORED)
                    .forEach((id, v) -> known.assets.put(id, new Known(v.get(0), v.get(1), v.get(2))));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException(
                    "The saved change-feed state under state key '" + key + "' is not readable ("
                            + e.getMessage() + "); remove that entry from the stateRepository to take a"
                            + " new snapshot",
                    e);
        }
        return known;
    }

    String format() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        assets.forEach((id, k) -> out.put(id, List.of(k.digest(), k.namespace(), k.name())));
        try {
            return MAPPER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The change-feed state could not be written", e);
        }
    }

    /** A short, stable digest of an asset's description (first 72 bits of its SHA-256, base64). */
    static String digest(String description) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    Map<String, Known> all() {
        return assets;
    }

    Known get(String id) {
        return assets.get(id);
    }

    boolean isEmpty() {
        return assets.isEmpty();
    }

    void put(String id, Known known) {
        if (!known.equals(assets.put(id, known))) {
            dirty = true;
        }
    }

    void remove(String id) {
        if (assets.remove(id) != null) {
            dirty = true;
        }
    }

    /** Whether anything changed since the last {@link #saved()}. */
    boolean isDirty() {
        return dirty;
    }

    void saved() {
        dirty = false;
    }
}
