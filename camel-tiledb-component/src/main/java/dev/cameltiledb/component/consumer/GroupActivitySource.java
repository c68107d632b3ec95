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
 * cursor: one paged read per poll, whatever the group's size.
 * <p>
 * The endpoint has no time filter, only pages. When the service answers newest first, the read stops at the first
 * page that reaches back past the cursor's window, so a quiet poll costs one request. When a page turns out not to be
 * newest first, every page is read: slower, never wrong.
 */
final class GroupActivitySource implements ActivitySource {

    private final TileDBClient client;
    private final AssetRef group;
    private final ActivityCursors cursors;
    private final int perPage;
    private final Set<String> eventTypes;
    private final String taskId;
    private final boolean hasTaskId;
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
        List<ActivityItem> due = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant previous = null;
        boolean newestFirst = true;
        requests = 0;
        for (int page = 1; ; page++) {
            Page<GroupContentActivity> answer = client.groups().contentActivity(group, page, perPage);
            requests++;
            boolean reachedPast = false;
            for (GroupContentActivity entry : answer.items()) {
                ArrayActivityLog event = entry.activityLog();
                if (event == null || event.eventAt() == null || event.id() == null || entry.asset() == null) {
                    continue;
                }
                if (previous != null && event.eventAt().isAfter(previous)) {
                    newestFirst = false;
                }
                previous = event.eventAt();
                reachedPast |= event.eventAt().getEpochSecond() < cursor.queryFrom();
                if (seen.add(event.id()) && cursor.isDue(event) && wanted(event)) {
                    due.add(new ActivityItem(stream(group), asset(entry), event));
                }
            }
            if (isLast(answer, page) || newestFirst && reachedPast) {
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
