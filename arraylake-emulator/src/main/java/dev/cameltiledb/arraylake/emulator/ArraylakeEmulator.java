package dev.cameltiledb.arraylake.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cameltiledb.emulator.common.BodySlots;
import dev.cameltiledb.emulator.common.Dispatcher;
import dev.cameltiledb.emulator.common.EmulatorServer;
import dev.cameltiledb.emulator.common.ExchangeRecorder;
import dev.cameltiledb.emulator.common.RecordsExchanges;
import dev.cameltiledb.emulator.common.RequestLog;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.common.Transactions;
import dev.cameltiledb.emulator.common.page.EmulatorPage;
import dev.cameltiledb.emulator.common.page.PageSettings;
import io.undertow.server.HttpHandler;

/**
 * A local Arraylake control plane: orgs, repos, bucket configs, tokens and permissions over the REST calls of the
 * Python client ({@code openapi/arraylake-api.yaml} describes them). Embedded:
 *
 * <pre>{@code
 * ArraylakeEmulator emu = ArraylakeEmulator.builder()
 *         .org("acme").user("alice@example.com", "Alice", "Liddell").member("acme", "alice@example.com", "admin")
 *         .bucket("acme", "main-bucket", "s3", "acme-data", "", Map.of("region_name", "us-east-1"),
 *                 Map.of("method", "anonymous"))
 *         .repo("acme", "climate", "main-bucket")
 *         .build().start();
 * String token = emu.userTokens("alice@example.com").idToken();
 * }</pre>
 *
 * or with {@link ArraylakeEmulatorExtension} in JUnit 5, or standalone ({@link ArraylakeEmulatorCommandLine}). Tests
 * look at what it holds ({@link #repo}, {@link #bucket}, {@link #deletions}), what reached it ({@link #requests},
 * {@link #recordedExchanges}) and make it fail on purpose ({@link #faults}). Thread-safe: requests and these methods
 * take turns on the state.
 */
public final class ArraylakeEmulator implements AutoCloseable, RecordsExchanges<RecordedExchange> {

    private final Builder config;
    private final ArraylakeState state;
    private final Transactions transactions = new Transactions(Transactions.IN_MEMORY);
    private final ObjectMapper mapper = mapper();
    private final Faults faults = new Faults();
    private final RequestLog<RequestLine> requestLog = new RequestLog<>(true);
    private final ExchangeRecorder<RecordedExchange> recorder;
    private final Router<Endpoint> routes = new Router<>();
    private final AtomicInteger openLogStreams = new AtomicInteger();
    private final BodySlots bodySlots;
    private EmulatorServer server;
    private int port;

