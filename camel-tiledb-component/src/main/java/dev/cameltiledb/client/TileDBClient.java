package dev.cameltiledb.client;

import java.io.IOException;

/**
 * A TileDB Cloud REST client: thread-safe, one connection pool, usable without Camel.
 *
 * <pre>{@code
 * try (TileDBClient client = new TileDBClient(ClientSettings.of("https://api.tiledb.com", token))) {
 *     ArrayInfo info = client.arrays().info(ArrayRef.parse("tiledb://acme/sales"));
 * }
 * }</pre>
 */
public final class TileDBClient implements AutoCloseable {

    private final ClientSettings settings;
    private final RestTransport transport;
    private final ArraysApi arrays;

    public TileDBClient(ClientSettings settings) {
        this.settings = settings;
        this.transport = new RestTransport(settings);
        this.arrays = new ArraysApi(transport);
    }

    public ClientSettings settings() {
        return settings;
    }

    public ArraysApi arrays() {
        return arrays;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new TileDBConnectionException("Could not close the connection pool to " + settings.host(), e);
        }
    }
}
