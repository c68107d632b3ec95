package dev.cameltiledb.arraylake.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.arraylake.client.model.ApiTokenInfo;
import dev.cameltiledb.arraylake.client.model.Org;
import dev.cameltiledb.arraylake.client.model.Principal;
import dev.cameltiledb.arraylake.client.model.UserInfo;
import dev.cameltiledb.rest.AsyncCalls;

/**
 * The entry point: one pooled HTTP client and one token per client, shared by its API groups. Thread-safe; make one
 * per service and token, and close it when done.
 */
public final class ArraylakeClient implements AutoCloseable {

    private final ArraylakeSettings settings;
    private final Transport transport;
    private final ReposApi repos;
    private final BucketsApi buckets;
    private final TokensApi tokens;
    private final PermissionsApi permissions;
    private final ServicesApi services;
    /** What the client has done so far (requests, retries, deadline hits) and its connection pool now. */
    public dev.cameltiledb.rest.ClientStats.Snapshot stats() {
        return transport.stats().snapshot();
    }

    /** The threads of {@link #async()}: made at its first use, shut down by {@link #close()}. */
    private final AsyncCalls.OwnThreads asyncThreads;

    private ArraylakeClient(ArraylakeSettings settings) {
        this.settings = settings;
        this.asyncThreads = new AsyncCalls.OwnThreads("arraylake", settings.maxConnections());
        // a token file is read now, so a missing or broken file fails at creation rather than at the first call
        Bearer bearer = settings.token() != null
                ? Bearer.fixed(settings.token())
                : Bearer.fromFile(TokenFile.read(settings.tokenFile()));
        this.transport = new Transport(settings, baseUri(settings.serviceUri()), bearer);
        this.repos = new ReposApi(transport);
        this.buckets = new BucketsApi(transport);
        this.tokens = new TokensApi(transport);
        this.permissions = new PermissionsApi(transport);
        this.services = new ServicesApi(transport);
    }

    public static ArraylakeClient create(ArraylakeSettings settings) {
        return new ArraylakeClient(settings);
    }

    private static URI baseUri(String serviceUri) {
        try {
            URI uri = URI.create(serviceUri);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ArraylakeException("Invalid Arraylake service URI '" + serviceUri + "': " + e.getMessage());
        }
    }

    public ArraylakeSettings settings() {
        return settings;
    }

    /** Who the token belongs to: a user ({@link UserInfo}) or an org's API client ({@link ApiTokenInfo}). */
    public Principal user() {
        JsonNode node = transport.tree(Call.get("user"));
        Class<? extends Principal> type = node.has("client_id") ? ApiTokenInfo.class : UserInfo.class;
        return Json.MAPPER.convertValue(node, type);
    }

    /** The orgs the caller belongs to. */
    public List<Org> orgs() {
        return transport.read(Call.get("user", "orgs"), new TypeReference<List<Org>>() {});
    }

    public ReposApi repos() {
        return repos;
    }

    public BucketsApi buckets() {
        return buckets;
    }

    public TokensApi tokens() {
        return tokens;
    }

    public PermissionsApi permissions() {
        return permissions;
    }

    /** The org's compute services: the Python client's {@code get_services(org)}. */
    public ServicesApi services() {
        return services;
    }

    /**
     * Asynchronous calls on the client's own threads (the Python package's {@code AsyncClient}): at most
     * {@code maxConnections}, daemon threads named {@code arraylake-async-N}, made as calls come and let go after a
     * minute idle; calls beyond that many wait their turn. See {@link AsyncCalls}.
     */
    public AsyncCalls<ArraylakeClient> async() {
        return asyncThreads.calls(this);
    }

    /** Asynchronous calls on {@code executor}, which stays yours to shut down. See {@link AsyncCalls}. */
    public AsyncCalls<ArraylakeClient> async(Executor executor) {
        return new AsyncCalls<>(this, executor);
    }

    /**
     * Closes the connection pool, and the threads of {@link #async()}: calls still queued there then run and fail at
     * once, so that every future completes.
     */
    @Override
    public void close() {
        asyncThreads.shutdown();
        transport.close();
    }

    @Override
    public String toString() {
        return "ArraylakeClient[" + settings.serviceUri() + ", token from " + settings.tokenSource() + "]";
    }
}
