package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.model.ArrayActivityLog;

/**
 * How far one activity stream (an array, or a group's contents) was delivered.
 * <p>
 * The service filters only by whole epoch seconds and may log an event a little after it happened, so the cursor is
 * the newest delivered second plus the ids delivered in the last {@code lateArrivalSeconds} before it; each poll asks
 * again from {@code second - lateArrivalSeconds}, inclusively, and drops those ids. Nothing is skipped when events
 * share a second or arrive late inside that window, and no completed event is delivered again.
 * <p>
 * A cursor made for a stream that starts at a given instant also has a floor: an event older than the start instant
 * is never delivered, even though the first polls look back past it for late arrivals.
 * <p>
 * The stored form is JSON, so any id round-trips; a saved value that cannot be read is a named error, never a silent
 * restart from scratch.
 */
final class ActivityCursor {

    /**
     * A cursor is saved after the exchange that completes, as long as it remembers few ids; a hot stream that
     * remembers many is saved after every {@code remembered / SAVE_RATIO} completions instead (and at the end of every
     * poll), so a save costs O(1) per event rather than O(remembered).
     */
    private static final int SAVE_RATIO = 16;

    private static final ObjectMapper MAPPER = TileDBJson.mapper();

    private final long lateArrivalSeconds;
    private long second;
    /** Nothing before this instant is delivered; null when the stream starts at the beginning of the service's window. */
    private Instant floor;
    /** id of each delivered event still inside the late-arrival window, with its epoch second, in delivery order. */
    private final RememberedIds recent = new RememberedIds();

    private int unsaved;

    private ActivityCursor(long second, Instant floor, long lateArrivalSeconds) {
        this.second = second;
        this.floor = floor;
        this.lateArrivalSeconds = lateArrivalSeconds;
    }

    /** A new stream that delivers exactly the events at or after {@code start}. */
    static ActivityCursor startingAt(Instant start, long lateArrivalSeconds) {
        return new ActivityCursor(start.getEpochSecond(), start, lateArrivalSeconds);
    }

    /** A new stream that delivers everything the service still has from {@code windowStart} on. */
    static ActivityCursor fromBeginning(Instant windowStart, long lateArrivalSeconds) {
        return new ActivityCursor(windowStart.getEpochSecond() + lateArrivalSeconds, null, lateArrivalSeconds);
    }

    /** The stored form as read, the field names short because a hot stream's cursor holds thousands of ids. */
    private record Stored(long s, String f, List<Object[]> r) {}

    /** Reads a saved cursor; {@code key} names it in the error when the value is not a cursor. */
    static ActivityCursor parse(String key, String stored, long lateArrivalSeconds) {
        try {
            Stored s = MAPPER.readValue(stored, Stored.class);
            ActivityCursor cursor =
                    new ActivityCursor(s.s(), s.f() == null ? null : Instant.parse(s.f()), lateArrivalSeconds);
            if (s.r() != null) {
                for (Object[] entry : s.r()) {
                    cursor.recent.add((String) entry[0], ((Number) entry[1]).longValue());
                }
            }
            return cursor;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException(
                    "The saved activity cursor under state key '" + key + "' is not readable ("
                            + e.getMessage() + "); remove that entry from the stateRepository to start"
                            + " the stream again from startFrom",
                    e);
        }
    }

    /**
     * The stored form, {@code {"s":second,"f":"floor","r":[["id",second],...]}} (no {@code f} without a floor), written
     * from the text the remembered ids keep: a save costs a copy of that text, not a JSON write of every id.
     */
    String format() {
        StringBuilder out = new StringBuilder(recent.jsonLength() + 64);
        out.append("{\"s\":").append(second);
        if (floor != null) {
            out.append(",\"f\":\"").append(floor).append('"'); // an Instant's text needs no escaping
        }
        out.append(",\"r\":[");
        recent.appendJson(out);
        return out.append("]}").toString();
    }

    /** How far the stream has delivered: the second of its newest delivered event, or where it started. */
    Instant position() {
        return Instant.ofEpochSecond(second);
    }

    /** The window start to ask the service for, epoch seconds, inclusive. */
    long queryFrom() {
        return second - lateArrivalSeconds;
    }

    /** Whether the event is one this stream still has to deliver. */
    boolean isDue(ArrayActivityLog event) {
        Instant at = event.eventAt();
        return at.getEpochSecond() >= queryFrom()
                && (floor == null || !at.isBefore(floor))
                && !recent.contains(event.id());
    }

    /** Moves past an event whose exchange completed. */
    void advance(ArrayActivityLog event) {
        long at = event.eventAt().getEpochSecond();
        second = Math.max(second, at);
        recent.add(event.id(), at);
        unsaved++;
        recent.forgetBefore(queryFrom());
        if (floor != null && floor.getEpochSecond() < queryFrom()) {
            floor = null; // the window no longer reaches back before the start
        }
    }

    /** Whether enough has changed since the last save to write the cursor now (see {@link #SAVE_RATIO}). */
    boolean shouldSave() {
        return unsaved > 0 && (long) unsaved * SAVE_RATIO >= recent.size();
    }

    boolean hasUnsavedProgress() {
        return unsaved > 0;
    }

    void saved() {
        unsaved = 0;
    }

    int remembered() {
        return recent.size();
    }
}
