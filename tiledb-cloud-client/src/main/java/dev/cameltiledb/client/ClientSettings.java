package dev.cameltiledb.client;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

import dev.cameltiledb.rest.BoundedInputStream;

/**
 * Everything that decides how a {@link TileDBClient} talks to the service. Equal settings can share one client (and
 * so one connection pool). No secret appears in {@link #toString()}.
 *
 * @param host                           base URL, normalised by {@link TileDBHosts#normalize(String)}
 * @param credentials                    API key, or user name and password
 * @param connectTimeoutMillis           time to establish a TCP/TLS connection
 * @param responseTimeoutMillis          longest silence while waiting for response data
 * @param connectionRequestTimeoutMillis longest wait for a free pooled connection
 * @param maxConnections                 size of the connection pool (the Python client's {@code threads})
 * @param callTimeoutMillis              the most one call may take, retries and the reading of a JSON answer included;
 *                                       a streamed body ({@code open}) is bounded until its headers arrive
 * @param maxResponseBytes               the largest answer read into memory (JSON, or a download into a string or
 *                                       bytes); a larger one fails at once and its connection is dropped rather than
 *                                       drained
 * @param userAgent                      the User-Agent header
 * @param retryPolicy                    what is retried, how often, how long to wait
 * @param redirectAllowedHosts           hosts ({@code host} or {@code host:port}) besides the configured host and
 *                                       {@code *.tiledb.com} that may receive credentials after a redirect
 * @param verifySsl                      verify TLS certificates and host names
 * @param caFile                         a PEM file of CA certificates to trust (instead of the JDK's)
 * @param sslContext                     a ready TLS context; wins over verifySsl and caFile
 * @param proxy                          an HTTP proxy, or null
 * @param clientConfigurer               a hook for anything else, or null
 * @param serverGeneration               classic, workspace, or auto (asked of the server once); null means auto
 * @param workspace                      the session's workspace (name or id) on the workspace platform, the default
 *                                       of every {@code /v4} call that names one; null when none was configured
 */
