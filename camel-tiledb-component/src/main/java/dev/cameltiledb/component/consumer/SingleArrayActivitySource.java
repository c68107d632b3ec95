package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.AssetRef;

/**
 * The activity of one array. A poll costs one request when nothing was logged, however many events the cursor's
 * late-arrival window holds; otherwise one more paged read of that window.
 * <p>
 * The first poll reads the window in full (page by page) and keeps the second of every event it returned
 * ({@link SeenWindow}). Each later poll first asks the service how many events the window from the cursor's
 * {@code queryFrom()} holds, with a page of one event: the events the last full read saw are all still logged (the
 * log only grows, and the window starts well inside the service's seven days, see {@link ActivityRetention}), so when
 * the count equals the number of them at or after {@code queryFrom()}, the window holds exactly those. Each of them
 * was delivered, or was not due (held back by the cursor's floor, or delivered before), and stays so: the poll ends
 * after that one request. A new event, and one logged late with an older time inside the window, raise the count, and
 * the poll reads the window in full as the first did. So does a poll after an event a read returned was not delivered
 * (its exchange failed, the consumer stopped), after a full read that failed, and one whose window reaches back to
 * the edge of the service's seven days.
 */
final class SingleArrayActivitySource implements ActivitySource {

    private final AssetRef array;
    private final ArrayActivityReader reader;
    private final ActivityCursors cursors;
    /** What the last full read saw; null before it, or when it cannot be counted: the next poll reads in full. */
    private SeenWindow seen;

    private int requests;

    SingleArrayActivitySource(AssetRef array, ArrayActivityReader reader, ActivityCursors cursors) {
        this.array = array;
        this.reader = reader;
        this.cursors = cursors;
    }

    @Override
    public List<ActivityItem> read() {
        ActivityCursor cursor = cursors.get(array.toUri());
        long from = cursor.queryFrom();
        try {
            if (seen != null
                    && ActivityRetention.keepsFrom(from, Instant.now())
                    && reader.holds(array, from, seen.countFrom(from))) {
                return new ArrayList<>(); // the consumer sorts what a read returns
            }
            seen = null; // a full read that fails leaves nothing to compare with
            SeenWindow window = new SeenWindow();
            List<ActivityItem> due = reader.read(array, cursor, window);
            seen = window.done();
            return due;
        } finally {
            requests = reader.takeRequests();
        }
    }

    @Override
    public void readAgain(String stream) {
        seen = null; // an event the last read returned waits for delivery: read the window in full
    }

    @Override
    public int lastRequests() {
        return requests;
    }
}
