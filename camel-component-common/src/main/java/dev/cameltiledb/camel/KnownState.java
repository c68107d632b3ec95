package dev.cameltiledb.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a change feed remembers of each item between polls, by id: digests of what it watches (to see that it
 * changed) and what it needs to ask about an item once the listing stops showing it, never the whole item. Kept in a
 * state repository as one JSON object of string lists, {@code {"<id>": ["digest", "namespace", "name"], ...}}, so any
 * name round-trips; it knows whether it changed since it was last written.
 *
 * @param <K> what is known of one item, written as a list of strings by its {@link Codec}
 */
public final class KnownState<K> {

    /** How one known item is written: a fixed list of strings. */
    public interface Codec<K> {

        List<String> fields(K known);

        K known(List<String> fields);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, List<String>>> STORED = new TypeReference<>() {};

    private final Codec<K> codec;
    private final Map<String, K> items = new LinkedHashMap<>();
    private boolean dirty;

    public KnownState(Codec<K> codec) {
        this.codec = codec;
    }

    /** The state written under {@code key}; a state it cannot read fails, naming the key to remove. */
    public static <K> KnownState<K> parse(String key, String stored, Codec<K> codec) {
        KnownState<K> known = new KnownState<>(codec);
        try {
            JSON.readValue(stored, STORED).forEach((id, fields) -> known.items.put(id, codec.known(fields)));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException(
                    "The change feed's state under the state key '" + key + "' cannot be read (" + e.getMessage()
                            + "); remove that entry from the stateRepository to take a new baseline",
                    e);
        }
        return known;
    }

    public String format() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        items.forEach((id, known) -> out.put(id, codec.fields(known)));
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The change feed's state could not be written", e);
        }
    }

    /** A short, stable digest of a text: the first {@code bytes} bytes of its SHA-256, base64url. */
    public static String digest(String text, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Every known item by id, in the order they became known. */
    public Map<String, K> all() {
        return Collections.unmodifiableMap(items);
    }

    public K get(String id) {
        return items.get(id);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    public void put(String id, K known) {
        if (!known.equals(items.put(id, known))) {
            dirty = true;
        }
    }

    public void remove(String id) {
        if (items.remove(id) != null) {
            dirty = true;
        }
    }

    /** Whether anything changed since the last {@link #written()}. */
    public boolean isDirty() {
        return dirty;
    }

    public void written() {
        dirty = false;
    }
}
