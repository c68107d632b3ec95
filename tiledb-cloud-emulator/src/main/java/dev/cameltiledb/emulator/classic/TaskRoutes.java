package dev.cameltiledb.emulator.classic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.data.task.TaskQuery;
import dev.cameltiledb.emulator.data.task.TaskRecord;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.Pagination;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * Array tasks: {@code GET /v1/tasks} (paged {@code ArrayTaskData}), {@code GET /v1/tasks/sidebar},
 * {@code GET /v1/task/{id}} and {@code GET /v1/task/{id}/result}. Two kinds are listed together. The data plane's
 * tasks (SQL, UDFs, JSON queries, task graph nodes) are the engine's, with their logs and kept results. And the service
 * makes a task of every query it runs on an array: of what the emulator serves otherwise, those are the reads and
 * writes its activity logs record ({@code query_read}: samples and file downloads; {@code query_write}: notebook and
 * file uploads), each a completed {@code QUERY} task with the event's id as the task's id. Times ({@code start},
 * {@code end}) are Unix seconds.
 */
public final class TaskRoutes {

    private static final List<String> TYPES =
            List.of("SQL", "UDF", "QUERY", "GENERIC_UDF", "BATCH_UDF", "CLIENT_COMPUTATION");
    private static final List<String> STATUSES = List.of(
            "QUEUED", "FAILED", "COMPLETED", "RUNNING", "RESOURCES_UNAVAILABLE", "UNKNOWN", "CANCELLED", "DENIED");
    /** What the sidebar counts when it is given no {@code start}, as the spec says. */
    private static final Duration SIDEBAR_DEFAULT_WINDOW = Duration.ofDays(7);

    /** A query event of an array: one task. */
    private record Task(StoredArray array, ActivityEvent event) {
        Instant start() {
            return event.eventAt();
        }
    }

    /** A task of either kind as the listing sorts it, and how it is answered. */
    private record Listed(Instant start, String name, String id, Supplier<Object> answer) {}

    private final EmulatorState state;
    private final ArrayRoutes arrays;
    private final EngineCalls engine;

    TaskRoutes(EmulatorState state, ArrayRoutes arrays, EngineCalls engine) {
        this.state = state;
        this.arrays = arrays;
        this.engine = engine;
    }

    public void register(Router<Handler> router) {
        router.add("GET", "/v1/tasks", EngineCalls.guarded(this::list))
                .add("GET", "/v1/tasks/sidebar", this::sidebar)
                .add("GET", "/v1/task/{id}", this::one)
                .add("GET", "/v1/task/{id}/result", Access.OWN, EngineCalls.guarded(this::result));
    }

    private void list(HttpCall call) {
        int page = Pagination.positive(call, "page", 1);
        int perPage = Pagination.positive(call, "per_page", ArrayRoutes.DEFAULT_PER_PAGE);
        Predicate<Task> filter = filter(call);
        Comparator<Task> order = order(call.query("orderby"));
        TaskQuery query = TaskQuery.from(parameters(call));
        User user = call.user();
        List<Listed> tasks = new ArrayList<>();
        visibleTasks(user).stream()
                .filter(filter)
                .forEach(t -> tasks.add(new Listed(
                        t.start(),
                        // orderby=name: by the array's namespace and name, as before the data plane
                        t.array().namespace + "/" + t.array().name,
                        t.event().id(),
                        () -> render(t, user))));
        if (fileTypesAllowEngineTasks(call)) {
            Set<String> own = state.accounts().namespacesOf(user);
            engine.engine().tasks().list(query).stream()
                    .filter(r -> visible(r, user, own))
                    .forEach(r -> tasks.add(new Listed(
                            r.task().startTime() == null
                                    ? Instant.EPOCH
                                    : Instant.parse(r.task().startTime()),
                            r.task().name() == null ? "" : r.task().name(),
                            r.task().id(),
                            () -> render(r, user))));
        }
        tasks.sort(listedOrder(call.query("orderby")));
        call.json(
                200,
                Pagination.page(
                        "array_tasks", tasks, page, perPage, t -> t.answer().get()));
    }

    /** The engine's tasks touch arrays of no file type: a {@code file_type} filter leaves them out. */
    private static boolean fileTypesAllowEngineTasks(HttpCall call) {
        return call.queryAll("file_type").isEmpty();
    }

