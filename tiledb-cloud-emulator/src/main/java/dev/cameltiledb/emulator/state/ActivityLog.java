package dev.cameltiledb.emulator.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.cameltiledb.emulator.User;

/**
 * What the service logs: an array's activity (every change, and the reads the service logs), a group's own log, and
 * what each user accessed last ({@code GET /v1/arrays/last_accessed}). An array remembers, per user, the event of their
 * last access, so that list survives a restart with the array's file.
 */
public final class ActivityLog {

    /** Logged actions that only read: the others are changes, and move the asset's {@code updatedAt}. */
    private static final Set<String> READ_ACTIONS =
            Set.of("read_schema", "array_metadata_get", "non_empty_domain", "query_read", "max_buffer_sizes");

    private static final Set<String> GROUP_READ_ACTIONS = Set.of("group_metadata_get");

    private final Catalog catalog;
    private final Changes changes;
    private final Clock clock;
    /** username → array id → the event of the user's last access of the array. */
    private final Map<String, Map<String, ActivityEvent>> lastAccess = new HashMap<>();

    ActivityLog(Catalog catalog, Changes changes, Clock clock) {
        this.catalog = catalog;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Appends an event to the array's log and remembers the access for last_accessed. A query ({@code query_read},
     * {@code query_write}) is a task of the service, which the task listings show under the event's id; its event
     * names that task in {@code array_task_id}, as the service's query events name theirs.
     */
    public ActivityEvent record(StoredArray array, String action, String username) {
        String id = UUID.randomUUID().toString();
        boolean query = action.equals("query_read") || action.equals("query_write");
        ActivityEvent event = new ActivityEvent(id, clock.instant(), action, username, 0, 0, query ? id : null);
        changes.changed(array, "logging " + action + " on array " + array.namespace + "/" + array.name);
        if (!READ_ACTIONS.contains(action)) {
            catalog.changed(array);
        }
        array.activity.add(event);
        array.lastAccessed = event.eventAt();
        array.lastAccessBy.put(username, event.id());
        lastAccess.computeIfAbsent(username, u -> new LinkedHashMap<>()).put(array.id, event);
        return event;
    }

    /** Logs the action that removes the array (delete or deregister) on its activity, then removes it. */
    public void removeLogged(StoredArray array, String action, String username) {
        record(array, action, username);
        catalog.remove(array);
    }

    /**
     * Appends an event to the group's own log, which moves its last access ("Datetime groups was last accessed", as
     * the spec's {@code GroupInfo} says) as an array's does; a change (not a read of its metadata) moves its
     * {@code updated_at} too.
     */
    public void record(StoredGroup group, String action, User user) {
        ActivityEvent event =
                new ActivityEvent(UUID.randomUUID().toString(), clock.instant(), action, user.username(), 0, 0, null);
        changes.changed(group, "logging " + action + " on group " + group.namespace + "/" + group.name)
                .activity
                .add(event);
        if (!GROUP_READ_ACTIONS.contains(action)) {
            catalog.changed(group);
        }
        group.lastAccessed = event.eventAt();
    }

    /** The user's most recent accesses, newest first, for arrays that still exist. */
    public List<Map.Entry<StoredArray, ActivityEvent>> lastAccessedBy(String username, int limit) {
        List<Map.Entry<StoredArray, ActivityEvent>> result = new ArrayList<>();
        lastAccess.getOrDefault(username, Map.of()).forEach((id, event) -> {
            StoredArray array = catalog.array(id);
            if (array != null) {
                result.add(Map.entry(array, event));
            }
        });
        result.sort((a, b) -> b.getValue().eventAt().compareTo(a.getValue().eventAt()));
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    /** Rebuilds who accessed what last from the arrays loaded from the data directory. */
    void reindex() {
        lastAccess.clear();
        for (StoredArray array : catalog.arrays()) {
            array.lastAccessBy.forEach((username, eventId) -> array.activity.stream()
                    .filter(e -> e.id().equals(eventId))
                    .findFirst()
                    .ifPresent(event -> lastAccess
                            .computeIfAbsent(username, u -> new LinkedHashMap<>())
                            .put(array.id, event)));
        }
    }
}
