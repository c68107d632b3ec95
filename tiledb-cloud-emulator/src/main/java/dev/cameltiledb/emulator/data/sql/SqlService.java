package dev.cameltiledb.emulator.data.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.ArrayCatalog;
import dev.cameltiledb.emulator.data.Caller;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.ResultFormat;
import dev.cameltiledb.emulator.data.StreamedAnswer;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.store.Database;
import dev.cameltiledb.emulator.data.task.ArrayTask;
import dev.cameltiledb.emulator.data.task.TaskStart;
import dev.cameltiledb.emulator.data.task.TaskStatus;
import dev.cameltiledb.emulator.data.task.TaskStore;

/**
 * {@code POST /v1/sql/{namespace}}: runs a statement over the arrays' cells, in the engine's database as a user who
 * may only read them. Arrays are named as TileDB names them, {@code `tiledb://namespace/array`}; each must exist and
 * be readable by the caller, else a 404 naming it. Every call leaves a task; the answer streams.
 */
public final class SqlService {

    /** A backquoted array name. */
    private static final Pattern ARRAY = Pattern.compile("`(tiledb://[^`]+)`");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Database database;
    private final CellStore cells;
    private final ArrayCatalog catalog;
    private final TaskStore tasks;
    private final int arrowBatchRows;

    public SqlService(Database database, CellStore cells, ArrayCatalog catalog, TaskStore tasks, int arrowBatchRows) {
        this.database = database;
        this.cells = cells;
        this.catalog = catalog;
        this.tasks = tasks;
        this.arrowBatchRows = arrowBatchRows;
    }

    /**
     * Runs the statement and answers: 200 with the result, streamed as it is written; 204 when the statement has no
     * result or {@code dont_download_results} is set (then the result is stored or written to its array before this
     * returns). Bad SQL, an unknown array or a format the emulator does not produce fails with an
     * {@link EngineException}, naming the task when one was started.
     */
    public StreamedAnswer run(Caller caller, String namespace, SqlParameters request) {
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw EngineException.badRequest("query must be a non-empty SQL statement");
        }
        if (!caller.namespaces().contains(namespace)) {
            throw EngineException.forbidden(caller.username() + " may not run SQL in the namespace " + namespace);
        }
        ResultFormat format = ResultFormat.parse(request.resultFormat(), ResultFormat.JSON, "result_format");
        if (format != ResultFormat.JSON && format != ResultFormat.ARROW) {
            throw EngineException.badRequest(
                    "result_format " + format.wire() + " is not produced for SQL by the emulator; use json or arrow");
        }
        Set<String> named = arraysIn(request);
        List<String> arrays = new ArrayList<>(named);
        if (request.outputUri() != null && !request.outputUri().isBlank()) {
            arrays.add(request.outputUri());
        }
        ArrayTask task = tasks.start(TaskStart.sql(
                        request.name(),
                        caller.username(),
                        namespace,
                        arrays,
                        request.query(),
                        request.initCommands(),
                        request.parameters(),
                        format)
                .inGraph(request.taskGraphUuid(), request.clientNodeUuid()));
        try {
            for (String uri : named) {
                cells.prepare(cells.readableUri(caller, uri, "the array " + uri + " in the query"));
            }
            return execute(caller, request, format, task);
        } catch (EngineException e) {
            tasks.fail(task.id(), TaskStatus.FAILED, e.getMessage(), "");
            throw e.withTask(task.id());
        } catch (RuntimeException e) {
            tasks.fail(task.id(), TaskStatus.FAILED, String.valueOf(e.getMessage()), "");
            throw e;
        }
    }

    /** The arrays the statement and its init commands name. */
    private static Set<String> arraysIn(SqlParameters request) {
        Set<String> uris = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        texts.add(request.query());
        if (request.initCommands() != null) {
            texts.addAll(request.initCommands());
        }
        for (String text : texts) {
            Matcher m = ARRAY.matcher(text == null ? "" : text);
            while (m.find()) {
                uris.add(m.group(1));
            }
        }
        return uris;
    }

    private StreamedAnswer execute(Caller caller, SqlParameters request, ResultFormat format, ArrayTask task) {
        Connection connection = null;
        try {
            connection = database.reader();
            List<String> init = request.initCommands() == null ? List.of() : request.initCommands();
            for (int i = 0; i < init.size(); i++) {
                try (Statement s = connection.createStatement()) {
                    s.execute(init.get(i));
                } catch (SQLException e) {
                    throw SqlErrors.of("init_commands[" + i + "]", e);
                }
            }
            PreparedStatement statement;
            boolean hasRows;
            try {
                statement = connection.prepareStatement(request.query());
                bind(statement, request.parameters());
                hasRows = statement.execute();
            } catch (SQLException e) {
                throw SqlErrors.of("query", e);
            }
            boolean download = !Boolean.TRUE.equals(request.dontDownloadResults());
            boolean store = Boolean.TRUE.equals(request.storeResults());
            if (!hasRows) {
                statement.close();
                connection.close();
                tasks.complete(task.id(), "", false);
                return new NoBody(task.id(), format);
            }
            ResultSet rows = statement.getResultSet();
            OutputArray output = null;
            if (request.outputUri() != null && !request.outputUri().isBlank()) {
                try {
                    output = OutputArray.open(request.outputUri(), rows.getMetaData(), caller, catalog, cells);
                } catch (SQLException e) {
                    throw SqlErrors.of("query", e);
                }
            }
            SqlRun run = new SqlRun(
                    connection,
                    statement,
                    rows,
                    task.id(),
                    tasks,
                    format,
                    store,
                    output,
                    arrowBatchRows,
                    download ? 200 : 204);
            connection = null;
            if (download) {
                return run;
            }
            try {
                run.writeTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw EngineException.badRequest(e.getMessage());
            }
            return new NoBody(task.id(), format);
        } catch (SQLException e) {
            throw new IllegalStateException("the emulator's SQL engine failed: " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // a reading session: nothing to keep
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        List<Object> values = parameters == null ? List.of() : parameters;
        int expected = statement.getParameterMetaData().getParameterCount();
        if (expected != values.size()) {
            throw EngineException.badRequest("the query has " + expected + " ? placeholder" + (expected == 1 ? "" : "s")
                    + " and parameters gives " + values.size() + " value" + (values.size() == 1 ? "" : "s"));
        }
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Map || v instanceof List) {
                try {
                    v = MAPPER.writeValueAsString(v);
                } catch (JsonProcessingException e) {
                    throw EngineException.badRequest("parameters[" + i + "] is not JSON");
                }
            }
            statement.setObject(i + 1, v);
        }
    }

    /** An answer without a body: the task is done, its result (if kept) stored. */
    private record NoBody(String taskId, ResultFormat format) implements StreamedAnswer {
        @Override
        public int status() {
            return 204;
        }

        @Override
        public String contentType() {
            return format.mimeType();
        }

        @Override
        public void writeTo(OutputStream out) {}

        @Override
        public void close() {}
    }
}
