package dev.cameltiledb.emulator.data.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.cameltiledb.emulator.data.ResultFormat;
import dev.cameltiledb.emulator.data.StreamedAnswer;
import dev.cameltiledb.emulator.data.TeeOutputStream;
import dev.cameltiledb.emulator.data.task.ResultStore;
import dev.cameltiledb.emulator.data.task.TaskStatus;
import dev.cameltiledb.emulator.data.task.TaskStore;

/**
 * An SQL statement that has run and has a result to read: the rows are read from the open result set while they are
 * encoded, and go at once to the client, to the task's stored result, and to the output array, whichever the call
 * asked for. The task completes when the last row is through, and fails if anything breaks on the way (a client gone,
 * a value the database cannot compute).
 */
final class SqlRun implements StreamedAnswer {

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final String taskId;
    private final TaskStore tasks;
    private final ResultFormat format;
    private final boolean store;
    private final OutputArray output;
    private final int arrowBatchRows;
    private final int status;
    private boolean written;
    private boolean closed;

    SqlRun(
            Connection connection,
            Statement statement,
            ResultSet rows,
            String taskId,
            TaskStore tasks,
            ResultFormat format,
            boolean store,
            OutputArray output,
            int arrowBatchRows,
            int status) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.taskId = taskId;
        this.tasks = tasks;
        this.format = format;
        this.store = store;
        this.output = output;
        this.arrowBatchRows = arrowBatchRows;
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String contentType() {
        return format.mimeType();
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public void writeTo(OutputStream client) throws IOException {
        if (written) {
            throw new IllegalStateException("the result of task " + taskId + " was written already");
        }
        written = true;
        try (ResultStore.Writer kept = store ? tasks.resultWriter(taskId) : null) {
            OutputStream target = kept == null ? client : new TeeOutputStream(client, kept);
            ResultEncoder encoder = format == ResultFormat.ARROW
                    ? new ArrowStreamEncoder(target, arrowBatchRows)
                    : new JsonRowsEncoder(target);
            encoder.begin(rows);
            while (rows.next()) {
                encoder.row(rows);
                if (output != null) {
                    output.add(rows);
                }
            }
            encoder.end();
            if (output != null) {
                output.commit();
            }
            if (kept != null) {
                kept.commit();
            }
            tasks.complete(taskId, "", store);
        } catch (SQLException e) {
            String message = SqlErrors.of("query", e).getMessage();
            tasks.fail(taskId, TaskStatus.FAILED, message, "");
            throw new IOException(message, e);
        } catch (IOException | RuntimeException e) {
            tasks.fail(taskId, TaskStatus.FAILED, "the result could not be delivered: " + e.getMessage(), "");
            throw e;
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!written) {
            written = true;
            tasks.fail(taskId, TaskStatus.FAILED, "the result was never read", "");
        }
        if (output != null) {
            output.close();
        }
        try {
            rows.close();
            statement.close();
            connection.close();
        } catch (SQLException e) {
            // a reading session: nothing to keep
        }
    }
}
