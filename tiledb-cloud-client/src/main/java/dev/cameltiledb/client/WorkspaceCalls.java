package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.model.workspace.Data;
import dev.cameltiledb.client.model.workspace.DataPage;

/**
 * What every {@code /v4} API shares: paths under {@code /v4}, the session's default workspace, and unwrapping the
 * {@code {"data": ...}} envelopes. The workspace-platform calls only make sense on that platform, so each is checked
 * against the server's generation like an asset address.
 */
final class WorkspaceCalls {

    /** What a {@code /v4} call is about: the workspace platform, whatever the names. */
    private static final Address PLATFORM = new Address() {
        @Override
        public boolean isWorkspace() {
            return true;
        }

        @Override
        public List<String> segments() {
            return List.of();
        }

        @Override
        public String describe() {
            return "the /v4 API of the workspace platform";
        }

        @Override
        public String refusedBy(String classicServer) {
            return "Workspaces, teamspaces, assets, folders, files and credentials (the /v4 API) exist only on the"
                    + " workspace platform, but " + classicServer;
        }
    };

    private final RestTransport transport;
    private final String defaultWorkspace;

    WorkspaceCalls(RestTransport transport, String defaultWorkspace) {
        this.transport = transport;
        this.defaultWorkspace = defaultWorkspace;
    }

    /**
     * The workspace given, else the session's ({@code workspace} option, {@code rest.workspace} of the profile,
     * {@code TILEDB_REST_WORKSPACE}, or the one a workspace token names).
     */
    String workspace(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (defaultWorkspace == null || defaultWorkspace.isBlank()) {
            throw new TileDBConfigurationException("No workspace: name one (the workspace option or a"
                    + " tiledb://workspace/teamspace/... address), or set rest.workspace in the profile or"
                    + " TILEDB_REST_WORKSPACE");
        }
        return defaultWorkspace;
    }

    static RestRequest get(String... segments) {
        return RestRequest.get(v4(segments)).about(PLATFORM);
    }

    static RestRequest post(String... segments) {
        return RestRequest.post(v4(segments)).about(PLATFORM);
    }

    static RestRequest put(String... segments) {
        return RestRequest.put(v4(segments)).about(PLATFORM);
    }

    static RestRequest patch(String... segments) {
        return RestRequest.patch(v4(segments)).about(PLATFORM);
    }

    static RestRequest delete(String... segments) {
        return RestRequest.delete(v4(segments)).about(PLATFORM);
    }

    static RestRequest head(String... segments) {
        return RestRequest.head(v4(segments)).about(PLATFORM);
    }

    private static String[] v4(String... segments) {
        List<String> all = new ArrayList<>(segments.length + 1);
        all.add("v4");
        for (String s : segments) {
            AssetRef.requireText(s, "path segment");
            all.add(s);
        }
        return all.toArray(String[]::new);
    }

    /** The {@code data} of a single-object answer. */
    <T> T one(RestRequest request, Class<T> type) {
        Data<T> answer = transport.call(request, transport.dataOf(type));
        if (answer.data() == null) {
            throw new TileDBException(
                    "The answer to " + request.method() + " " + request.path() + " has no data", null);
        }
        return answer.data();
    }

    /** A list answer as a page; its pagination metadata is null when the service sends none. */
    <T> Page<T> page(RestRequest request, Class<T> element) {
        DataPage<T> answer = transport.call(request, transport.dataPageOf(element));
        return new Page<>(answer.data(), answer.paginationMetadata());
    }

    /** A list answer without paging. */
    <T> List<T> list(RestRequest request, Class<T> element) {
        return page(request, element).items();
    }

    /** A call answered without a body worth reading (204). */
    void send(RestRequest request) {
        transport.call(request);
    }

    RestTransport transport() {
        return transport;
    }
}
