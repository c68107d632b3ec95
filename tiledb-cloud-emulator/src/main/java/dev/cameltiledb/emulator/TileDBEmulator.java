package dev.cameltiledb.emulator;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;

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
public final class TileDBEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TileDBEmulator.class.getName());

    private final Builder config;
    private final ObjectMapper mapper;
    private final EmulatorState state;
    /** Notebook and file contents: under the data directory, or a temporary folder removed at stop. */
    private final Path files;

    private final Router router;
    private final NotebookRoutes notebooks;
    private final NotebookServerRoutes notebookServers;
    private final List<RecordedExchange> recorded = Collections.synchronizedList(new ArrayList<>());
    private final FaultInjector faults = new FaultInjector();
    private final EmulatorInspector inspector;
    /** Permits for request bodies streaming in: a slow sender holds a worker thread for as long as it takes. */
    private final Semaphore bodySlots;

    private volatile Consumer<RequestLine> requestHook;
    private Undertow server;
    private int port;

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
        this.files = filesDirectory(config.dataDirectory);
        // the workspace platform names a namespace by two segments, workspace/teamspace
        this.router = new Router(config.workspaceServer ? 2 : 1);
        ArrayRoutes arrayRoutes = new ArrayRoutes(state, mapper, state::save);
        arrayRoutes.register(router);
        new GroupRoutes(state, arrayRoutes, state::save).register(router);
        new UserRoutes(state).register(router);
        notebooks = new NotebookRoutes(state, mapper, files, state::save);
        notebooks.register(router);
        notebookServers = new NotebookServerRoutes(state);
        notebookServers.register(router);
        new FileEndpoints(state, mapper, notebooks, state::save).register(router);
        new TokenRoutes(state).register(router);
        new TaskRoutes(state, arrayRoutes).register(router);
        FileStore teamspaceFiles = new FileStore(files);
        if (config.workspaceServer) {
            new WorkspacePlatform(state, mapper, teamspaceFiles, state::save).register(router);
        } else {
            // the workspace platform lists assets under /v4/assets; these are the classic service's listings
            new AssetListRoutes(state).register(router);
        }
        inspector = new EmulatorInspector(state, notebooks, new SeedLoader(state, mapper, notebooks, teamspaceFiles));
        bodySlots = new Semaphore(config.maxConcurrentUploads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving on the configured port (0 = a free one); loads the data directory or applies the seed. */
    public TileDBEmulator start() {
        removePartialFiles(files);
        if (!state.load()) {
            inspector.applySeed(config.seed);
            state.saveAll();
        }
        server = Undertow.builder()
                .addHttpListener(config.port, config.bindAddress)
                .setIoThreads(2)
                .setWorkerThreads(64)
                // keep encoded slashes encoded: a storage URI is one {array} segment
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, false)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                // a client that stops sending (headers or body) is dropped instead of holding a connection forever
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) config.requestReadTimeoutMillis)
                .setSocketOption(org.xnio.Options.READ_TIMEOUT, (int) config.requestReadTimeoutMillis)
                .setHandler(new BlockingHandler(this::handle))
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        return this;
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
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

    public int port() {
        return port;
    }

    /** The base URL to give clients, such as {@code http://127.0.0.1:40123} (no {@code /v1}). */
    public String url() {
        return "http://" + config.bindAddress + ":" + port;
    }

    /** Every exchange answered so far, when recording was enabled. */
    public List<RecordedExchange> recordedExchanges() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
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
        this.requestHook = hook;
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
        return config.maxConcurrentUploads - bodySlots.availablePermits();
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
        notebookServers.start(namespace);
    }

    /** Every array, in no particular order. */
    public List<ArraySnapshot> arrays() {
        return inspector.arrays();
    }

    /** Adds arrays (and users, organizations) while running, e.g. to build a large namespace fast. */
    public void seed(Seed seed) {
        inspector.seed(seed);
    }

    private void handle(HttpServerExchange exchange) {
        HttpCall call = new HttpCall(exchange, mapper, config.record ? recorded::add : null);
        Router.Template route = null;
        boolean inBodySlot = false;
        try {
            announce(new RequestLine(call.method(), call.rawPath(), exchange.getQueryString()));
            if (config.redirectTo != null) {
                call.redirect(
                        config.redirectStatus,
                        config.redirectTo
                                + exchange.getRequestURI()
                                + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString()));
                return;
            }
            Router.Match match = router.match(call.method(), call.rawPath()).orElseThrow(() -> notRouted(call));
            route = match.route();
            ApiFailure fault = faults.next(call.rawPath());
            if (fault != null && fault.status() == FaultInjector.EMPTY_LISTING) {
                String resource = call.rawPath().split("/")[2];
                call.json(
                        200,
                        Map.of(
                                resource,
                                List.of(),
                                "pagination_metadata",
                                Map.of("page", 1, "per_page", 0, "total_pages", 0, "total_items", 0)));
                return;
            }
            if (fault != null) {
                throw fault;
            }
            // who asks is known before a byte of the body is read: a stranger's body is never waited for
            call.user(authenticate(call));
            inBodySlot = call.bodyComing() && takeBodySlot();
            call.pathVariables(match.variables());
            match.handler().handle(call);
        } catch (ApiFailure failure) {
            if (route != null && BodilessErrors.bodiless(route, failure.status())) {
                call.errorWithoutBody(failure);
            } else {
                call.error(failure);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "emulator failed on " + call.method() + " " + call.rawPath(), e);
            call.error(new ApiFailure(500, "emulator error: " + e));
        } finally {
            if (inBodySlot) {
                bodySlots.release();
            }
        }
    }

    /**
     * One of the {@code maxConcurrentUploads} slots for a body about to stream in; without a free one the answer is
     * a 503 at once (the connection closed, the body never read), so slow senders cannot take every worker.
     */
    private boolean takeBodySlot() {
        if (!bodySlots.tryAcquire()) {
            throw new ApiFailure(
                    503,
                    "the emulator is receiving " + config.maxConcurrentUploads + " request bodies already; send this"
                            + " one again when one has finished");
        }
        return true;
    }

    /**
     * A request no route serves: 405 with the methods that are served in {@code Allow} (RFC 9110 asks for it) when
     * some route matches the path, 404 when none does.
     */
    private ApiFailure notRouted(HttpCall call) {
        java.util.Set<String> allowed = router.allowedMethods(call.rawPath());
        if (allowed.isEmpty()) {
            return ApiFailure.notFound("no endpoint " + call.method() + " " + call.rawPath());
        }
        call.responseHeader("Allow", String.join(", ", allowed));
        return new ApiFailure(405, call.method() + " is not allowed on " + call.rawPath() + "; allowed: " + allowed);
    }

    /** The routes, for tests that check what is served (coverage of the official API, 404 against 405). */
    Router router() {
        return router;
    }

    /** Runs the test hook, if any, before anything else: what it changes, the handler sees. */
    private void announce(RequestLine request) {
        Consumer<RequestLine> hook = requestHook;
        if (hook != null) {
            hook.accept(request);
        }
    }

    /** The caller: by API key, else by the {@code Authorization} header, HTTP basic or an OAuth2 bearer token. */
    private User authenticate(HttpCall call) {
        String key = call.header("X-TILEDB-REST-API-KEY");
        String authorization = call.header("Authorization");
        User user = state.reading(() -> {
            if (key != null) {
                return state.byApiKey(key);
            }
            User byPassword = state.byBasicAuth(authorization);
            return byPassword != null ? byPassword : state.byBearer(authorization);
        });
        if (user == null) {
            throw ApiFailure.unauthorized(
                    key != null || authorization != null
                            ? "the API key or credentials are not valid"
                            : "authentication required: send X-TILEDB-REST-API-KEY, basic auth or a bearer token");
        }
        return user;
    }

    /** How to start an emulator. */
    /** A quarter of the server's workers: the rest always serve everything else. */
    public static final int DEFAULT_MAX_CONCURRENT_UPLOADS = 16;
    /** A minute of silence from a client mid-request. */
    public static final long DEFAULT_REQUEST_READ_TIMEOUT_MILLIS = 60_000;

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
            if (millis < 1 || millis > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "requestReadTimeout must be between 1 and " + Integer.MAX_VALUE + " ms, was " + millis);
            }
            this.requestReadTimeoutMillis = millis;
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
