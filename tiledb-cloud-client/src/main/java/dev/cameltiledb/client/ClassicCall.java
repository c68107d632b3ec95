package dev.cameltiledb.client;

import java.util.List;

/**
 * What a call of the classic platform is about when it names no asset or namespace ({@code GET /v1/public_assets}):
 * it exists on classic TileDB Cloud only, so on a workspace server it is refused, before it is sent when the server's
 * generation is known, with an error that says what to use there instead.
 *
 * @param call        the call as an error names it, such as {@code the public asset listing (GET /v1/public_assets)}
 * @param onWorkspace what serves the need on the workspace platform
 */
record ClassicCall(String call, String onWorkspace) implements Address {

    @Override
    public boolean isWorkspace() {
        return false;
    }

    @Override
    public List<String> segments() {
        return List.of();
    }

    @Override
    public String describe() {
        return call;
    }

    @Override
    public String refusedByWorkspace(String workspaceServer) {
        return call + " exists on classic TileDB Cloud only, but " + workspaceServer + "; " + onWorkspace;
    }
}
