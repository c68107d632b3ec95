package dev.cameltiledb.client;

import java.io.IOException;

/**
 * A TileDB Cloud REST client: thread-safe, one connection pool, usable without Camel.
 *
 * <pre>{@code
 * try (TileDBClient client = new TileDBClient(ClientSettings.of("https://api.tiledb.com", token))) {
 *     ArrayInfo info = client.arrays().info(AssetRef.parse("tiledb://acme/sales"));
 * }
 * }</pre>
 */
public final class TileDBClient implements AutoCloseable {

    private final ClientSettings settings;
    private final RestTransport transport;
    private final ArraysApi arrays;
    private final UsersApi users;
    private final NotebooksApi notebooks;
    private final GroupsApi groups;

    public TileDBClient(ClientSettings settings) {
        this(settings, Sleeper.THREAD);
    }

    /** With a custom wait between retries, for tests that check the waits without spending them. */
    TileDBClient(ClientSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.transport = new RestTransport(settings, sleeper);
        this.arrays = new ArraysApi(transport);
        this.users = new UsersApi(transport);
        this.notebooks = new NotebooksApi(transport);
        this.groups = new GroupsApi(transport);
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * Classic TileDB Cloud or the workspace platform: {@link ClientSettings#serverGeneration()}, or when that is
     * {@code AUTO}, the server's answer to {@code GET /v4/capabilities}, asked once.
     */
    public ServerGeneration serverGeneration() {
        return transport.serverGeneration();
    }

    public ArraysApi arrays() {
        return arrays;
    }

    public GroupsApi groups() {
        return groups;
    }

    public NotebooksApi notebooks() {
        return notebooks;
    }

    public UsersApi users() {
        return users;
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
