package dev.cameltiledb.arraylake.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleSupplier;

import dev.cameltiledb.rest.BoundedInputStream;

/**
 * How a client reaches Arraylake and authenticates. Immutable; built with {@link #builder()} when everything is given,
 * or with {@link #resolve} to fill the gaps the way the Python client does (environment, then its files in the home
 * directory). toString never shows a token.
 */
public final class ArraylakeSettings {

    public static final String DEFAULT_SERVICE_URI = "https://api.earthmover.io";
    public static final String ENV_TOKEN = "ARRAYLAKE_TOKEN";
    public static final String ENV_SERVICE_URI = "ARRAYLAKE_SERVICE__URI";
    /**
     * Two minutes, as the TileDB client: the Python client's own rules allow about 89 minutes of retries per call (15
     * attempts after Retry-After waits of a minute), which no route can live with.
     */
    public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofMinutes(2);
    /** A sixty-fourth of this JVM's maximum heap, 1 to 64 MiB ({@link BoundedInputStream#defaultLimit()}). */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = BoundedInputStream.defaultLimit();

    private final String serviceUri;
    private final Token token;
    private final Path tokenFile;
    private final String tokenSource;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration callTimeout;
    private final Duration maxRetryTime;
    private final long maxResponseSize;
    private final int maxRetries;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final String proxyHost;
    private final int proxyPort;
    private final int maxConnections;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    private ArraylakeSettings(Builder b) {
        this.serviceUri = stripSlashes(b.serviceUri == null ? DEFAULT_SERVICE_URI : b.serviceUri);
        this.token = b.token;
        this.tokenFile = b.tokenFile;
        this.tokenSource = b.tokenSource != null ? b.tokenSource : (b.token != null ? "explicit" : "token file");
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.callTimeout = b.callTimeout != null ? b.callTimeout : b.requestTimeout;
        this.maxRetryTime = b.maxRetryTime;
        this.maxResponseSize = b.maxResponseSize;
        this.maxRetries = b.maxRetries;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.proxyHost = b.proxyHost;
        this.proxyPort = b.proxyPort;
        this.maxConnections = b.maxConnections;
        this.sleeper = b.sleeper;
        this.jitter = b.jitter;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@link #resolve(Builder, Map, Path)} with this process's environment and {@code user.home}. */
    public static ArraylakeSettings resolve(Builder explicit) {
        return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Completes {@code explicit} (not changed) in the Python client's order. Token: the explicit token or token file,
     * then {@code ARRAYLAKE_TOKEN}, then {@code home/.arraylake/token.json} (left by {@code arraylake auth login}).
     * Service URI: explicit, then {@code ARRAYLAKE_SERVICE__URI}, then {@code service.uri} of
     * {@code home/.arraylake/config.yaml}, then {@value #DEFAULT_SERVICE_URI}. Environment and home are parameters so
     * tests can give their own.
     */
    public static ArraylakeSettings resolve(Builder explicit, Map<String, String> env, Path home) {
        Builder b = explicit.copy();
        Path dotDir = home == null ? null : home.resolve(".arraylake");
        if (b.token == null && b.tokenFile == null) {
            String fromEnv = env.get(ENV_TOKEN);
            if (fromEnv != null && !fromEnv.isBlank()) {
                b.token(fromEnv);
                b.tokenSource = "env " + ENV_TOKEN;
            } else if (dotDir != null && Files.isRegularFile(dotDir.resolve("token.json"))) {
                b.tokenFile(dotDir.resolve("token.json"));
                b.tokenSource = "token file " + dotDir.resolve("token.json");
            }
        }
        if (b.serviceUri == null) {
            String fromEnv = env.get(ENV_SERVICE_URI);
            if (fromEnv != null && !fromEnv.isBlank()) {
                b.serviceUri(fromEnv.strip());
            } else if (dotDir != null) {
                ConfigFile.serviceUri(dotDir.resolve("config.yaml")).ifPresent(b::serviceUri);
            }
        }
        return b.build();
    }

    private static String stripSlashes(String uri) {
        String u = uri.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    public String serviceUri() {
        return serviceUri;
    }

    /** The explicit or environment token; null when the token comes from a token file. */
    public Token token() {
        return token;
    }

    /** A token.json of the Python client (user tokens, refreshable); null when a token is given directly. */
    public Path tokenFile() {
        return tokenFile;
    }

    /** Where the token came from (explicit, env ARRAYLAKE_TOKEN, token file ...), for diagnostics. */
    public String tokenSource() {
        return tokenSource;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The most one call may take, its retries, the waits between them and the reading of its answer included; past it
     * the call is cancelled and its connection closed. {@link #requestTimeout()} counts silence only, so this is what
     * stops a server sending a byte a second. Unless set, the requestTimeout.
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The most one call spends on retrying: its attempts and the waits between them. A retry is sent only while its
     * wait fits, and may only take what is left, so a call that retries ends within it (or its first attempt's time).
     */
    public Duration maxRetryTime() {
        return maxRetryTime;
    }

    /**
     * The largest answer read, in bytes; a larger one fails the call at once and its connection is closed, not read to
     * its end. By default sized by the heap ({@link dev.cameltiledb.rest.BoundedInputStream#defaultLimit()}).
     */
    public long maxResponseSize() {
        return maxResponseSize;
    }

    /** The most attempts one call makes for retryable statuses (the first attempt included). */
    public int maxRetries() {
        return maxRetries;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Proxy host, or null for a direct connection. */
    public String proxyHost() {
        return proxyHost;
    }

    public int proxyPort() {
        return proxyPort;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Source of jitter, uniform in [0, 1). */
    public DoubleSupplier jitter() {
        return jitter;
    }

    @Override
    public String toString() {
        return "ArraylakeSettings[serviceUri=" + serviceUri + ", token=" + (token == null ? "none" : token)
                + ", tokenFile=" + tokenFile + ", tokenSource=" + tokenSource + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", callTimeout=" + callTimeout + ", maxRetryTime="
                + maxRetryTime + ", maxResponseSize=" + maxResponseSize + ", maxRetries=" + maxRetries + ", maxBackoff="
                + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", proxy="
                + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + ", maxConnections=" + maxConnections
                + "]";
    }

    /** Collects settings; {@link #build()} needs a token or a token file, the rest has the Python client's defaults. */
    public static final class Builder {

        private String serviceUri;
        private Token token;
        private Path tokenFile;
        private String tokenSource;
        private Duration connectTimeout = Duration.ofSeconds(300);
        private Duration requestTimeout = Duration.ofSeconds(300);
        private Duration callTimeout;
        private Duration maxRetryTime = DEFAULT_MAX_RETRY_TIME;
        private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
        private int maxRetries = 15;
        private Duration maxBackoff = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private String proxyHost;
        private int proxyPort;
        private int maxConnections = 20;
        private Sleeper sleeper = Sleeper.REAL;
        private DoubleSupplier jitter = new Random()::nextDouble;

        private Builder() {}

        private Builder copy() {
            Builder c = new Builder();
            c.serviceUri = serviceUri;
            c.token = token;
            c.tokenFile = tokenFile;
            c.tokenSource = tokenSource;
            c.connectTimeout = connectTimeout;
            c.requestTimeout = requestTimeout;
            c.callTimeout = callTimeout;
            c.maxRetryTime = maxRetryTime;
            c.maxResponseSize = maxResponseSize;
            c.maxRetries = maxRetries;
            c.maxBackoff = maxBackoff;
            c.maxRetryAfter = maxRetryAfter;
            c.proxyHost = proxyHost;
            c.proxyPort = proxyPort;
            c.maxConnections = maxConnections;
            c.sleeper = sleeper;
            c.jitter = jitter;
            return c;
        }

        /** Base URL of the API, e.g. {@value ArraylakeSettings#DEFAULT_SERVICE_URI} or an emulator's URL. */
        public Builder serviceUri(String serviceUri) {
            this.serviceUri = serviceUri == null || serviceUri.isBlank() ? null : serviceUri;
            return this;
        }

        /** An {@code ema_} service token or a user JWT; null clears it. */
        public Builder token(String token) {
            this.token = token == null || token.isBlank() ? null : Token.of(token);
            this.tokenSource = null;
            return this;
        }

        /** A token.json as the Python client writes it; its id token is sent and refreshed once on a 401. */
        public Builder tokenFile(Path tokenFile) {
            this.tokenFile = tokenFile;
            this.tokenSource = null;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** The most one call may take, retries and the reading of its answer included; by default the requestTimeout. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /** The most one call spends on its attempts and the waits between them before it gives up retrying. */
        public Builder maxRetryTime(Duration maxRetryTime) {
            this.maxRetryTime = nonNegative(maxRetryTime, "maxRetryTime");
            return this;
        }

        /** The largest answer read, in bytes. */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 1) {
                throw new ArraylakeException("maxResponseSize must be positive, got " + bytes);
            }
            this.maxResponseSize = bytes;
            return this;
        }

        /** Most attempts per call for retryable statuses, the first included; 1 turns status retries off. */
        public Builder maxRetries(int attempts) {
            if (attempts < 1) {
                throw new ArraylakeException("maxRetries counts attempts and must be at least 1, got " + attempts);
            }
            this.maxRetries = attempts;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /** The longest wait a {@code Retry-After} header can impose; longer requests are cut to this. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** An HTTP proxy; null host for a direct connection. */
        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new ArraylakeException("maxConnections must be at least 1");
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /** How retry waits are spent; tests record them instead of sleeping. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Where jitter comes from (uniform in [0, 1)); tests fix it to check the bounds. */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        public ArraylakeSettings build() {
            if (token == null && tokenFile == null) {
                throw new ArraylakeException("No Arraylake token: give a token or token file, set " + ENV_TOKEN
                        + ", or log in with the Python client (arraylake auth login) to write ~/.arraylake/token.json");
            }
            return new ArraylakeSettings(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ArraylakeException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String name) {
            if (d == null || d.isNegative()) {
                throw new ArraylakeException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
