package dev.cameltiledb.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cameltiledb.emulator.classic.ArrayRoutes;
import dev.cameltiledb.emulator.classic.AssetListRoutes;
import dev.cameltiledb.emulator.classic.DataPlaneRoutes;
import dev.cameltiledb.emulator.classic.FileEndpoints;
import dev.cameltiledb.emulator.classic.GroupRoutes;
import dev.cameltiledb.emulator.classic.NotebookRoutes;
import dev.cameltiledb.emulator.classic.NotebookServerRoutes;
import dev.cameltiledb.emulator.classic.TokenRoutes;
import dev.cameltiledb.emulator.classic.UserRoutes;
import dev.cameltiledb.emulator.common.BodySlots;
import dev.cameltiledb.emulator.common.Dispatcher;
import dev.cameltiledb.emulator.common.EmulatorServer;
import dev.cameltiledb.emulator.common.ExchangeRecorder;
import dev.cameltiledb.emulator.common.RecordsExchanges;
import dev.cameltiledb.emulator.common.RequestLog;
import dev.cameltiledb.emulator.common.Route;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.common.page.EmulatorPage;
import dev.cameltiledb.emulator.common.page.PageSettings;
import dev.cameltiledb.emulator.data.DataEngine;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.http.TileDBService;
import dev.cameltiledb.emulator.page.TileDBContract;
import dev.cameltiledb.emulator.page.TileDBPageViews;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.workspace.FileStore;
import dev.cameltiledb.emulator.workspace.WorkspacePlatform;
import io.undertow.server.HttpHandler;

/**
 * A local TileDB Cloud: the REST endpoints the camel-tiledb component uses, with real state. Start it embedded
 * ({@code TileDBEmulator.builder().user("alice", "alice-key").build().start()}, or with
 * {@link TileDBEmulatorExtension} in JUnit 5) or standalone ({@link EmulatorCommandLine}). Tests inspect what it
 * holds through the snapshot methods ({@link #array}, {@link #group}, {@link #recordedExchanges}) and inject faults
 * through {@link #faults()}; the routes ({@code ArrayRoutes}, {@code GroupRoutes}, ...) and {@link EmulatorState}
 * do the serving.
 *
 * <p>{@link Builder#workspaceServer()} makes it TileDB's workspace platform instead of classic TileDB Cloud: the
 * {@code /v4} API (capabilities, users, workspaces, teamspaces, assets, folders, files, credentials) and the v1/v2
 * routes with a {@code workspace/teamspace} namespace ({@code /v1/arrays/acme/research/sales}). Workspaces and
 * teamspaces come from {@link Builder#workspace}, {@link Builder#teamspace} or a seed's {@code workspaces}; the
 * module's {@code WORKSPACE.md} describes the mode and the choices made where the service is not documented.
 */
public final class TileDBEmulator implements AutoCloseable, RecordsExchanges<RecordedExchange> {

    private static final System.Logger LOG = System.getLogger(TileDBEmulator.class.getName());

    private final Builder config;
    private final ObjectMapper mapper;
    private final EmulatorState state;
    /** Notebook and file contents: under the data directory, or a temporary folder removed at stop. */
    private final Path files;

    private final Router<Handler> router;
    private final NotebookRoutes notebooks;
    private final RequestLog<RequestLine> requests = new RequestLog<>(false);
    private final ExchangeRecorder<RecordedExchange> recorder;
    private final FaultInjector faults = new FaultInjector();
    private final EmulatorInspector inspector;
    /** Bodies streaming in at once, uploads and JSON bodies alike: a slow sender holds a worker for as long as it takes. */
    private final BodySlots bodySlots;

    private EmulatorServer server;
    private int port;
    /** The data plane (cells, SQL, UDFs, tasks): open while the emulator runs, its files under the data directory. */
    private volatile DataEngine engine;

