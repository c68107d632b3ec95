package dev.cameltiledb.component.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cameltiledb.client.ActivityQuery;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.PagedIterator;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.component.TileDBConfiguration;

/**
 * Reads the due events of one array from its cursor on, through the paged activity log (v2): an array with more
 * events in its window than one answer should carry comes page by page, and a page that shifted while new events were
 * logged only repeats ids, which are dropped.
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
        ActivityQuery query = new ActivityQuery(
                cursor.queryFrom(),
                null,
                config.getArrayOptions().getEventTypes(),
                config.getArrayOptions().getTaskId(),
                config.getArrayOptions().getHasTaskId());
        String stream = array.toUri();
        List<ActivityItem> due = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        PagedIterator<ArrayActivityLog> events = new PagedIterator<>(
                page -> {
                    requests++;
                    return client.arrays().activityPage(array, query, page, perPage);
                },
                0);
        while (events.hasNext()) {
            ArrayActivityLog event = events.next();
            if (event.eventAt() != null && event.id() != null && seen.add(event.id()) && cursor.isDue(event)) {
                due.add(new ActivityItem(stream, array, event));
            }
        }
        return due;
    }

    /** Requests sent since the last call. */
    int takeRequests() {
        int n = requests;
        requests = 0;
        return n;
    }
}
