package dev.cameltiledb.emulator.data.task;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.cameltiledb.emulator.data.EngineException;

/**
 * The filters and order of {@code GET /v1/tasks} (the spec's query parameters; {@code start} and {@code end} in Unix
 * seconds, on the task's start time; {@code exclude_type} comma-separated). One query object serves every kind of
 * task, so a route can list the engine's tasks and its own (array reads and writes) through the same filter and
 * order: {@link #matches} takes a task and the names of the arrays it touched. {@code file_type} and
 * {@code exclude_file_type} are about the arrays' catalog entries and stay with the route.
 */
public record TaskQuery(
        String namespace,
        String createdBy,
        String array,
        Long start,
        Long end,
        String type,
        List<String> excludeTypes,
        String status,
        String search,
        String orderBy) {

    private static final List<String> TYPES =
            Arrays.stream(TaskType.values()).map(Enum::name).toList();
    private static final List<String> STATUSES = List.of(
            "QUEUED", "FAILED", "COMPLETED", "RUNNING", "RESOURCES_UNAVAILABLE", "UNKNOWN", "CANCELLED", "DENIED");

    public TaskQuery {
        excludeTypes = excludeTypes == null ? List.of() : List.copyOf(excludeTypes);
    }

    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads the query parameters (each name with its values); a 400 naming the parameter when one is invalid. */
    public static TaskQuery from(Map<String, List<String>> parameters) {
        List<String> excluded = parameters.getOrDefault("exclude_type", List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(t -> upper(t.strip(), TYPES, "exclude_type"))
                .filter(Objects::nonNull)
                .toList();
        String orderBy = one(parameters, "orderby");
        if (orderBy != null && !orderBy.isBlank() && !orderBy.equals("start_time") && !orderBy.equals("name")) {
            throw EngineException.badRequest("orderby must be start_time or name, was '" + orderBy + "'");
        }
        return new TaskQuery(
                one(parameters, "namespace"),
                one(parameters, "created_by"),
                one(parameters, "array"),
                seconds(parameters, "start"),
                seconds(parameters, "end"),
                upper(one(parameters, "type"), TYPES, "type"),
                excluded,
                upper(one(parameters, "status"), STATUSES, "status"),
                one(parameters, "search"),
                orderBy);
    }

    /** Whether the task passes every filter; {@code arrays}: the names, ids or URIs of the arrays it touched. */
    public boolean matches(ArrayTask t, Collection<String> arrays) {
        long started = t.startTime() == null ? 0 : Instant.parse(t.startTime()).getEpochSecond();
        return (namespace == null || namespace.equalsIgnoreCase(t.namespace()))
                && (createdBy == null || createdBy.equals(t.username()))
                && (array == null || arrays.stream().anyMatch(a -> names(a, array)))
                && (start == null || started >= start)
                && (end == null || started <= end)
                && (type == null || type.equals(t.type()))
                && !excludeTypes.contains(t.type())
                && (status == null || status.equals(t.status()))
                && (search == null
                        || contains(t.name(), search)
                        || contains(t.namespace(), search)
                        || contains(t.description(), search));
    }

    /** {@code tiledb://ns/name} answers to itself, {@code ns/name} and {@code name}. */
    private static boolean names(String uri, String wanted) {
        if (uri.equals(wanted)) {
            return true;
        }
        String path = uri.startsWith("tiledb://") ? uri.substring("tiledb://".length()) : uri;
        return path.equals(wanted) || path.substring(path.lastIndexOf('/') + 1).equals(wanted);
    }

    /** {@code start_time} (the default): newest first; {@code name}: by name, then newest first. */
    public Comparator<ArrayTask> order() {
        Comparator<ArrayTask> newestFirst = Comparator.comparing(
                        (ArrayTask t) -> t.startTime() == null ? Instant.EPOCH : Instant.parse(t.startTime()))
                .reversed()
                .thenComparing(ArrayTask::id);
        if ("name".equals(orderBy)) {
            return Comparator.comparing((ArrayTask t) -> t.name() == null ? "" : t.name())
                    .thenComparing(newestFirst);
        }
        return newestFirst;
    }

    private static String one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static Long seconds(Map<String, List<String>> parameters, String name) {
        String value = one(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            long v = Long.parseLong(value);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw EngineException.badRequest(name + " must be Unix seconds, was '" + value + "'");
        }
    }

    private static String upper(String value, List<String> allowed, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String v = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw EngineException.badRequest(name + " must be one of " + allowed + ", was '" + value + "'");
        }
        return v;
    }

    private static boolean contains(String field, String needle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
