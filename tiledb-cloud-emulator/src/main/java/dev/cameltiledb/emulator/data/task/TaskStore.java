package dev.cameltiledb.emulator.data.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.ResultFormat;
import dev.cameltiledb.emulator.data.StreamedAnswer;
import dev.cameltiledb.emulator.data.store.Documents;

/**
 * Every task the data plane ran (SQL, UDFs, JSON queries, graph nodes): started {@code RUNNING}, then completed or
 * failed with logs, times and duration, its result kept in the {@link ResultStore} when the call asked for it. Kept
 * with the engine's records, so a restart from a data directory lists them again.
 */
public final class TaskStore {

    private static final String KIND = "task";

    private final Documents documents;
    private final ResultStore results;
    private final Clock clock;
    private final Map<String, TaskRecord> tasks = new ConcurrentHashMap<>();

    public TaskStore(Documents documents, ResultStore results, Clock clock) {
        this.documents = documents;
        this.results = results;
        this.clock = clock;
        tasks.putAll(documents.loadAll(KIND, TaskRecord.class));
    }

    /** Records a task as running, now. */
    public ArrayTask start(TaskStart s) {
        String id = UUID.randomUUID().toString();
        ArrayTask task = new ArrayTask(
                id,
                s.name(),
                s.username(),
                null,
                null,
                s.namespace(),
                TaskStatus.RUNNING.name(),
                null,
                clock.instant().toString(),
                null,
                0.0,
                0.0,
                0.0,
                s.queryType(),
                s.udfCode(),
                s.udfLanguage(),
                s.sqlQuery(),
                s.type().name(),
                "",
                null,
                s.sqlInitCommands(),
                s.sqlParameters(),
                s.resultFormat() == null ? null : s.resultFormat().wire(),
                s.taskGraphUuid(),
                s.clientNodeUuid());
        save(new TaskRecord(task, s.arrays(), false));
        return task;
    }

    /** Marks a running task completed, with its logs; {@code resultStored} when its result was kept. */
    public ArrayTask complete(String id, String logs, boolean resultStored) {
        return finish(id, TaskStatus.COMPLETED, null, logs, resultStored);
    }

    /** Marks a running task failed (or cancelled) with why, and its logs. */
    public ArrayTask fail(String id, TaskStatus status, String message, String logs) {
        return finish(id, status, message, logs, false);
    }

    private synchronized ArrayTask finish(String id, TaskStatus status, String message, String logs, boolean stored) {
        TaskRecord r = tasks.get(id);
        if (r == null) {
            throw new IllegalStateException("no task " + id);
        }
        if (r.task().taskStatus().terminal()) {
            return r.task();
        }
        Instant end = clock.instant();
        long nanos = Math.max(
                0, Duration.between(Instant.parse(r.task().startTime()), end).toNanos());
        ArrayTask done = r.task().finished(status, message, end.toString(), nanos, logs == null ? "" : logs);
        save(new TaskRecord(done, r.arrays(), stored));
        return done;
    }

    private void save(TaskRecord r) {
        tasks.put(r.task().id(), r);
        documents.put(KIND, r.task().id(), r);
    }

    public Optional<TaskRecord> get(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** The tasks the query selects, in its order (the route pages them and decides what the caller may see). */
    public List<TaskRecord> list(TaskQuery query) {
        List<TaskRecord> all = new ArrayList<>();
        for (TaskRecord r : tasks.values()) {
            if (query.matches(r.task(), r.arrays())) {
                all.add(r);
            }
        }
        all.sort((a, b) -> query.order().compare(a.task(), b.task()));
        return all;
    }

    /** Where to write a task's result. */
    public ResultStore.Writer resultWriter(String taskId) {
        return results.open(taskId);
    }

    /** A kept result's bytes. */
    public Optional<Path> resultFile(String taskId) {
        return results.find(taskId);
    }

    /**
     * The answer of {@code GET /v1/task/{id}/result}: the kept result with its format's MIME type; 202 without a body
     * while the task runs; a 404 when there is no such task, it failed, or its result was not kept.
     */
    public StreamedAnswer result(String id) {
        TaskRecord r = get(id).orElseThrow(() -> EngineException.notFound("task " + id + " does not exist"));
        TaskStatus status = r.task().taskStatus();
        if (!status.terminal()) {
            return new FileAnswer(202, "application/json", id, null);
        }
        if (status != TaskStatus.COMPLETED) {
            throw EngineException.notFound("task " + id + " " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + " and has no result: " + r.task().statusMessage());
        }
        Path file = r.resultStored() ? results.find(id).orElse(null) : null;
        if (file == null) {
            throw EngineException.notFound(
                    "the results of task " + id + " were not saved (a call keeps them with store_results=true)");
        }
        ResultFormat format = ResultFormat.parse(r.task().resultFormat(), ResultFormat.JSON, "result_format");
        return new FileAnswer(200, format.mimeType(), id, file);
    }

    /** A stored file as an answer. */
    private record FileAnswer(int status, String contentType, String taskId, Path file) implements StreamedAnswer {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (file != null) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
            }
        }

        @Override
        public void close() {}
    }

    /** Reads a kept result whole (graph nodes pass small results to the nodes after them). */
    public byte[] resultBytes(String taskId) {
        Path file = results.find(taskId)
                .orElseThrow(() -> EngineException.notFound("task " + taskId + " has no stored result"));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
