package dev.cameltiledb.component.consumer;

import java.util.List;

import dev.cameltiledb.client.AssetRef;

/** The activity of one array: one paged read from its cursor per poll. */
final class SingleArrayActivitySource implements ActivitySource {

    private final AssetRef array;
    private final ArrayActivityReader reader;
    private final ActivityCursors cursors;
    private int requests;

    SingleArrayActivitySource(AssetRef array, ArrayActivityReader reader, ActivityCursors cursors) {
        this.array = array;
        this.reader = reader;
        this.cursors = cursors;
    }

    @Override
    public List<ActivityItem> read() {
        List<ActivityItem> due = reader.read(array, cursors.get(array.toUri()));
        requests = reader.takeRequests();
        return due;
    }

    @Override
    public int lastRequests() {
        return requests;
    }
}
