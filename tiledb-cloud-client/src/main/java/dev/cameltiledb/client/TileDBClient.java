package dev.cameltiledb.client;

import java.io.IOException;
import java.util.concurrent.Executor;

import dev.cameltiledb.rest.AsyncCalls;
import dev.cameltiledb.rest.Sleeper;

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
    private final FileArraysApi fileArrays;
    private final TasksApi tasks;
    private final WorkspacesApi workspaces;
    private final TeamspacesApi teamspaces;
    private final AssetsApi assets;
    private final FoldersApi folders;
    private final FilesApi files;
    private final CredentialsApi credentials;
    private final SqlApi sql;
    private final CellsApi cells;
    private final UdfsApi udfs;
    private final TaskGraphsApi taskGraphs;
    /** The threads of {@link #async()}: made at its first use, shut down by {@link #close()}. */
    private final AsyncCalls.OwnThreads asyncThreads;

    public TileDBClient(ClientSettings settings) {
        this(settings, Sleeper.THREAD);
    }

    /** What the client has done so far (requests, retries, deadline hits) and its connection pool now. */
    public dev.cameltiledb.rest.ClientStats.Snapshot stats() {
        return transport.stats().snapshot();
    }

    /** With a custom wait between retries, for tests that check the waits without spending them. */
    TileDBClient(ClientSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.asyncThreads = new AsyncCalls.OwnThreads("tiledb", settings.maxConnections());
        this.transport = new RestTransport(settings, sleeper);
        this.arrays = new ArraysApi(transport);
        this.users = new UsersApi(transport);
        this.notebooks = new NotebooksApi(transport);
        this.groups = new GroupsApi(transport);
        this.fileArrays = new FileArraysApi(transport);
        this.tasks = new TasksApi(transport);
        WorkspaceCalls v4 = new WorkspaceCalls(transport, settings.workspace());
        this.workspaces = new WorkspacesApi(v4);
        this.teamspaces = new TeamspacesApi(v4);
        this.assets = new AssetsApi(v4);
        this.folders = new FoldersApi(v4);
        this.files = new FilesApi(v4);
        this.credentials = new CredentialsApi(v4);
        this.sql = new SqlApi(transport, this::async);
        this.cells = new CellsApi(transport, arrays);
        this.udfs = new UdfsApi(transport, arrays, this::async);
        this.taskGraphs = new TaskGraphsApi(transport, arrays);
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

    /** Classic TileDB Cloud's file arrays: create, upload, export, download. */
    public FileArraysApi fileArrays() {
        return fileArrays;
    }

    /** The tasks the service ran on arrays, and their stored results. */
    public TasksApi tasks() {
        return tasks;
    }

    /** SQL on TileDB Cloud. */
    /** Array cells read and written over the REST query protocol, without libtiledb. */
    public CellsApi cells() {
        return cells;
    }

    public SqlApi sql() {
        return sql;
    }

    /** User-defined functions: run them, and manage registered ones. */
    public UdfsApi udfs() {
        return udfs;
    }

    /** Task graphs run by the service, their executions, and registered graphs. */
    public TaskGraphsApi taskGraphs() {
        return taskGraphs;
    }

    /** Workspace platform: the session user, its workspaces and their members. */
    public WorkspacesApi workspaces() {
        return workspaces;
    }

    /** Workspace platform: the teamspaces of a workspace and their members. */
    public TeamspacesApi teamspaces() {
        return teamspaces;
    }

    /** Workspace platform: the assets of a teamspace. */
    public AssetsApi assets() {
        return assets;
    }

    /** Workspace platform: the folders of a teamspace. */
    public FoldersApi folders() {
        return folders;
    }

    /** Workspace platform: the files of a teamspace. */
    public FilesApi files() {
        return files;
    }

    /** Workspace platform: the storage credentials of a workspace. */
    public CredentialsApi credentials() {
        return credentials;
    }

    /**
     * Asynchronous calls on the client's own threads: at most {@code maxConnections} (the pool's size, Python's
     * {@code threads}), daemon threads named {@code tiledb-async-N}, made as calls come and let go after a minute
     * idle; calls beyond that many wait their turn. See {@link AsyncCalls}.
     */
    public AsyncCalls<TileDBClient> async() {
        return asyncThreads.calls(this);
    }

    /** Asynchronous calls on {@code executor}, which stays yours to shut down. See {@link AsyncCalls}. */
    public AsyncCalls<TileDBClient> async(Executor executor) {
        return new AsyncCalls<>(this, executor);
    }

    /**
     * Closes the connection pool, and the threads of {@link #async()}: calls still queued there then run and fail at
     * once, so that every future completes.
     */
    @Override
    public void close() {
        asyncThreads.shutdown();
        try {
            transport.close();
        } catch (IOException e) {
            throw new TileDBConnectionException("Could not close the connection pool to " + settings.host(), e);
        }
    }
}
