package dev.cameltiledb.component;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cameltiledb.client.model.ArrayActivityLog;

/**
 * How far an array's activity log was delivered. The service filters only by whole epoch seconds and may log an
 * event a little after it happened, so the cursor is the newest delivered second plus the ids delivered in the last
 * {@code lateArrivalSeconds} before it; each poll asks again from {@code second - lateArrivalSeconds}, inclusively,
 * and drops those ids. Nothing is skipped when events share a second or arrive late inside that window, and nothing
 * is delivered twice.
 */
final class ActivityCursor {

    private final long lateArrivalSeconds;
    private long second;
    /** id of each delivered event still inside the late-arrival window, with its epoch second. */
    private final Map<String, Long> recent = new LinkedHashMap<>();

    private ActivityCursor(long second, long lateArrivalSeconds) {
        this.second = second;
        this.lateArrivalSeconds = lateArrivalSeconds;
    }

    static ActivityCursor at(long epochSecond, long lateArrivalSeconds) {
        return new ActivityCursor(epochSecond, lateArrivalSeconds);
    }

    /** The stored form {@code second|id@second,id@second,...}. */
    static ActivityCursor parse(String stored, long lateArrivalSeconds) {
        int bar = stored.indexOf('|');
        ActivityCursor cursor = new ActivityCursor(Long.parseLong(bar < 0 ? stored : stored.substring(0, bar)), lateArrivalSeconds);
        if (bar >= 0 && bar < stored.length() - 1) {
            for (String entry : stored.substring(bar + 1).split(",")) {
                int at = entry.lastIndexOf('@');
                cursor.recent.put(entry.substring(0, at), Long.parseLong(entry.substring(at + 1)));
            }
        }
        return cursor;
    }

    String format() {
        StringBuilder sb = new StringBuilder().append(second).append('|');
        recent.forEach((id, at) -> sb.append(sb.charAt(sb.length() - 1) == '|' ? "" : ",").append(id).append('@').append(at));
        return sb.toString();
    }

    /** The window start to ask the service for. */
    long queryFrom() {
        return second - lateArrivalSeconds;
    }

    boolean isDelivered(ArrayActivityLog event) {
        return event.eventAt().getEpochSecond() < queryFrom() || recent.containsKey(event.id());
    }

    /** Moves past an event whose exchange completed. */
    void advance(ArrayActivityLog event) {
        long at = event.eventAt().getEpochSecond();
        second = Math.max(second, at);
        recent.put(event.id(), at);
        recent.values().removeIf(s -> s < queryFrom());
    }
}
