package dev.cameltiledb.arraylake.client;

import java.util.List;

import dev.cameltiledb.arraylake.client.model.Org;
import dev.cameltiledb.arraylake.client.model.Principal;

/**
 * The entry point: one pooled HTTP connection manager and one token per client, shared by its API groups. Thread-safe;
 * make one per service and token, and close it when done.
 */
public final class ArraylakeClient implements AutoCloseable {

    private ArraylakeClient(ArraylakeSettings settings) {
        throw new UnsupportedOperationException("not yet");
    }

    public static ArraylakeClient create(ArraylakeSettings settings) {
        return new ArraylakeClient(settings);
    }

    public ArraylakeSettings settings() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Who the token belongs to: a user or an org's API client. */
    public Principal user() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The orgs the caller belongs to. */
    public List<Org> orgs() {
        throw new UnsupportedOperationException("not yet");
    }

    public ReposApi repos() {
        throw new UnsupportedOperationException("not yet");
    }

    public BucketsApi buckets() {
        throw new UnsupportedOperationException("not yet");
    }

    public TokensApi tokens() {
        throw new UnsupportedOperationException("not yet");
    }

    public PermissionsApi permissions() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {}
}
