package dev.cameltiledb.emulator.page;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.cameltiledb.emulator.common.page.PageView;
import dev.cameltiledb.emulator.data.DataEngine;
import dev.cameltiledb.emulator.data.task.TaskQuery;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * The TileDB emulator's state as its page shows it: namespaces, assets with their recent activity, groups, tasks. Each
 * row is read in a read transaction and holds only what may be shown: a user's name, email and organizations, never
 * its API keys or password; an asset's storage URI but not the credentials name it is read with.
 */
public final class TileDBPageViews {

    /** How many of an asset's latest activity events its row lists. */
    static final int RECENT_ACTIVITY = 5;

    private final EmulatorState state;
    private final Supplier<DataEngine> engine;

    public TileDBPageViews(EmulatorState state, Supplier<DataEngine> engine) {
        this.state = state;
        this.engine = engine;
    }

    /** A user or an organization: the namespaces assets live in. */
    public record NamespaceRow(String kind, String name, String email, Map<String, String> members) {}

    /** An array, a notebook or a file, and what happened to it last. */
    public record AssetRow(
            String type,
            String namespace,
            String name,
            String uri,
            Instant created,
            Instant lastAccessed,
            List<String> recentActivity) {}

    public record GroupRow(String namespace, String name, String groupType, int members, List<String> tags) {}

    public record TaskRow(
            String id,
            String type,
            String status,
            String namespace,
            String username,
            List<String> arrays,
            String startTime,
            String finishTime) {}

    public List<PageView> views() {
        return List.of(
                new PageView(
                        "namespaces",
                        "Namespaces",
                        "Users and organizations (an organization's members with their roles): the namespaces assets"
                                + " live in.",
                        this::namespaces),
                new PageView(
                        "assets",
                        "Assets",
                        "Arrays, notebooks and files, with their latest activity (newest first).",
                        this::assets),
                new PageView("groups", "Groups", "Groups and how many members each holds.", this::groups),
                new PageView(
                        "tasks",
                        "Tasks",
                        "The data plane's tasks (SQL, UDFs, task graphs), newest first.",
                        this::tasks));
    }

    private List<NamespaceRow> namespaces() {
        return state.transactions()
                .read(() -> java.util.stream.Stream.concat(
                                state.accounts().users().stream()
                                        .map(u -> new NamespaceRow("user", u.username(), u.email(), null)),
                                state.accounts().organizations().stream()
                                        .map(o -> new NamespaceRow(
                                                "organization", o.name(), null, new java.util.TreeMap<>(o.members()))))
                        .toList());
    }

    private List<AssetRow> assets() {
        return state.transactions()
                .read(() -> state.catalog().arrays().stream()
                        .sorted(Comparator.comparing((StoredArray a) -> a.namespace)
                                .thenComparing(a -> a.name))
                        .map(a -> new AssetRow(
                                a.fileType == null ? "array" : a.fileType,
                                a.namespace,
                                a.name,
                                a.uri,
                                a.createdAt,
                                a.lastAccessed,
                                recent(a.activity)))
                        .toList());
    }

    private static List<String> recent(List<ActivityEvent> activity) {
        return activity.stream()
                .sorted(Comparator.comparing(ActivityEvent::eventAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .limit(RECENT_ACTIVITY)
                .map(e -> e.eventAt() + " " + e.action() + " by " + e.username())
                .toList();
    }

    private List<GroupRow> groups() {
        return state.transactions()
                .read(() -> state.catalog().groups().stream()
                        .map(g -> new GroupRow(g.namespace, g.name, g.groupType, g.members.size(), List.copyOf(g.tags)))
                        .toList());
    }

    private List<TaskRow> tasks() {
        return engine.get().tasks().list(TaskQuery.all()).stream()
                .map(r -> new TaskRow(
                        r.task().id(),
                        r.task().type(),
                        r.task().status(),
                        r.task().namespace(),
                        r.task().username(),
                        r.arrays(),
                        r.task().startTime(),
                        r.task().finishTime()))
                .sorted(Comparator.comparing(TaskRow::startTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
    }
}
