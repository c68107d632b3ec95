package dev.cameltiledb.client;

/**
 * Knows which {@link ServerGeneration} a client talks to and refuses a request whose asset address belongs to the
 * other platform. With {@code AUTO} the server is asked ({@code GET /v4/capabilities}) at most once per client, and
 * only when it matters: before the first workspace address is sent, or after a classic address met a 404 (a workspace
 * server does not know classic paths). A classic client on a classic server never spends a request on it.
 */
final class ServerDetection {

    private final ServerGeneration configured;
    private final String host;
    private volatile ServerGeneration detected;

    ServerDetection(ServerGeneration configured, String host) {
        this.configured = configured == null ? ServerGeneration.AUTO : configured;
        this.host = host;
        this.detected = this.configured == ServerGeneration.AUTO ? null : this.configured;
    }

    /** The server's generation: the configured one, else asked with {@code GET /v4/capabilities} the first time. */
    ServerGeneration generation(RestTransport transport) {
        ServerGeneration known = detected;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (detected == null) {
                detected = ask(transport);
            }
            return detected;
        }
    }

    private ServerGeneration ask(RestTransport transport) {
        try {
            transport.call(RestRequest.get("v4", "capabilities"));
            return ServerGeneration.WORKSPACE;
        } catch (TileDBNotFoundException classic) {
            return ServerGeneration.CLASSIC; // what libtiledb concludes from a 404 too
        } catch (TileDBException e) {
            // not settled: the next call asks again
            throw new TileDBConnectionException(
                    "Could not tell whether " + host + " is a classic TileDB Cloud server or a workspace server"
                            + " (GET /v4/capabilities failed: " + e.getMessage()
                            + "); set serverGeneration to classic or workspace to skip the question",
                    e);
        }
    }

    /** Fails, before anything is sent, when the address does not fit the server as far as it is known. */
    void check(Address asset, RestTransport transport) {
        if (!asset.isWorkspace() && detected == null) {
            return; // classic is what an undetected server is taken for; a 404 will tell otherwise (notFound)
        }
        mismatch(asset, generation(transport));
    }

    /**
     * After a classic address met a 404: on a workspace server that is the wrong address form, not a missing asset,
     * and the error says so; otherwise the 404 stands.
     */
    RuntimeException notFound(Address asset, TileDBNotFoundException e, RestTransport transport) {
        if (asset == null || asset.isWorkspace() || configured != ServerGeneration.AUTO || detected != null) {
            return e;
        }
        try {
            mismatch(asset, generation(transport));
        } catch (TileDBConfigurationException wrongForm) {
            wrongForm.addSuppressed(e);
            return wrongForm;
        } catch (TileDBException undecided) {
            e.addSuppressed(undecided);
        }
        return e;
    }

    private void mismatch(Address asset, ServerGeneration generation) {
        if (asset.isWorkspace() && generation == ServerGeneration.CLASSIC) {
            throw new TileDBConfigurationException(asset.refusedBy(host + " is a classic TileDB Cloud server"
                    + (configured == ServerGeneration.AUTO ? "" : " (serverGeneration=classic)")));
        }
        if (!asset.isWorkspace() && generation == ServerGeneration.WORKSPACE) {
            throw new TileDBConfigurationException(asset.refusedByWorkspace(host + " is a workspace server"
                    + (configured == ServerGeneration.AUTO ? "" : " (serverGeneration=workspace)")));
        }
    }
}
