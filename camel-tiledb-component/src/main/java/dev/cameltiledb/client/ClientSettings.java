package dev.cameltiledb.client;

import java.util.Objects;

/**
 * Everything that decides how a {@link TileDBClient} talks to the service. Two equal settings can share one
 * client (and so one connection pool). The token never appears in {@link #toString()}.
 *
 * @param host                           base URL, normalised by {@link TileDBHosts#normalize(String)}
 * @param apiToken                       the API key sent as {@code X-TILEDB-REST-API-KEY}
 * @param connectTimeoutMillis           time to establish a TCP/TLS connection
 * @param responseTimeoutMillis          longest silence while waiting for response data
 * @param connectionRequestTimeoutMillis longest wait for a free pooled connection
 * @param maxConnections                 size of the connection pool (the Python client's {@code threads})
 * @param userAgent                      the User-Agent header
 */
public record ClientSettings(
        String host,
        String apiToken,
        int connectTimeoutMillis,
        int responseTimeoutMillis,
        int connectionRequestTimeoutMillis,
        int maxConnections,
        String userAgent) {

    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
    public static final int DEFAULT_RESPONSE_TIMEOUT_MILLIS = 60_000;
    public static final int DEFAULT_CONNECTION_REQUEST_TIMEOUT_MILLIS = 30_000;
    public static final int DEFAULT_MAX_CONNECTIONS = 20;
    public static final String DEFAULT_USER_AGENT = "camel-tiledb";

    public ClientSettings {
        host = TileDBHosts.normalize(host);
        if (apiToken == null || apiToken.isBlank()) {
            throw new TileDBConfigurationException(
                    "No TileDB Cloud credentials: set the apiToken option (on the endpoint or the component)");
        }
        requirePositive(connectTimeoutMillis, "connectTimeout");
        requirePositive(responseTimeoutMillis, "responseTimeout");
        requirePositive(connectionRequestTimeoutMillis, "connectionRequestTimeout");
        requirePositive(maxConnections, "maxConnections");
        userAgent = Objects.requireNonNullElse(userAgent, DEFAULT_USER_AGENT);
    }

    /** Settings with the defaults for everything but host and token. */
    public static ClientSettings of(String host, String apiToken) {
        return new ClientSettings(host, apiToken, DEFAULT_CONNECT_TIMEOUT_MILLIS, DEFAULT_RESPONSE_TIMEOUT_MILLIS,
                DEFAULT_CONNECTION_REQUEST_TIMEOUT_MILLIS, DEFAULT_MAX_CONNECTIONS, DEFAULT_USER_AGENT);
    }

    private static void requirePositive(int value, String option) {
        if (value <= 0) {
            throw new TileDBConfigurationException(
                    "The " + option + " option must be a positive number of milliseconds or connections, was " + value);
        }
    }

    @Override
    public String toString() {
        return "ClientSettings[host=" + host + ", apiToken=xxxxxx, connectTimeoutMillis=" + connectTimeoutMillis
               + ", responseTimeoutMillis=" + responseTimeoutMillis + ", connectionRequestTimeoutMillis="
               + connectionRequestTimeoutMillis + ", maxConnections=" + maxConnections + ", userAgent=" + userAgent + "]";
    }
}
