package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.GroupContentActivity;
import dev.cameltiledb.client.model.PaginationMetadata;
import dev.cameltiledb.component.TileDBConfiguration;

/**
 * The activity of everything in a group, from the group's content activity ({@code content_activity}), under one
 * cursor. A poll costs one request when nothing was logged, whatever the group's size and however many events the
 * cursor's late-arrival window holds; otherwise one more paged read.
 * <p>
 * The endpoint has no time filter, only pages. When the service answers newest first, a full read stops at the first
 * page that reaches back past the cursor's window, and it keeps the events it saw in order ({@link SeenNewestFirst}).
 * Each later poll first asks for the one event at the position just past the window (page {@code n + 1} of pages of
 * one event): when it is the event seen there before, nothing was logged inside the window and the poll ends after
 * that one request; otherwise it reads in full. This trusts that an event, once listed, stays listed while it is
 * inside the window: an asset removed from the group in the same interval in which as many events arrive would hide
 * them. A poll after an event a read returned was not delivered (its exchange failed, the consumer stopped), after a
 * full read that failed, and one whose window reaches back to the edge of the service's seven days
 * ({@link ActivityRetention}) read in full. When a page turns out not to be newest first, every poll reads every
 * page: slower, never wrong.
 */
final class GroupActivitySource implements ActivitySource {

    private final TileDBClient client;
    private final AssetRef group;
    private final ActivityCursors cursors;
    private final int perPage;
    private final Set<String> eventTypes;
    private final String taskId;
    private final boolean hasTaskId;
    /** What the last full read saw; null before it, or when it cannot tell: the next poll reads in full. */
    private SeenNewestFirst seen;

    private int requests;

    GroupActivitySource(TileDBClient client, AssetRef group, ActivityCursors cursors, TileDBConfiguration config) {
        this.client = client;
        this.group = group;
        this.cursors = cursors;
        this.perPage =
                config.getListing().getPerPage() != null ? config.getListing().getPerPage() : 100;
        this.eventTypes = config.getArrayOptions().getEventTypes() == null
                ? Set.of()
                : Set.copyOf(
                        Arrays.stream(config.getArrayOptions().getEventTypes().split(","))
                                .map(String::strip)
                                .toList());
        this.taskId = config.getArrayOptions().getTaskId();
        this.hasTaskId = Boolean.TRUE.equals(config.getArrayOptions().getHasTaskId());
    }

    /** The stream name of a group's cursor. */
    static String stream(AssetRef group) {
        return "group:" + group.toUri();
    }

    @Override
    public List<ActivityItem> read() {
        ActivityCursor cursor = cursors.get(stream(group));
        requests = 0;
        if (seen != null && ActivityRetention.keepsFrom(cursor.queryFrom(), Instant.now())) {
            int n = seen.windowSize(cursor.queryFrom());
            Page<GroupContentActivity> probe = client.groups().contentActivity(group, n + 1, 1);
            requests++;
            if (seen.unchanged(n, probe)) {
                return new ArrayList<>(); // the consumer sorts what a read returns
            }
        }
        seen = null; // a full read that fails leaves nothing to compare with
        return readAll(cursor);
    }

    @Override
    public void readAgain(String stream) {
        seen = null; // an event the last read returned waits for delivery: read in full
    }

    private List<ActivityItem> readAll(ActivityCursor cursor) {
        List<ActivityItem> due = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        SeenNewestFirst sequence = new SeenNewestFirst();
        Instant previous = null;
        boolean newestFirst = true;
        for (int page = 1; ; page++) {
            Page<GroupContentActivity> answer = client.groups().contentActivity(group, page, perPage);
            requests++;
            boolean reachedPast = false;
            for (GroupContentActivity entry : answer.items()) {
                ArrayActivityLog event = entry.activityLog();
                if (event == null || event.eventAt() == null || event.id() == null) {
                    sequence.uncountable();
                    continue;
                }
                if (previous != null && event.eventAt().isAfter(previous)) {
                    newestFirst = false;
                }
                previous = event.eventAt();
                reachedPast |= event.eventAt().getEpochSecond() < cursor.queryFrom();
                if (!ids.add(event.id())) {
                    continue; // the page shifted while events were logged
                }
                sequence.add(event.id(), event.eventAt().getEpochSecond());
                if (entry.asset() != null && cursor.isDue(event) && wanted(event)) {
                    due.add(new ActivityItem(stream(group), asset(entry), event));
                }
            }
            if (isLast(answer, page) || newestFirst && reachedPast) {
                seen = sequence.done(newestFirst);
                return due;
            }
        }
    }

    private boolean wanted(ArrayActivityLog event) {
        return (eventTypes.isEmpty() || eventTypes.contains(event.action()))
                && (taskId == null || taskId.equals(event.arrayTaskId()))
                && (!hasTaskId || event.arrayTaskId() != null);
    }

    private AssetRef asset(GroupContentActivity entry) {
        GroupContentActivity.Asset asset = entry.asset();
        String name = asset.name() != null ? asset.name() : asset.id();
        return new AssetRef(asset.namespace() != null ? asset.namespace() : group.namespace(), name);
    }

    private static boolean isLast(Page<?> answer, int page) {
        PaginationMetadata meta = answer.pagination();
        return answer.items().isEmpty() || meta == null || meta.totalPages() <= page;
    }

    @Override
    public int lastRequests() {
        return requests;
    }
}