    private ArraylakeEmulator(Builder config) {
        this.config = config;
        this.state = new ArraylakeState(config.clock);
        this.recorder = new ExchangeRecorder<>(
                RecordedExchange::of, config.clock, config.recordExchanges, config.page.window());
        this.bodySlots = new BodySlots(config.maxConcurrentBodies);
        new UserEndpoints(state).register(routes);
        new RepoEndpoints(state, mapper).register(routes);
        new BucketEndpoints(state).register(routes);
        new OrgEndpoints(state).register(routes);
        new ServiceEndpoints(state, openLogStreams).register(routes);
        transactions.write(() -> {
            for (Consumer<ArraylakeState> step : config.steps) {
                try {
                    step.accept(state);
                } catch (ApiError e) {
                    // a rule of the service broken by the setup itself: the test's mistake, said in the service's words
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Starts serving on the configured port (0, the default, picks a free one). */
    public synchronized ArraylakeEmulator start() {
        if (server != null) {
            return this;
        }
        Dispatcher<Request, Endpoint> dispatcher = new Dispatcher<>(
                routes,
                new ArraylakeService(state, transactions, mapper, requestLog),
                faults.plan(),
                bodySlots,
                MAX_BODY_BYTES,
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
                "Arraylake emulator",
                config.page,
                new ArraylakePageViews(this::inspect).views(),
                recorder,
                new ArraylakeContract(),
                dispatcher);
    }

    /** Stops serving; followed logs end first, so no worker waits on a log for the rest of its follow timeout. */
    public synchronized void stop() {
        if (server != null) {
            transactions.read(() -> {
                state.endLogFollowers();
                return null;
            });
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The service URI to give a client, such as {@code http://127.0.0.1:40123}. */
    public String url() {
        String host = config.bindAddress.contains(":") ? "[" + config.bindAddress + "]" : config.bindAddress;
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port();
    }

    /** The emulator page's address ({@code url() + "/_emulator/"}); served only when it was turned on. */
    public String pageUrl() {
        return url() + EmulatorPage.PATH + "/";
    }

    /** The user's current tokens (the id token is the bearer); after a refresh, the refreshed ones. */
    public UserTokens userTokens(String email) {
        return inspect(
                s -> s.tokens().current(email).orElseThrow(() -> new IllegalArgumentException("no user " + email)));
    }

    /** The user's current id and access tokens answer 401 from now on; the refresh token still gets new ones. */
    public void expireUserTokens(String email) {
        change(s -> {
            userTokens(email);
            s.tokens().expire(email);
            return null;
        });
    }

    /** The principal id of a user or an API client, by email, as permission checks and {@code created_by} name it. */
    public String principalId(String email) {
        return inspect(s -> {
            UserAccount user = s.users().get(email);
            if (user != null) {
                return user.id();
            }
            return s.orgs().stream()
                    .flatMap(o -> o.serviceAccounts().stream())
                    .filter(a -> a.email().equals(email))
                    .findFirst()
                    .map(ServiceAccount::id)
                    .orElseThrow(() -> new IllegalArgumentException("no principal " + email));
        });
    }

    /** The API client id of an org's service account. */
    public String apiClientId(String org, String email) {
        return inspect(s -> s.requireOrg(org).serviceAccounts().stream()
                .filter(a -> a.email().equals(email))
                .findFirst()
                .map(ServiceAccount::id)
                .orElseThrow(() -> new IllegalArgumentException("no service account " + email + " in " + org)));
    }

    public Faults faults() {
        return faults;
    }

    /** Requests whose body is being read right now, each holding one of {@code maxConcurrentBodies}. */
    public int bodiesInProgress() {
        return bodySlots.inUse();
    }

    /** Every request seen so far, in arrival order, faulted and refused ones included. */
    public List<RequestLine> requests() {
        return requestLog.lines();
    }

    /** Blocks until {@code count} requests in all were seen; answers false when the timeout passed first. */
    public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        return requestLog.awaitCount(count, timeout);
    }

    public void clearRequests() {
        requestLog.clear();
    }

    /** The full exchanges, when {@link Builder#recordExchanges()} was set (empty otherwise). */
    @Override
    public List<RecordedExchange> recordedExchanges() {
        return recorder.recorded();
    }

    /** The live repo of that name, or else its most recent ghost. */
    public Optional<RepoSnapshot> repo(String org, String name) {
        return inspect(s -> s.org(org).flatMap(o -> o.repos().latest(name).map(r -> RepoSnapshot.of(o, r))));
    }

    public Optional<BucketSnapshot> bucket(String org, String nickname) {
        return inspect(s -> s.org(org).flatMap(o -> o.bucketByNickname(nickname).map(b -> BucketSnapshot.of(o, b))));
    }

    /** Every repo deletion answered, with its options. */
    public List<RepoDeletion> deletions() {
        return inspect(ArraylakeState::deletions);
    }

    /** Creates a repo out of band, as another client of the service would. */
    public RepoSnapshot createRepo(String org, String name, String bucketNickname) {
        return change(s -> {
            Org o = s.requireOrg(org);
            return RepoSnapshot.of(
                    o, s.createRepo(o, RepoSpec.onBucket(name, bucketNickname), SetupRules.SETUP_PRINCIPAL));
        });
    }

    /**
     * Creates {@code count} live repos named {@code prefix} plus a zero-padded number ({@code bench-00001}, ...) on
     * one bucket config, in one go: for benchmarks and paging tests. Answers their names.
     */
    public List<String> bulkRepos(String org, String bucketNickname, String namePrefix, int count) {
        return change(s -> {
            Org o = s.requireOrg(org);
            int width = String.valueOf(count).length();
            List<String> names = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                String name = namePrefix + String.format("%0" + width + "d", i);
                NameRules.repo(name).ifPresent(msg -> {
                    throw new IllegalArgumentException(msg);
                });
                s.createRepo(o, RepoSpec.onBucket(name, bucketNickname), SetupRules.SETUP_PRINCIPAL);
                names.add(name);
            }
            return names;
        });
    }

    /** Marks a repo changed (its {@code updated} moves), as a commit through the data plane would. */
    public RepoSnapshot touchRepo(String org, String name) {
        return change(s -> {
            Org o = s.requireOrg(org);
            StoredRepo repo = s.requireRepo(o, name);
            StoredRepo touched = repo.touched(s.time().after(repo.updated()));
            o.repos().replace(touched);
            return RepoSnapshot.of(o, touched);
        });
    }

    /** Sets a repo's status out of band ({@code initiated_by} the principal "emulator"), as an operator would. */
    public RepoSnapshot setRepoStatus(String org, String name, String mode, String message) {
        if (!RepoStatus.isMode(mode)) {
            throw new IllegalArgumentException("mode must be online, maintenance or offline, was " + mode);
        }
        return change(s -> {
            Org o = s.requireOrg(org);
            StoredRepo repo = s.requireRepo(o, name);
            StoredRepo changed = repo.withStatus(
                    new RepoStatus(mode, message, SetupRules.SETUP_PRINCIPAL),
                    s.time().after(repo.updated()));
            o.repos().replace(changed);
            return RepoSnapshot.of(o, changed);
        });
    }

    /** The org's compute service of that name, if enabled. */
    public Optional<ServiceSnapshot> service(String org, String name) {
        return inspect(s -> s.org(org).flatMap(o -> o.service(name).map(v -> ServiceSnapshot.of(o, v))));
    }

    /**
     * The service writes a line to its log ({@code stdout}) now, by the emulator's clock; whoever follows the log
     * receives it.
     */
    public void appendServiceLog(String org, String name, String message) {
        change(s -> {
            appendServiceLog(org, name, s.time().now(), message);
            return null;
        });
    }

    /** The same at a given time, for since and until: lines are kept in the order they are written. */
    public void appendServiceLog(String org, String name, Instant time, String message) {
        change(s -> {
            s.requireService(s.requireOrg(org), name).log().append(time, "stdout", message);
            return null;
        });
    }

    /**
     * Every later followed read of the service's log gets {@code lines} generated lines (a request line each) after
     * the ones it starts with, made as they are sent and never kept: a service under heavy traffic. With
     * {@code Long.MAX_VALUE} the log does not end until its follow timeout passes or its reader goes away.
     */
    public void floodServiceLog(String org, String name, long lines) {
        floodServiceLog(org, name, lines, 0);
    }

    /** The same with lines of about {@code lineBytes} (a long query string): fewer, larger lines. */
    public void floodServiceLog(String org, String name, long lines, int lineBytes) {
        if (lines < 0 || lineBytes < 0) {
            throw new IllegalArgumentException(
                    "lines and lineBytes must not be negative, were " + lines + ", " + lineBytes);
        }
        change(s -> {
            s.requireService(s.requireOrg(org), name).log().flood(lines, lineBytes);
            return null;
        });
    }

    /** Sets where a service stands (available, progressing, error, sleeping...), as the cluster would. */
    public ServiceSnapshot setServiceStatus(String org, String name, String status, int readyReplicas) {
        if (!ServiceRules.STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + ServiceRules.STATUSES + ", was " + status);
        }
        return change(s -> {
            Org o = s.requireOrg(org);
            ComputeService service = s.requireService(o, name);
            service.status(status, readyReplicas);
            return ServiceSnapshot.of(o, service);
        });
    }

    /** How many log answers are being written right now: a followed log its reader closed is no longer counted. */
    public int openLogStreams() {
        return openLogStreams.get();
    }

    /** Runs {@code action} in a read transaction, as a request does; a rule it breaks is an IllegalArgumentException. */
    private <T> T inspect(Function<ArraylakeState, T> action) {
        try {
            return transactions.read(() -> action.apply(state));
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Runs {@code action} in a write transaction, as a request that changes the state does. */
    private <T> T change(Function<ArraylakeState, T> action) {
        try {
            return transactions.write(() -> action.apply(state));
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Bodies larger than this are refused: every body of this API is a small JSON object. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** The server's worker threads; requests without a body always find one of those the body slots leave. */
    static final int WORKERS = 16;
    /** A quarter of the workers: the rest always serve everything else. */
    public static final int DEFAULT_MAX_CONCURRENT_BODIES = 4;
    /** A minute of silence from a client mid-request. */
    public static final long DEFAULT_REQUEST_READ_TIMEOUT_MILLIS = EmulatorServer.DEFAULT_REQUEST_READ_TIMEOUT_MILLIS;

    /** What a new emulator holds and how it serves; every setup call is checked when {@link #build()} runs. */
    public static final class Builder {

        private final List<Consumer<ArraylakeState>> steps = new ArrayList<>();
        private int port;
        private String bindAddress = "127.0.0.1";
        private Clock clock = Clock.systemUTC();
        private boolean recordExchanges;
        private PageSettings page = PageSettings.off();
        private int maxConcurrentBodies = DEFAULT_MAX_CONCURRENT_BODIES;
        private long requestReadTimeoutMillis = DEFAULT_REQUEST_READ_TIMEOUT_MILLIS;

        private Builder() {}

        public Builder org(String name) {
            return org(name, null);
        }

        public Builder org(String name, String description) {
            steps.add(s -> s.addOrg(name, description));
            return this;
        }

        public Builder user(String email, String firstName, String familyName) {
            return user(email, firstName, familyName, null, null);
        }

        /** A user with fixed id and refresh tokens (null: generated), as a seed file gives them. */
        public Builder user(String email, String firstName, String familyName, String idToken, String refreshToken) {
            steps.add(s -> s.addUser(email, firstName, familyName, idToken, refreshToken));
            return this;
        }

        /** Makes a declared user a member of a declared org: role admin, member or viewer. */
        public Builder member(String org, String email, String role) {
            steps.add(s -> s.addMember(org, email, role));
            return this;
        }

        /** An API client of the org with its {@code ema_} token (null: generated) and role. */
        public Builder serviceAccount(String org, String email, String token, String role) {
            steps.add(s -> s.addServiceAccount(org, email, token, role));
            return this;
        }

        /**
         * A bucket config; the org's first becomes its default. Names, platform and the platform's required extra
         * config are checked as the service checks them; the auth config needs only a known {@code method}.
         */
        public Builder bucket(
                String org,
                String nickname,
                String platform,
                String name,
                String prefix,
                Map<String, ?> extraConfig,
                Map<String, ?> authConfig) {
            steps.add(s -> SetupRules.addBucket(s, org, nickname, platform, name, prefix, extraConfig, authConfig));
            return this;
        }

        /** Makes a declared bucket config the org's default. */
        public Builder defaultBucket(String org, String nickname) {
            steps.add(s -> {
                Org o = s.requireOrg(org);
                o.defaultBucket(o.bucketByNickname(nickname)
                        .orElseThrow(() -> new IllegalArgumentException("no bucket config " + nickname + " in " + org))
                        .id());
            });
            return this;
        }

        /** A live repo on a bucket config (null: the org's default). */
        public Builder repo(String org, String name, String bucketNickname) {
            return repo(org, name, bucketNickname, null, null);
        }

        public Builder repo(
                String org, String name, String bucketNickname, String description, Map<String, ?> metadata) {
            steps.add(s -> SetupRules.addRepo(s, org, name, bucketNickname, description, metadata));
            return this;
        }

        /** Sets a declared repo's status. */
        public Builder repoStatus(String org, String name, String mode, String message) {
            steps.add(s -> SetupRules.setStatus(s, org, name, mode, message));
            return this;
        }

        /**
         * An enabled compute service of a declared org: {@code serviceType} one of the protocols (dap2, edr, wms,
         * tiles, zarr, openeo, sql), named {@code deploymentName} (null: after its type), public or not; checked as
         * the service checks an enable request.
         */
        public Builder service(String org, String serviceType, String deploymentName, boolean isPublic) {
            steps.add(s -> SetupRules.addService(s, org, serviceType, deploymentName, isPublic));
            return this;
        }

        /** Adds what a seed file holds (see {@code ARRAYLAKE.md}). */
        public Builder seedFile(Path file) {
            Seed.read(file).applyTo(this);
            return this;
        }

        /** Adds what a seed JSON document holds. */
        public Builder seed(String json) {
            Seed.parse(json).applyTo(this);
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to listen on; 127.0.0.1 unless given. */
        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        /**
         * How many requests may have their body read at once (default
         * {@value ArraylakeEmulator#DEFAULT_MAX_CONCURRENT_BODIES} of the 16 workers); one more is answered 503 at once
         * and its connection closed, so slowly sent bodies cannot take every worker. A request without a valid bearer
         * token is answered 401 before its body is read, and takes no slot.
         */
        public Builder maxConcurrentBodies(int max) {
            if (max < 1 || max >= WORKERS) {
                throw new IllegalArgumentException("maxConcurrentBodies must be 1 to " + (WORKERS - 1) + " (of "
                        + WORKERS + " workers), was " + max);
            }
            this.maxConcurrentBodies = max;
            return this;
        }

        /**
         * How long the emulator waits for the next bytes of a request (its headers, or its body) before dropping the
         * connection (default {@value ArraylakeEmulator#DEFAULT_REQUEST_READ_TIMEOUT_MILLIS} ms).
         */
        public Builder requestReadTimeout(long millis) {
            this.requestReadTimeoutMillis = EmulatorServer.checkedReadTimeout(millis);
            return this;
        }

        /** Keeps every exchange whole for {@link ArraylakeEmulator#recordedExchanges()}. */
        public Builder recordExchanges() {
            this.recordExchanges = true;
            return this;
        }

        /** The clock for {@code created}, {@code updated} and token lifetimes. */
        /**
         * Serve the emulator page at {@code /_emulator/} ({@link ArraylakeEmulator#pageUrl()}): orgs, repos with their
         * status, bucket configs and the latest exchanges with their verdict against {@code openapi/arraylake-api.yaml},
         * as HTML and as JSON under {@code /_emulator/api/}. Off by default (then {@code /_emulator/} answers 404); only
         * loopback callers see it unless {@link #emulatorPageFromAnyAddress()}.
         */
        public Builder emulatorPage() {
            this.page = page.enabled(true);
            return this;
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

        boolean emulatorPageOn() {
            return page.enabled();
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ArraylakeEmulator build() {
            return new ArraylakeEmulator(this);
        }
    }
}
