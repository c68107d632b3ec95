package dev.cameltiledb.emulator.classic;

import java.util.Collection;
import java.util.Map;

/**
 * How an update ({@code ArrayInfoUpdate}, {@code GroupUpdate}) reads a collection: an empty one, or null, means "not
 * given" and changes nothing. TileDB's Java client sends {@code "tags": []} with every update, whatever the caller
 * set; if that cleared the tags, every description change made with it would drop them. COMPATIBILITY.md gives the
 * reasoning.
 */
final class UpdateFields {

    private UpdateFields() {}

    /** Whether {@code value} is a list or map with at least one entry: only then does an update apply it. */
    static boolean nonEmpty(Object value) {
        return value instanceof Collection<?> c && !c.isEmpty() || value instanceof Map<?, ?> m && !m.isEmpty();
    }
}
