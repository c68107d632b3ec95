package dev.cameltiledb.emulator.data.query;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.ResultFormat;
import dev.cameltiledb.emulator.data.StreamedAnswer;
import dev.cameltiledb.emulator.data.TeeOutputStream;
import dev.cameltiledb.emulator.data.cells.CellField;
import dev.cameltiledb.emulator.data.cells.CellQuery;
import dev.cameltiledb.emulator.data.cells.CellSchema;
import dev.cameltiledb.emulator.data.cells.CellSnapshot;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.task.ArrayTask;
import dev.cameltiledb.emulator.data.task.ResultStore;
import dev.cameltiledb.emulator.data.task.TaskStart;
import dev.cameltiledb.emulator.data.task.TaskStatus;
import dev.cameltiledb.emulator.data.task.TaskStore;

/**
 * {@code POST /v1/arrays/{namespace}/{array}/query/submit_query_json}: the cells in the ranges, the fields asked for,
 * in the layout asked for, as one JSON object of columns ({@code {"field": [values...]}}). The request is checked
 * (array readable, fields known, ranges valid) before the answer starts; the columns stream as they are written and
 * are kept as the task's result.
 */
public final class QueryService {

    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    private final CellStore cells;
    private final TaskStore tasks;

    public QueryService(CellStore cells, TaskStore tasks) {
        this.cells = cells;
        this.tasks = tasks;
    }

    public StreamedAnswer run(Caller caller, String namespace, String array, QueryJson request) {
        ArrayEntry entry = cells.readable(caller, namespace, array);
        CellSchema schema = cells.schema(entry);
        QueryRanges ranges =
                request == null || request.queryRanges() == null ? new QueryRanges(null, null) : request.queryRanges();
        CellQuery query = ranges.toQuery(request == null ? null : request.fields(), null, null);
        for (String field : query.fields()) {
            if (schema.fields().stream().map(CellField::name).noneMatch(field::equals)) {
                throw EngineException.badRequest(
                        "fields names " + field + ", which " + entry.uri() + " does not have; it has "
                                + schema.fields().stream().map(CellField::name).toList());
            }
        }
        ArrayTask task = tasks.start(TaskStart.query(caller.username(), namespace, entry.uri()));
        CellSnapshot snapshot = cells.snapshot();
        try {
            // opening a cursor checks the ranges against the domain before anything is answered
            snapshot.open(entry, query).close();
        } catch (EngineException e) {
            snapshot.close();
            tasks.fail(task.id(), TaskStatus.FAILED, e.getMessage(), "");
            throw e.withTask(task.id());
        } catch (RuntimeException e) {
            snapshot.close();
            tasks.fail(task.id(), TaskStatus.FAILED, String.valueOf(e.getMessage()), "");
            throw e;
        }
        return new Columns(task.id(), snapshot, entry, schema, query);
    }

    /** The columns of one read, written from one snapshot. */
    private final class Columns implements StreamedAnswer {
        private final String taskId;
        private final CellSnapshot snapshot;
        private final ArrayEntry array;
        private final CellSchema schema;
        private final CellQuery query;
        private boolean written;

        Columns(String taskId, CellSnapshot snapshot, ArrayEntry array, CellSchema schema, CellQuery query) {
            this.taskId = taskId;
            this.snapshot = snapshot;
            this.array = array;
            this.schema = schema;
            this.query = query;
        }

        @Override
        public int status() {
            return 200;
        }

        @Override
        public String contentType() {
            return ResultFormat.JSON.mimeType();
        }

        @Override
        public String taskId() {
            return taskId;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (written) {
                throw new IllegalStateException("the result of task " + taskId + " was written already");
            }
            written = true;
            try (ResultStore.Writer kept = tasks.resultWriter(taskId)) {
                try (JsonGenerator json = FACTORY.createGenerator(new TeeOutputStream(out, kept), JsonEncoding.UTF8)) {
                    ColumnsWriter.write(json, snapshot, array, schema, query);
                }
                kept.commit();
                tasks.complete(taskId, "", true);
            } catch (IOException | RuntimeException e) {
                tasks.fail(taskId, TaskStatus.FAILED, "the result could not be delivered: " + e.getMessage(), "");
                throw e;
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (!written) {
                written = true;
                tasks.fail(taskId, TaskStatus.FAILED, "the result was never read", "");
            }
            snapshot.close();
        }
    }
}
