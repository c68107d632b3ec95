package dev.cameltiledb.emulator.classic;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.ActivityEvent;

/**
 * What the v1 and v2 array activity endpoints both ask of a log: the window {@code [start, end]} (epoch seconds, both
 * inclusive; by default the seven days up to now), event types, a task id and whether events need one. They differ
 * only in paging and envelope, so they share this. v1 sends {@code event_types} as one comma list, v2 repeats the
 * parameter; both forms, and a mix, are accepted on both.
 */
record ActivityQuery(Long start, Long end, List<String> eventTypes, String taskId, boolean hasTaskId) {

    private static final long DEFAULT_WINDOW_SECONDS = 7 * 24 * 3600;

    static ActivityQuery of(HttpCall call) {
        List<String> types = call.queryAll("event_types").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(type -> !type.isEmpty())
                .toList();
        return new ActivityQuery(
                call.queryLong("start"),
                call.queryLong("end"),
                types,
                call.query("task_id"),
                Boolean.TRUE.equals(call.queryBoolean("has_task_id")));
    }

    /** The matching events, oldest first; events of the same instant stay in the order they were logged. */
    List<ActivityEvent> select(List<ActivityEvent> log, Instant now) {
        long to = end != null ? end : now.getEpochSecond();
        long from = start != null ? start : to - DEFAULT_WINDOW_SECONDS;
        return log.stream()
                .filter(e -> e.eventAt().getEpochSecond() >= from && e.eventAt().getEpochSecond() <= to)
                .filter(e -> eventTypes.isEmpty() || eventTypes.contains(e.action()))
                .filter(e -> taskId == null || taskId.equals(e.arrayTaskId()))
                .filter(e -> !hasTaskId || e.arrayTaskId() != null)
                // a stream's sort is stable, which keeps same-instant events in log order
                .sorted(Comparator.comparing(ActivityEvent::eventAt))
                .toList();
    }
}
