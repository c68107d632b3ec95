package dev.cameltiledb.component.consumer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The ids an {@link ActivityCursor} remembers, each with its epoch second, in delivery order, together with their
 * stored form: the JSON entries {@code ["id",second]} are written once, when an id comes, and dropped from the front
 * when the window moves past it. A save then copies that text instead of writing every remembered id again; a hot
 * stream remembers tens of thousands of ids and is saved hundreds of times while it catches up, and writing each id
 * on each save was most of what delivering its events cost.
 */
final class RememberedIds {

    /** An id's second and the length of its entry in {@link #entries}. */
    private record Entry(long second, int chars) {}

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    /** {@code ["id",second],} for every id of {@link #byId}, in the same order, from {@link #start} on. */
    private final StringBuilder entries = new StringBuilder();
    /** Where the entry of the oldest id still remembered begins; the text before it is dropped in bulk. */
    private int start;

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    int size() {
        return byId.size();
    }

    /** Remembers an id; one already remembered keeps its place and its second. */
    void add(String id, long second) {
        int before = entries.length();
        entries.append("[\"");
        JsonStringEncoder.getInstance().quoteAsString(id, entries);
        entries.append("\",").append(second).append("],");
        if (byId.putIfAbsent(id, new Entry(second, entries.length() - before)) != null) {
            entries.setLength(before); // known already (one hash lookup per event, not two)
        }
    }

    /**
     * Forgets the ids at the front remembered with a second before {@code second}; stops at the first that is not,
     * so one delivered late may stay a little longer, which only costs its bytes.
     */
    void forgetBefore(long second) {
        for (Iterator<Entry> it = byId.values().iterator(); it.hasNext(); ) {
            Entry oldest = it.next();
            if (oldest.second() >= second) {
                break;
            }
            start += oldest.chars();
            it.remove();
        }
        if (start > entries.length() / 2) {
            // the dropped text is cut away once it is half of what is kept: each character moves O(1) times
            entries.delete(0, start);
            start = 0;
        }
    }

    /** Appends the entries as a JSON array's content: {@code ["a",1],["b",2]}. */
    void appendJson(StringBuilder out) {
        int end = entries.length() - 1; // without the last entry's comma
        if (end > start) {
            out.append(entries, start, end);
        }
    }

    /** The length {@link #appendJson} appends. */
    int jsonLength() {
        return Math.max(0, entries.length() - 1 - start);
    }
}
