package dev.cameltiledb.component.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cameltiledb.client.ActivityQuery;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.PagedIterator;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.PaginationMetadata;
import dev.cameltiledb.component.TileDBConfiguration;

/**
 * Reads the due events of one array from its cursor on, through the paged activity log (v2): an array with more
 * events in its window than one answer should carry comes page by page, and a page that shifted while new events were
 * logged only repeats ids, which are dropped. {@link #holds} asks only whether a window holds a given number of
 * events, in one request.
 */
final class ArrayActivityReader {

    private final TileDBClient client;
    private final TileDBConfiguration config;
    private final int perPage;
    private int requests;

    ArrayActivityReader(TileDBClient client, TileDBConfiguration config) {
        this.client = client;
        this.config = config;
        this.perPage =
                config.getListing().getPerPage() != null ? config.getListing().getPerPage() : 100;
    }

    List<ActivityItem> read(AssetRef array, ActivityCursor cursor) {
        return read(array, cursor, null);
    }

    /** Reads the due events, and records every event the window holds into {@code seen} when it is not null. */
    List<ActivityItem> read(AssetRef array, ActivityCursor cursor, SeenWindow seen) {
        ActivityQuery query = query(cursor.queryFrom());
        String stream = array.toUri();
        List<ActivityItem> due = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        PagedIterator<ArrayActivityLog> events = new PagedIterator<>(
                page -> {
                    requests++;
                    return client.arrays().activityPage(array, query, page, perPage);
                },
                0);
        while (events.hasNext()) {
            ArrayActivityLog event = events.next();
            if (event.eventAt() == null || event.id() == null) {
                if (seen != null) {
                    seen.uncountable();
                }
                continue;
            }
            if (!ids.add(event.id())) {
                continue;
            }
            if (seen != null) {
                seen.add(event.eventAt().getEpochSecond());
            }
            if (cursor.isDue(event)) {
                due.add(new ActivityItem(stream, array, event));
            }
        }
        return due;
    }

    /**
     * Whether the window from {@code from} on holds exactly {@code expected} events by the service's count (the
     * {@code total_items} of a page of one event): one request. An answer without pagination never agrees, and one
     * whose page contradicts its count (an event in a window counted empty) neither.
     */
    boolean holds(AssetRef array, long from, long expected) {
        requests++;
        Page<ArrayActivityLog> answer = client.arrays().activityPage(array, query(from), 1, 1);
        PaginationMetadata meta = answer.pagination();
        return meta != null && meta.totalItems() == expected && answer.items().isEmpty() == (expected == 0);
    }

    private ActivityQuery query(long from) {
        return new ActivityQuery(
                from,
                null,
                config.getArrayOptions().getEventTypes(),
                config.getArrayOptions().getTaskId(),
                config.getArrayOptions().getHasTaskId());
    }

    /** Requests sent since the last call. */
    int takeRequests() {
        int n = requests;
        requests = 0;
        return n;
    }
}
