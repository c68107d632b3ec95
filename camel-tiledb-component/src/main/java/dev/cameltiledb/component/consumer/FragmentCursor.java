package dev.cameltiledb.component.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBJson;

/**
 * How far the cells consumer delivered an array's new cells, by fragment timestamp (epoch milliseconds, TileDB's
 * time-travel clock): every cell of a fragment timestamped at or before {@code after} was delivered.
 * <p>
 * A window being delivered is {@code (after, until]}: its end is saved before its first cell is delivered, so a
 * restart reads exactly the same window again (the same cells in the same order, which keeps the cell ids of {@code
 * CamelTileDBEventId} stable), not a larger one that newer fragments would interleave with. {@code done} counts the
 * window's cells whose exchange completed, saved at the end of each poll; a restart skips them when the window is read
 * in an ordered layout.
 * <p>
 * Stored as JSON, {@code {"after": 1767225600000, "until": 1767225609000, "done": 1000}}; a value that cannot be read
 * is a named error, never a silent start from scratch.
 */
record FragmentCursor(long after, Long until, long done) {

    private static final ObjectMapper MAPPER = TileDBJson.mapper();

    /** A cursor before every fragment timestamped at or after {@code startMillis} (-1 for every fragment). */
    static FragmentCursor before(long startMillis) {
        return new FragmentCursor(startMillis < 0 ? -1 : startMillis - 1, null, 0);
    }

    /** Whether a window was opened and not yet delivered to its end. */
    boolean inWindow() {
        return until != null;
    }

    /** The window up to {@code newest}, nothing of it delivered yet. */
    FragmentCursor opening(long newest) {
        return new FragmentCursor(after, newest, 0);
    }

    /** {@code cells} more of the window delivered. */
    FragmentCursor delivered(long cells) {
        return new FragmentCursor(after, until, done + cells);
    }

    /** The window delivered to its end: the next one starts after it. */
    FragmentCursor closed() {
        return new FragmentCursor(until, null, 0);
    }

    /** The first timestamp of the window (inclusive), as a time-travel read takes it: 0 is the beginning. */
    long windowStart() {
        return after + 1;
    }

    String format() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("after", after);
        if (until != null) {
            value.put("until", until);
            value.put("done", done);
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cells cursor could not be written", e);
        }
    }

    /** The cursor saved under {@code key}. */
    static FragmentCursor parse(String key, String stored) {
        try {
            JsonNode node = MAPPER.readTree(stored);
            if (node != null && node.path("after").canConvertToLong()) {
                JsonNode until = node.path("until");
                if (until.isMissingNode() || until.isNull()) {
                    return new FragmentCursor(node.path("after").asLong(), null, 0);
                }
                if (until.canConvertToLong() && node.path("done").canConvertToLong()) {
                    return new FragmentCursor(
                            node.path("after").asLong(),
                            until.asLong(),
                            node.path("done").asLong());
                }
            }
        } catch (JsonProcessingException e) {
            // named below
        }
        throw new TileDBConfigurationException("The cells cursor saved under '" + key + "' cannot be read ('" + stored
                + "'); remove that entry from the stateRepository to start again from startFrom");
    }
}
