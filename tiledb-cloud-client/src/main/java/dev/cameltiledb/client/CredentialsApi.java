package dev.cameltiledb.client;

import dev.cameltiledb.client.model.workspace.AccessCredential;

/**
 * The storage credentials registered in a workspace ({@code /v4/credentials}). Their secrets arrive in the answer
 * when the service sends them; {@link AccessCredential#toString()} never shows them, and neither does this client's
 * logging.
 */
public final class CredentialsApi {

    private final WorkspaceCalls calls;

    CredentialsApi(WorkspaceCalls calls) {
        this.calls = calls;
    }

    /**
     * One page of a workspace's credentials (the session's workspace when null), optionally of one teamspace (by
     * id), provider ({@code AWS}, {@code AZURE}, {@code GCP}) or type ({@code workspace}, {@code teamspace}).
     */
    public Page<AccessCredential> list(
            String workspace, String teamspaceId, String provider, String type, int page, Integer perPage) {
        return calls.page(
                WorkspaceCalls.get("credentials", calls.workspace(workspace))
                        .query("teamspace_id", teamspaceId)
                        .query("provider", provider)
                        .query("type", type)
                        .query("page", page)
                        .query("per_page", perPage),
                AccessCredential.class);
    }

    /** One credential by name. */
    public AccessCredential get(String workspace, String name, String teamspaceId) {
        return calls.one(
                WorkspaceCalls.get("credentials", calls.workspace(workspace), name)
                        .query("teamspace_id", teamspaceId),
                AccessCredential.class);
    }
}
