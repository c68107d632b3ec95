package dev.cameltiledb.component.consumer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.model.GroupContentActivity;
import dev.cameltiledb.client.model.PaginationMetadata;

/**
 * The events one full read of a newest-first listing (a group's content activity) returned, in order, so that a later
 * poll can tell with one request whether anything was logged inside its window since.
 * <p>
 * With the listing newest first, the events of the window (at or after the cursor's {@code queryFrom()}) are the
 * first {@code n} of the list, and the event at position {@code n} is the newest one older than the window. A new
 * event, and one logged late inside the window, land before that event and move it down; events that leave the log
 * for its age are the oldest and do not move it. So when the listing still shows that same event at position
 * {@code n} (a page of one event, page {@code n + 1}), the window holds exactly the {@code n} events seen, all
 * delivered or not due. When the read reached the end of the listing before leaving the window, the listing must
 * still end there: page {@code n + 1} empty and {@code total_items} equal to {@code n}.
 * <p>
 * A read that met an event without an id or a time, or a listing that turned out not to be newest first, leaves no
 * sequence: the next poll reads in full.
 */
final class SeenNewestFirst {

    private final List<String> ids = new ArrayList<>();
    private long[] seconds = new long[16];
    private boolean countable = true;

    /** The next event of the listing, its id not seen before in this read. */
    void add(String id, long second) {
        if (ids.size() == seconds.length) {
            seconds = Arrays.copyOf(seconds, ids.size() * 2);
        }
        seconds[ids.size()] = second;
        ids.add(id);
    }

    /** An entry that cannot be placed (no id or no time). */
    void uncountable() {
        countable = false;
    }

    /** The finished sequence, or null when it cannot tell an idle window (see the class comment). */
    SeenNewestFirst done(boolean newestFirst) {
        return countable && newestFirst ? this : null;
    }

    /** How many of the leading events happened at or after {@code second}: the window's position {@code n}. */
    int windowSize(long second) {
        int n = 0;
        while (n < ids.size() && seconds[n] >= second) {
            n++;
        }
        return n;
    }

    /** Whether the probe, page {@code n + 1} of one event, shows the listing as it was seen (see the class comment). */
    boolean unchanged(int n, Page<GroupContentActivity> probe) {
        if (n < ids.size()) {
            GroupContentActivity first =
                    probe.items().isEmpty() ? null : probe.items().get(0);
            return first != null
                    && first.activityLog() != null
                    && ids.get(n).equals(first.activityLog().id());
        }
        PaginationMetadata meta = probe.pagination();
        return probe.items().isEmpty() && meta != null && meta.totalItems() == n;
    }
}
