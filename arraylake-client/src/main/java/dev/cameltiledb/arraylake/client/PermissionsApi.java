package dev.cameltiledb.arraylake.client;

/** Permission checks. */
public final class PermissionsApi {

    PermissionsApi() {}

    public boolean check(String org, String principalId, String resource, String action) {
        throw new UnsupportedOperationException("not yet");
    }
}