    private TileDBEmulator(Builder config) {
        this.config = config;
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
        this.state = new EmulatorState(config.dataDirectory, mapper, config.clock);
        this.recorder = new ExchangeRecorder<>(RecordedExchange::of, config.clock, config.record, config.page.window());
        this.files = filesDirectory(config.dataDirectory);
        // the workspace platform names a namespace by two segments, workspace/teamspace
        this.router = new Router<>(NAMESPACE, config.workspaceServer ? 2 : 1);
        ArrayRoutes arrayRoutes = new ArrayRoutes(state, mapper, this::engine);
        arrayRoutes.register(router);
        new GroupRoutes(state, arrayRoutes).register(router);
        new UserRoutes(state).register(router);
        notebooks = new NotebookRoutes(state, mapper, files);
        notebooks.register(router);
        new NotebookServerRoutes(state).register(router);
        new FileEndpoints(state, mapper, notebooks).register(router);
        new TokenRoutes(state).register(router);
        new DataPlaneRoutes(state, arrayRoutes, this::engine).register(router);
        FileStore teamspaceFiles = new FileStore(files);
        if (config.workspaceServer) {
            new WorkspacePlatform(state, mapper, teamspaceFiles).register(router);
        } else {
            // the workspace platform lists assets under /v4/assets; these are the classic service's listings
            new AssetListRoutes(state).register(router);
        }
        inspector = new EmulatorInspector(
                state, notebooks, new SeedLoader(state, mapper, notebooks, teamspaceFiles, this::engine));
        bodySlots = new BodySlots(config.maxConcurrentUploads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving on the configured port (0 = a free one); loads the data directory or applies the seed. */
    public TileDBEmulator start() {
        removePartialFiles(files);
        engine = DataEngine.builder(DataPlaneRoutes.catalog(state))
                .dataDirectory(config.dataDirectory)
                .clock(config.clock)
                .pythonExecutable(config.python)
                .build();
        inspector.start(config.seed);
        Dispatcher<HttpCall, Handler> dispatcher = new Dispatcher<>(
                router,
                new TileDBService(state, mapper, requests, config.redirectTo, config.redirectStatus),
                faults.plan(),
                bodySlots,
                HttpCall.MAX_JSON_BODY_BYTES,
                mapper,
                recorder.active() ? recorder : null);
        server = EmulatorServer.start(
                config.bindAddress, config.port, WORKERS, config.requestReadTimeoutMillis, withPage(dispatcher));
        port = server.port();
        return this;
    }

    /** The emulator page in front of the dispatcher when it is on; the dispatcher alone (a 404 for it) when not. */
    private HttpHandler withPage(HttpHandler dispatcher) {
        if (!config.page.enabled()) {
            return dispatcher;
        }
        return new EmulatorPage<>(
                config.workspaceServer ? "TileDB emulator (workspace platform)" : "TileDB Cloud emulator",
                config.page,
                new TileDBPageViews(state, this::engine).views(),
                recorder,
                new TileDBContract(config.specDirectory, config.workspaceServer),
                dispatcher);
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (config.dataDirectory == null) {
            deleteTree(files);
        }
    }

    private static Path filesDirectory(Path dataDirectory) {
        try {
            return dataDirectory != null
                    ? dataDirectory.resolve("files")
                    : java.nio.file.Files.createTempDirectory("tiledb-emulator-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("emulator cannot create a folder for notebook contents", e);
        }
    }

    /**
     * Uploads, seeds and copies are written to {@code *.part} files and renamed when complete; one left behind is from
     * a run that died mid-write and belongs to no notebook version.
     */
    private static void removePartialFiles(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.list(dir)) {
            for (Path part : paths.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .toList()) {
                java.nio.file.Files.deleteIfExists(part);
                LOG.log(System.Logger.Level.INFO, "removed " + part + ", left by an interrupted write");
            }
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not clear partial files in " + dir, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + dir, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The running data plane; a call after {@link #stop()} is refused, as is one before {@link #start()}. */
    DataEngine engine() {
        DataEngine running = engine;
        if (running == null) {
            throw new IllegalStateException("the emulator is not running: its data plane is closed");
        }
        return running;
    }

    /** Every registered route (the tests that must cover each kind of request walk them). */
    List<Route<Handler>> routes() {
        return router.routes();
    }

    public int port() {
        return port;
    }

    /** The emulator page's address ({@code url() + "/_emulator/"}); served only when it was turned on. */
    public String pageUrl() {
        return url() + EmulatorPage.PATH + "/";
    }

    /** The base URL to give clients, such as {@code http://127.0.0.1:40123} (no {@code /v1}). */
    public String url() {
        return "http://" + config.bindAddress + ":" + port();
    }

    /** Every exchange answered so far, when recording was enabled (the page's window of them does not count). */
    @Override
    public List<RecordedExchange> recordedExchanges() {
        return recorder.recorded();
    }

    /** What the emulator holds for an array right now, for tests to check effects. */
    public Optional<ArraySnapshot> array(String namespace, String name) {
        return inspector.array(namespace, name);
    }

    /** What the emulator holds for a group right now. */
    public Optional<GroupSnapshot> group(String namespace, String name) {
        return inspector.group(namespace, name);
    }

    /**
     * Appends an activity event with a chosen time to an array's log, as a test needs for events in the same
     * second or arriving late inside the window. The array's last access moves to {@code at} unless it is already
     * later, as the service's does when it logs an access. Returns the event's id.
     */
    public String addActivity(String namespace, String array, java.time.Instant at, String action, String username) {
        return inspector.addActivity(namespace, array, at, action, username);
    }

    /** Deregisters an array as {@code DELETE .../deregister} does, logging the deregister event in its namespace's name. */
    public void removeArray(String namespace, String name) {
        inspector.removeArray(namespace, name);
    }

    /**
     * Calls {@code hook} with every request before the emulator handles it; null removes the hook. It runs on the
     * server's worker thread, outside the state lock, so it may change state through this class ({@link #seed},
     * {@link #addActivity}, {@link #removeArray}): the request then sees the change, and a listing kept for its next
     * page is dropped. A hook that throws makes the request fail with a 500.
     */
    public void onRequest(Consumer<RequestLine> hook) {
        requests.onRequest(hook);
    }

    /** The fault injector: failures and empty listings on demand, for tests of a client's fault handling. */
    public FaultInjector faults() {
        return faults;
    }

    /**
     * Requests whose body is streaming in right now (uploads, and JSON bodies too), each holding one of
     * {@code maxConcurrentUploads}.
     */
    public int uploadsInProgress() {
        return bodySlots.inUse();
    }

    /** Bytes the data directory's saves have written so far, for tests of what one write costs. */
    long stateBytesWritten() {
        return inspector.stateBytesWritten();
    }

    /** The newest stored version of a notebook, or empty when there is no such notebook. */
    public Optional<byte[]> notebookContent(String namespace, String name) {
        return inspector.notebookContent(namespace, name);
    }

    /**
     * Starts the notebook server of a namespace (a user or an organization), as opening JupyterLab does on the
     * service: {@code GET /v1/notebooks/server/{namespace}/status} then answers 200 until
     * {@code DELETE /v1/notebooks/server/{namespace}} stops it. Starting a running server changes nothing.
     *
     * @throws IllegalArgumentException when there is no such namespace
     */
    public void startNotebookServer(String namespace) {
        inspector.startNotebookServer(namespace);
    }

    /** Every array, in no particular order. */
    public List<ArraySnapshot> arrays() {
        return inspector.arrays();
    }

    /** Adds arrays (and users, organizations) while running, e.g. to build a large namespace fast. */
    public void seed(Seed seed) {
        inspector.seed(seed);
    }

    /** The routes, for tests that check what is served (coverage of the official API, 404 against 405). */
    Router<Handler> router() {
        return router;
    }

    /** The template variable that names a namespace: one path segment on a classic server, two on a workspace one. */
    static final String NAMESPACE = "namespace";
    /** The server's worker threads. */
    private static final int WORKERS = 64;
    /** A quarter of the server's workers: the rest always serve everything else. */
    public static final int DEFAULT_MAX_CONCURRENT_UPLOADS = 16;
    /** A minute of silence from a client mid-request. */
    public static final long DEFAULT_REQUEST_READ_TIMEOUT_MILLIS = EmulatorServer.DEFAULT_REQUEST_READ_TIMEOUT_MILLIS;

    /** How to start an emulator. */
    public static final class Builder {
        private int port;
        private String bindAddress = "127.0.0.1";
        Path dataDirectory;
        private boolean record;
        Seed seed = Seed.empty();
        private Clock clock = Clock.systemUTC();
        private String redirectTo;
        private int redirectStatus;
        private int maxConcurrentUploads = DEFAULT_MAX_CONCURRENT_UPLOADS;
        private long requestReadTimeoutMillis = DEFAULT_REQUEST_READ_TIMEOUT_MILLIS;
        boolean workspaceServer;
        private String python = "python3";
        private PageSettings page = PageSettings.off();
        private Path specDirectory;

        private Builder() {}

        /**
         * Emulate the workspace platform (TileDB-Server 3.x) instead of classic TileDB Cloud: {@code /v4} answers
         * ({@code GET /v4/capabilities} among them), and the v1/v2 array, group and notebook paths take a teamspace,
         * {@code /v1/arrays/{workspace}/{teamspace}/{array}}, where a classic server takes a namespace. See
         * {@code WORKSPACE.md} in the emulator module.
         */
        public Builder workspaceServer() {
            this.workspaceServer = true;
            return this;
        }

        /** A workspace whose members have the given roles ({@code owner}, {@code admin}, {@code member}). */
        public Builder workspace(String name, Map<String, String> members) {
            return seed(new Seed(null, null, null, List.of(new Seed.SeedWorkspace(name, null, members, null, null))));
        }

        /**
         * A private teamspace of a workspace (made if missing) whose members have the given roles ({@code owner},
         * {@code editor}, {@code viewer}); members not yet in the workspace join it as {@code member}.
         */
        public Builder teamspace(String workspace, String teamspace, Map<String, String> members) {
            return seed(new Seed(
                    null,
                    null,
                    null,
                    List.of(new Seed.SeedWorkspace(
                            workspace,
                            null,
                            null,
                            List.of(new Seed.SeedTeamspace(teamspace, null, null, members)),
                            null))));
        }

        /**
         * How long the emulator waits for the next bytes of a request (its headers, or its body) before dropping the
         * connection (default {@value TileDBEmulator#DEFAULT_REQUEST_READ_TIMEOUT_MILLIS} ms); idle kept-alive
         * connections are closed after it too.
         */
        public Builder requestReadTimeout(long millis) {
            this.requestReadTimeoutMillis = EmulatorServer.checkedReadTimeout(millis);
            return this;
        }

        /**
         * How many requests may stream their body in at once, uploads and JSON bodies alike (default
         * {@value TileDBEmulator#DEFAULT_MAX_CONCURRENT_UPLOADS} of the 64 workers); one more is answered 503 at once
         * and its connection closed, so slowly sent bodies cannot take every worker. A request without credentials
         * is answered 401 before its body is read, and takes no slot.
         */
        public Builder maxConcurrentUploads(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentUploads must be at least 1, was " + max);
            }
            this.maxConcurrentUploads = max;
            return this;
        }

        /**
         * The Python 3 that runs UDFs: a command on the {@code PATH} or a path (default {@code python3}). Where it is
         * missing, a UDF call is answered 501 naming it; everything else works without it.
         */
        public Builder python(String executable) {
            this.python = java.util.Objects.requireNonNull(executable, "python");
            return this;
        }

        /**
         * Serve the emulator page at {@code /_emulator/} ({@link TileDBEmulator#pageUrl()}): namespaces, assets with
         * their activity, groups, tasks and the latest exchanges with their verdict against the API descriptions, as
         * HTML and as JSON under {@code /_emulator/api/}. Off by default (then {@code /_emulator/} answers 404); only
         * loopback callers see it unless {@link #emulatorPageFromAnyAddress()}.
         */
        public Builder emulatorPage() {
            this.page = page.enabled(true);
            return this;
        }

        boolean emulatorPageOn() {
            return page.enabled();
        }

        /** Let callers other than loopback ones see the emulator page too (it shows no secret, but all the state). */
        public Builder emulatorPageFromAnyAddress() {
            this.page = page.fromAnyAddress();
            return this;
        }

        /** How many of the latest exchanges the emulator page lists (default {@value PageSettings#DEFAULT_EXCHANGES}). */
        public Builder emulatorPageExchanges(int latest) {
            this.page = page.exchanges(latest);
            return this;
        }

        /**
         * The folder of TileDB's official classic specs ({@code openapi-v1.yaml}, {@code openapi-v2.yaml}, such as
         * {@code ../shared/spec}): the emulator page then checks {@code /v1} and {@code /v2} exchanges against them too
         * (without it they read "not checked"). The files are read from there, never copied.
         */
        public Builder specDirectory(Path dir) {
            if (dir == null
                    || !java.nio.file.Files.isRegularFile(dir.resolve("openapi-v1.yaml"))
                    || !java.nio.file.Files.isRegularFile(dir.resolve("openapi-v2.yaml"))) {
                throw new IllegalArgumentException(
                        "specDirectory must be a folder holding openapi-v1.yaml and openapi-v2.yaml, was " + dir);
            }
            this.specDirectory = dir;
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * Keep state in {@code dir/state/} (a file per array and group, one for users and organizations), so a restart
         * resumes where the last run stopped; a {@code dir/state.json} of an earlier version is read once and moved there.
         */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return this;
        }

        /** Record every exchange for {@link #recordedExchanges()}. */
        public Builder recordExchanges() {
            this.record = true;
            return this;
        }

        /**
         * Answer every request with a redirect to the same path on {@code baseUrl}, as {@code api.tiledb.com} sends
         * callers to a regional host.
         */
        public Builder redirectTo(String baseUrl, int status) {
            this.redirectTo = baseUrl;
            this.redirectStatus = status;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder seed(Seed more) {
            this.seed = seed.plus(more);
            return this;
        }

        public Builder seedFile(Path file) {
            return seed(Seed.read(
                    file,
                    JsonMapper.builder()
                            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .build()));
        }

        /** A user who authenticates with {@code apiKey} (and, for basic auth, with the password {@code apiKey + "-password"}). */
        public Builder user(String username, String apiKey) {
            return seed(new Seed(
                    List.of(new User(username, username + "@example.com", apiKey + "-password", List.of(apiKey))),
                    null,
                    null));
        }

        /** An organization whose members have the given roles ({@code owner}, {@code read_write}, {@code read_only}). */
        public Builder organization(String name, Map<String, String> members) {
            return seed(new Seed(null, List.of(new Organization(name, members)), null));
        }

        /** An array with data, tags and sharing as given ({@code namespace -> actions}). */
        public Builder array(String namespace, String name, List<String> tags, Map<String, List<String>> sharing) {
            return seed(new Seed(
                    null, null, List.of(new Seed.SeedArray(namespace, name, null, null, tags, null, sharing, null))));
        }

        public TileDBEmulator build() {
            return new TileDBEmulator(this);
        }
    }
}