public record ClientSettings(
        String host,
        Credentials credentials,
        int connectTimeoutMillis,
        int responseTimeoutMillis,
        int connectionRequestTimeoutMillis,
        int maxConnections,
        long callTimeoutMillis,
        long maxResponseBytes,
        String userAgent,
        RetryPolicy retryPolicy,
        List<String> redirectAllowedHosts,
        boolean verifySsl,
        String caFile,
        SSLContext sslContext,
        ProxySettings proxy,
        HttpClientConfigurer clientConfigurer,
        ServerGeneration serverGeneration,
        String workspace) {

    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
    public static final int DEFAULT_RESPONSE_TIMEOUT_MILLIS = 60_000;
    public static final int DEFAULT_CONNECTION_REQUEST_TIMEOUT_MILLIS = 30_000;
    public static final int DEFAULT_MAX_CONNECTIONS = 20;
    /** Five minutes: longer than the default retry budget plus a slow but working answer. */
    public static final long DEFAULT_CALL_TIMEOUT_MILLIS = 300_000;
    /**
     * Sized by the heap, so that it bounds memory and not only bytes: a sixty-fourth of the maximum heap, between 1 MiB
     * and 64 MiB ({@link BoundedInputStream#defaultLimit()}). A listing page of a thousand arrays with metadata is a
     * few MiB.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = BoundedInputStream.defaultLimit();

    public static final String DEFAULT_USER_AGENT = "camel-tiledb";

    public ClientSettings {
        host = TileDBHosts.normalize(host);
        if (credentials == null) {
            throw new TileDBConfigurationException("No TileDB Cloud credentials: set apiKey, or username and password"
                    + " (options, TILEDB_REST_TOKEN, ~/.tiledb/cloud.json or a profile)");
        }
        requirePositive(connectTimeoutMillis, "connectTimeout");
        requirePositive(responseTimeoutMillis, "responseTimeout");
        requirePositive(connectionRequestTimeoutMillis, "connectionRequestTimeout");
        requirePositive(maxConnections, "maxConnections");
        requirePositive(callTimeoutMillis, "callTimeout");
        requirePositive(maxResponseBytes, "maxResponseSize");
        userAgent = Objects.requireNonNullElse(userAgent, DEFAULT_USER_AGENT);
        retryPolicy = Objects.requireNonNullElse(retryPolicy, RetryPolicy.DEFAULT);
        redirectAllowedHosts = redirectAllowedHosts == null ? List.of() : List.copyOf(redirectAllowedHosts);
        serverGeneration = Objects.requireNonNullElse(serverGeneration, ServerGeneration.AUTO);
    }

    /** Defaults for everything but host and API token: handy outside Camel. */
    public static ClientSettings of(String host, String apiKey) {
        return builder()
                .host(host)
                .credentials(new Credentials.ApiKey(apiKey, "code"))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(long value, String option) {
        if (value <= 0) {
            throw new TileDBConfigurationException("The " + option + " option must be positive, was " + value);
        }
    }

    @Override
    public String toString() {
        return "ClientSettings[host=" + host + ", credentials=" + credentials + ", maxConnections=" + maxConnections
                + ", retry=" + retryPolicy + ", verifySsl=" + verifySsl + ", proxy=" + proxy + ", workspace="
                + workspace + "]";
    }

    /** Builds settings; unset values take the defaults above. */
    public static final class Builder {
        private String host;
        private Credentials credentials;
        private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private int responseTimeoutMillis = DEFAULT_RESPONSE_TIMEOUT_MILLIS;
        private int connectionRequestTimeoutMillis = DEFAULT_CONNECTION_REQUEST_TIMEOUT_MILLIS;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private long callTimeoutMillis = DEFAULT_CALL_TIMEOUT_MILLIS;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private String userAgent = DEFAULT_USER_AGENT;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private List<String> redirectAllowedHosts = List.of();
        private boolean verifySsl = true;
        private String caFile;
        private SSLContext sslContext;
        private ProxySettings proxy;
        private HttpClientConfigurer clientConfigurer;
        private ServerGeneration serverGeneration = ServerGeneration.AUTO;
        private String workspace;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder timeouts(int connectMillis, int responseMillis, int connectionRequestMillis) {
            this.connectTimeoutMillis = connectMillis;
            this.responseTimeoutMillis = responseMillis;
            this.connectionRequestTimeoutMillis = connectionRequestMillis;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** The most one call may take, and the largest JSON answer read. */
        public Builder limits(long callTimeoutMillis, long maxResponseBytes) {
            this.callTimeoutMillis = callTimeoutMillis;
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder redirectAllowedHosts(List<String> hosts) {
            this.redirectAllowedHosts = hosts;
            return this;
        }

        public Builder verifySsl(boolean verifySsl) {
            this.verifySsl = verifySsl;
            return this;
        }

        public Builder caFile(String caFile) {
            this.caFile = caFile;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder clientConfigurer(HttpClientConfigurer configurer) {
            this.clientConfigurer = configurer;
            return this;
        }

        public Builder serverGeneration(ServerGeneration serverGeneration) {
            this.serverGeneration = serverGeneration;
            return this;
        }

        public Builder workspace(String workspace) {
            this.workspace = workspace;
            return this;
        }

        public ClientSettings build() {
            return new ClientSettings(
                    host,
                    credentials,
                    connectTimeoutMillis,
                    responseTimeoutMillis,
                    connectionRequestTimeoutMillis,
                    maxConnections,
                    callTimeoutMillis,
                    maxResponseBytes,
                    userAgent,
                    retryPolicy,
                    redirectAllowedHosts,
                    verifySsl,
                    caFile,
                    sslContext,
                    proxy,
                    clientConfigurer,
                    serverGeneration,
                    workspace);
        }
    }
}
