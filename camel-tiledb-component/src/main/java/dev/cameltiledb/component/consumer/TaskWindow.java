package dev.cameltiledb.component.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.camel.KnownState;

/**
 * What the tasks consumer keeps between polls: the start of its window (epoch seconds; the listing asks for the tasks
 * started at or after it) and, for each task started inside the window, whether it was delivered (or left out by the
 * status filter) or still runs. The window moves on only past tasks that need nothing more; what it leaves behind is
 * forgotten, so the state stays as small as the window. Kept in the state repository as one JSON object, {@code
 * {"from": 1767225600, "tasks": {"<id>": ["<start>", "done"], ...}}}, the task marks in {@link KnownState}'s form.
 */
final class TaskWindow {

    static final String DONE = "done";
    static final String RUNNING = "running";

    /** One task of the window: when it started (epoch seconds) and {@link #DONE} or {@link #RUNNING}. */
    record Mark(long start, String state) {
        boolean done() {
            return DONE.equals(state);
        }
    }

    private static final KnownState.Codec<Mark> CODEC = new KnownState.Codec<>() {
        @Override
        public List<String> fields(Mark mark) {
            return List.of(Long.toString(mark.start()), mark.state());
        }

        @Override
        public Mark known(List<String> fields) {
            return new Mark(Long.parseLong(fields.get(0)), fields.get(1));
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private long from;
    private KnownState<Mark> tasks;
    private boolean moved;

    private TaskWindow(long from, KnownState<Mark> tasks) {
        this.from = from;
        this.tasks = tasks;
    }

    /** A new window starting at {@code from}, with nothing in it yet. */
    static TaskWindow startingAt(long from) {
        TaskWindow window = new TaskWindow(from, new KnownState<>(CODEC));
        window.moved = true; // written at the first save, so a restart keeps the start
        return window;
    }

    /** The window saved under {@code key}; a value it cannot read fails, naming the key to remove. */
    static TaskWindow parse(String key, String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            if (!node.path("from").canConvertToLong() || !node.path("tasks").isObject()) {
                throw new IllegalArgumentException("it has no from and tasks");
            }
            KnownState<Mark> marks = KnownState.parse(key, node.get("tasks").toString(), CODEC);
            return new TaskWindow(node.get("from").asLong(), marks);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The tasks consumer's state under the state key '" + key + "' cannot be read (" + e.getMessage()
                            + "); remove that entry from the stateRepository to start again from startFrom",
                    e);
        }
    }

    String format() {
        ObjectNode node = JSON.createObjectNode();
        node.put("from", from);
        try {
            node.set("tasks", JSON.readTree(tasks.format()));
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The tasks consumer's state could not be written", e);
        }
    }

    /** The start of the window: the listing asks for the tasks started at or after it. */
    long from() {
        return from;
    }

    /** Whether the task was delivered already, or left out for good. */
    boolean isDone(String id) {
        Mark mark = tasks.get(id);
        return mark != null && mark.done();
    }

    void done(String id, long start) {
        tasks.put(id, new Mark(start, DONE));
    }

    void running(String id, long start) {
        tasks.put(id, new Mark(start, RUNNING));
    }

    /** The start of the oldest task known to run still, or {@code Long.MAX_VALUE}. */
    long oldestRunning() {
        return tasks.all().values().stream()
                .filter(m -> !m.done())
                .mapToLong(Mark::start)
                .min()
                .orElse(Long.MAX_VALUE);
    }

    /** Forgets the running tasks a complete listing of the window no longer shows: they will not finish in it. */
    void keepRunningOnly(Set<String> listed) {
        tasks.all().entrySet().stream()
                .filter(e -> !e.getValue().done() && !listed.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toList()
                .forEach(tasks::remove);
    }

    /** Moves the start to {@code to} when that is later, and forgets the tasks started before it. */
    void advanceTo(long to) {
        if (to <= from) {
            return;
        }
        from = to;
        moved = true;
        KnownState<Mark> kept = new KnownState<>(CODEC);
        tasks.all().forEach((id, mark) -> {
            if (mark.start() >= to) {
                kept.put(id, mark);
            }
        });
        tasks = kept;
    }

    /** Whether anything changed since {@link #written()}. */
    boolean isDirty() {
        return moved || tasks.isDirty();
    }

    void written() {
        moved = false;
        tasks.written();
    }

    /** How many tasks the window holds, for tests of its size. */
    int size() {
        return tasks.all().size();
    }

    Map<String, Mark> marks() {
        return new LinkedHashMap<>(tasks.all());
    }
}
