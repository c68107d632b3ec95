package dev.cameltiledb.emulator.data;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.data.cells.CellStore;
import dev.cameltiledb.emulator.data.graph.TaskGraphService;
import dev.cameltiledb.emulator.data.protocol.QueryProtocol;
import dev.cameltiledb.emulator.data.query.QueryService;
import dev.cameltiledb.emulator.data.sql.SqlService;
import dev.cameltiledb.emulator.data.store.Database;
import dev.cameltiledb.emulator.data.store.Documents;
import dev.cameltiledb.emulator.data.task.ResultStore;
import dev.cameltiledb.emulator.data.task.TaskStore;
import dev.cameltiledb.emulator.data.udf.UdfRegistry;
import dev.cameltiledb.emulator.data.udf.UdfService;

/**
 * The emulator's data plane: arrays' cells, SQL over them, UDFs run by a local {@code python3}, JSON queries, task
 * graphs, and the tasks all of them leave. Routes are thin adapters over its services: each takes a {@link Caller}
 * and the request's model and answers a {@link StreamedAnswer} or a model, or throws an {@link EngineException} with
 * the status and message of the spec's {@code Error} ({@link EngineException#body}).
 *
 * <pre>{@code
 * DataEngine engine = DataEngine.builder(catalog).dataDirectory(dir).build();
 * try (StreamedAnswer answer = engine.sql().run(caller, "acme", body)) {
 *     exchange.setStatusCode(answer.status());   // and the X-TILEDB-CLOUD-TASK-ID header: answer.taskId()
 *     answer.writeTo(exchange.getOutputStream());
 * }
 * }</pre>
 */
public final class DataEngine implements AutoCloseable {

    private final Database database;
    private final ResultStore results;
    private final CellStore cells;
    private final TaskStore tasks;
    private final SqlService sql;
    private final UdfRegistry udfRegistry;
    private final UdfService udfs;
    private final QueryService queries;
    private final TaskGraphService graphs;
    private final QueryProtocol protocol;

    private DataEngine(Builder b) {
        Path home = b.dataDirectory == null ? null : b.dataDirectory.resolve("data-plane");
        this.database = home == null ? Database.inMemory() : Database.inDirectory(home);
        this.results = home == null ? ResultStore.temporary() : ResultStore.inDirectory(home.resolve("results"));
        ObjectMapper mapper = new ObjectMapper();
        Documents documents = new Documents(database, mapper);
        this.cells = new CellStore(database, b.catalog, b.clock);
        this.tasks = new TaskStore(documents, results, b.clock);
        this.sql = new SqlService(database, cells, b.catalog, tasks, b.arrowBatchRows);
        this.udfRegistry = new UdfRegistry(documents, b.clock);
        this.udfs = new UdfService(cells, udfRegistry, tasks, b.pythonExecutable, b.maxLogBytes, b.maxUdfTimeout);
        this.queries = new QueryService(cells, tasks);
        this.graphs = new TaskGraphService(documents, sql, udfs, tasks, b.clock, b.graphThreads);
        this.protocol = new QueryProtocol(cells);
    }

    public static Builder builder(ArrayCatalog catalog) {
        return new Builder(catalog);
    }

    /** Arrays' cells: write, seed, read, fragments. */
    public CellStore cells() {
        return cells;
    }

    /** {@code POST /v1/sql/{namespace}}. */
    public SqlService sql() {
        return sql;
    }

    /** {@code POST /v1/udfs/generic/{namespace}}, {@code /v1/udfs/arrays/{namespace}}, {@code .../udf/submit}. */
    public UdfService udfs() {
        return udfs;
    }

    /** Registered UDFs: {@code /v1/udf/{namespace}/{name}} and its share, copy, versions; favorites. */
    public UdfRegistry udfRegistry() {
        return udfRegistry;
    }

    /** {@code POST /v1/arrays/{namespace}/{array}/query/submit_query_json}. */
    public QueryService queries() {
        return queries;
    }

    /** TileDB's REST query protocol: {@code POST /v2/arrays/{namespace}/{array}/query/submit} (Cap'n Proto). */
    public QueryProtocol protocol() {
        return protocol;
    }

    /** Task graphs and their executions: {@code /v1/taskgraphs/{namespace}/graphs}, {@code .../executions}. */
    public TaskGraphService graphs() {
        return graphs;
    }

    /** {@code GET /v1/tasks}, {@code /v1/task/{id}}, {@code /v1/task/{id}/result}. */
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public void close() {
        graphs.close();
        database.close();
        results.close();
    }

    /** How the engine is set up; only the catalog is required. */
    public static final class Builder {
        private final ArrayCatalog catalog;
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private String pythonExecutable = "python3";
        private int graphThreads = 4;
        private Duration maxUdfTimeout = Duration.ofSeconds(900);
        private int maxLogBytes = 1 << 20;
        private int arrowBatchRows = 4096;

        private Builder(ArrayCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
        }

        /** Keeps cells, tasks, results and registered UDFs and graphs under {@code dir/data-plane}; none: in memory. */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return this;
        }

        /** Timestamps of fragments and tasks. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The Python 3 that runs UDFs: a command on the PATH or a path (default {@code python3}). */
        public Builder pythonExecutable(String value) {
            this.pythonExecutable = Objects.requireNonNull(value, "pythonExecutable");
            return this;
        }

        /** How many task graph nodes run at once, over all graphs (default 4). */
        public Builder graphThreads(int value) {
            this.graphThreads = positive(value, "graphThreads");
            return this;
        }

        /** The longest a UDF may run, whatever its {@code timeout} asks (default 900 s, the service's default). */
        public Builder maxUdfTimeout(Duration value) {
            this.maxUdfTimeout = Objects.requireNonNull(value, "maxUdfTimeout");
            return this;
        }

        /** The most of a UDF's output kept as its task's logs (default 1 MiB; the end is kept, where errors are). */
        public Builder maxLogBytes(int value) {
            this.maxLogBytes = positive(value, "maxLogBytes");
            return this;
        }

        /** Rows per record batch of an Arrow result (default 4096). */
        public Builder arrowBatchRows(int value) {
            this.arrowBatchRows = positive(value, "arrowBatchRows");
            return this;
        }

        public DataEngine build() {
            return new DataEngine(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