    private static Map<String, List<String>> parameters(HttpCall call) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        call.queryParameters().forEach((name, values) -> parameters.put(name, List.copyOf(values)));
        return parameters;
    }

    /** A data plane task is seen by whoever ran it and by the members of the namespace it ran in. */
    private static boolean visible(TaskRecord r, User user, Set<String> own) {
        return user.username().equals(r.task().username())
                || own.contains(r.task().namespace());
    }

    /** The engine's task with the {@code ArrayInfo} of the first array it touched, when the caller may see it. */
    private Object render(TaskRecord r, User user) {
        for (String uri : r.arrays()) {
            String path = uri.startsWith("tiledb://") ? uri.substring("tiledb://".length()) : uri;
            int slash = path.indexOf('/');
            if (slash > 0) {
                StoredArray array = state.catalog().find(path.substring(0, slash), path.substring(slash + 1));
                if (array != null && !state.access().actionsOf(user, array).isEmpty()) {
                    return r.task().withArrayMetadata(arrays.info(array, user, false));
                }
            }
        }
        return r.task();
    }

    /** The same orders as {@link #order}, over both kinds of task. */
    private static Comparator<Listed> listedOrder(String orderBy) {
        Comparator<Listed> newestFirst =
                Comparator.comparing(Listed::start).reversed().thenComparing(Listed::id);
        return "name".equals(orderBy) ? Comparator.comparing(Listed::name).thenComparing(newestFirst) : newestFirst;
    }

    /** The kept result of a data plane task; 202 while it runs. Read outside the state's transactions. */
    private void result(HttpCall call) {
        String id = call.path("id");
        User user = call.user();
        TaskRecord r = engine.engine().tasks().get(id).orElse(null);
        Set<String> own = state.transactions().read(() -> state.accounts().namespacesOf(user));
        if (r == null || !visible(r, user, own)) {
            throw ApiFailure.notFound("task " + id + " does not exist or you may not see it");
        }
        EngineCalls.send(call, engine.engine().tasks().result(id));
    }

    /** Tasks started in [start, end] (default: the last seven days), counted by the namespace of their array. */
    private void sidebar(HttpCall call) {
        Long start = seconds(call, "start");
        Long end = seconds(call, "end");
        Instant from =
                start != null ? Instant.ofEpochSecond(start) : state.now().minus(SIDEBAR_DEFAULT_WINDOW);
        Instant to = end != null ? Instant.ofEpochSecond(end) : state.now();
        SortedMap<String, Integer> counts = new TreeMap<>();
        visibleTasks(call.user()).stream()
                .filter(t -> !t.start().isBefore(from) && !t.start().isAfter(to))
                .forEach(t -> counts.merge(t.array().namespace, 1, Integer::sum));
        List<String> organizations = state.accounts().organizationsOf(call.user()).stream()
                .map(Organization::name)
                .filter(counts::containsKey)
                .toList();
        call.json(
                200,
                new TaskAnswers.Sidebar(
                        organizations,
                        counts.values().stream().mapToInt(Integer::intValue).sum(),
                        counts));
    }

    private void one(HttpCall call) {
        String id = call.path("id");
        User user = call.user();
        TaskRecord fromEngine = engine.engine().tasks().get(id).orElse(null);
        if (fromEngine != null && visible(fromEngine, user, state.accounts().namespacesOf(user))) {
            call.json(200, render(fromEngine, user));
            return;
        }
        call.json(
                200,
                visibleTasks(call.user()).stream()
                        .filter(t -> t.event().id().equals(id))
                        .findFirst()
                        .map(t -> render(t, call.user()))
                        .orElseThrow(
                                () -> ApiFailure.notFound("task " + id + " does not exist or you may not see it")));
    }

    /** Query events of arrays the user may see, run by the user or in one of its namespaces. */
    private List<Task> visibleTasks(User user) {
        java.util.Set<String> own = state.accounts().namespacesOf(user);
        List<Task> tasks = new ArrayList<>();
        for (StoredArray array : state.catalog().arrays()) {
            if (state.access().actionsOf(user, array).isEmpty()) {
                continue;
            }
            for (ActivityEvent event : array.activity) {
                if (isQuery(event)
                        && (own.contains(array.namespace) || user.username().equals(event.username()))) {
                    tasks.add(new Task(array, event));
                }
            }
        }
        return tasks;
    }

    private static boolean isQuery(ActivityEvent event) {
        return event.action().equals("query_read") || event.action().equals("query_write");
    }

    private Predicate<Task> filter(HttpCall call) {
        String namespace = call.query("namespace");
        String createdBy = call.query("created_by");
        String array = call.query("array");
        Long start = seconds(call, "start");
        Long end = seconds(call, "end");
        String type = upper(call.query("type"), TYPES, "type");
        // the spec declares exclude_type without a collection format, which is Swagger's csv: one comma-separated value
        List<String> excludeTypes = call.queryAll("exclude_type").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(t -> upper(t.strip(), TYPES, "exclude_type"))
                .filter(java.util.Objects::nonNull)
                .toList();
        List<String> fileTypes = call.queryAll("file_type");
        List<String> excludeFileTypes = call.queryAll("exclude_file_type");
        String status = upper(call.query("status"), STATUSES, "status");
        String search =
                call.query("search") == null ? null : call.query("search").toLowerCase(Locale.ROOT);
        Predicate<Task> p = t -> namespace == null || namespace.equalsIgnoreCase(t.array().namespace);
        return p.and(t -> createdBy == null || createdBy.equals(t.event().username()))
                // the spec's "name/uri of array": its name, id, storage URI or tiledb://namespace/name
                .and(t -> array == null
                        || array.equals(t.array().name)
                        || array.equals(t.array().id)
                        || array.equals(t.array().uri)
                        || array.equals(t.array().tiledbUri()))
                .and(t -> start == null || t.start().getEpochSecond() >= start)
                .and(t -> end == null || t.start().getEpochSecond() <= end)
                .and(t -> type == null || type.equals("QUERY"))
                .and(t -> !excludeTypes.contains("QUERY"))
                .and(t -> fileTypes.isEmpty() || t.array().fileType != null && fileTypes.contains(t.array().fileType))
                .and(t -> t.array().fileType == null || !excludeFileTypes.contains(t.array().fileType))
                .and(t -> status == null || status.equals("COMPLETED"))
                .and(t -> search == null
                        || contains(t.array().name, search)
                        || contains(t.array().namespace, search)
                        || contains(t.array().description, search));
    }

    /** {@code start_time} (default) newest first, or {@code name}: the array's namespace and name. */
    private static Comparator<Task> order(String orderBy) {
        Comparator<Task> newestFirst = Comparator.comparing(Task::start)
                .reversed()
                .thenComparing(t -> t.event().id());
        if (orderBy == null || orderBy.isBlank() || orderBy.equals("start_time")) {
            return newestFirst;
        }
        if (orderBy.equals("name")) {
            return Comparator.comparing((Task t) -> t.array().namespace)
                    .thenComparing(t -> t.array().name)
                    .thenComparing(newestFirst);
        }
        throw ApiFailure.badRequest("orderby must be start_time or name, was '" + orderBy + "'");
    }

    /** An {@code ArrayTask}: a completed query that took no time and cost nothing, with its activity event. */
    private TaskAnswers.ArrayTask render(Task t, User user) {
        return new TaskAnswers.ArrayTask(
                t.event().id(),
                t.event().action() + " " + t.array().namespace + "/" + t.array().name,
                t.event().username(),
                arrays.info(t.array(), user, false),
                t.array().namespace,
                "COMPLETED",
                t.start().toString(),
                t.start().toString(),
                0.0,
                0.0,
                0.0,
                t.event().action().equals("query_write") ? "WRITE" : "READ",
                "QUERY",
                List.of(ArrayRoutes.event(t.event())),
                "",
                0);
    }

    private static Long seconds(HttpCall call, String name) {
        Long value = call.queryLong(name);
        if (value != null && value < 0) {
            throw ApiFailure.badRequest(name + " must be Unix seconds, was " + value);
        }
        return value;
    }

    private static String upper(String value, List<String> allowed, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String v = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ApiFailure.badRequest(name + " must be one of " + allowed + ", was '" + value + "'");
        }
        return v;
    }

    private static boolean contains(String field, String lowerNeedle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
