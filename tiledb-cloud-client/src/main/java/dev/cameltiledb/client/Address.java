package dev.cameltiledb.client;

import java.util.List;

/**
 * Where a call goes in TileDB's naming, in either form: an asset ({@link AssetRef}) or a namespace
 * ({@link NamespaceRef}). The form decides the REST path ({@code /namespace} or {@code /workspace/teamspace}) and must
 * fit the server's {@link ServerGeneration}, which the transport checks before sending.
 */
public interface Address {

    /** Whether this is the workspace form ({@code workspace/teamspace...}). */
    boolean isWorkspace();

    /** The REST path segments that name it. */
    List<String> segments();

    /** How an error message shows it. */
    String describe();

    /** The error's text when this workspace-form address meets {@code classicServer} (which names the host). */
    default String refusedBy(String classicServer) {
        return describe() + " is a workspace address (tiledb://workspace/teamspace/path), but " + classicServer
                + "; give a tiledb://namespace/name address";
    }

    /** The error's text when this classic-form address meets {@code workspaceServer} (which names the host). */
    default String refusedByWorkspace(String workspaceServer) {
        return describe() + " is a classic address (tiledb://namespace/name), but " + workspaceServer
                + "; give a tiledb://workspace/teamspace/path address";
    }
}
