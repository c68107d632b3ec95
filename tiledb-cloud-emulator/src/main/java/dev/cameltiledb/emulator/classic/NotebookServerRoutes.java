package dev.cameltiledb.emulator.classic;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;

/**
 * The notebook server of a namespace, as {@code GET /v1/notebooks/server/{namespace}/status} and
 * {@code DELETE /v1/notebooks/server/{namespace}} see it: not running (status 404 without a body, as the spec declares it), running after
 * {@link TileDBEmulator#startNotebookServer} (status 200 with its uptime and fixed limits), stopped again by the
 * shutdown. The spec has no call that starts a server (the service starts one when a user opens JupyterLab), so the
 * emulator's Java API does ({@link dev.cameltiledb.emulator.state.NotebookServers}). Members of the namespace (the user itself, an organization's
 * members) may see and stop its server; others get 403, and a namespace that does not exist the same bodiless 404.
 */
public final class NotebookServerRoutes {

    /** What every emulated server is given: 2 CPUs, 2 GiB of memory, 2 GiB of storage, no GPU. */
    static final long CPU_MILLIS = 2000;

    static final long MEMORY_BYTES = 2L << 30;
    static final long STORAGE_BYTES = 2L << 30;

    private final EmulatorState state;

    public NotebookServerRoutes(EmulatorState state) {
        this.state = state;
    }

    public void register(Router<Handler> router) {
        router.add("GET", "/v1/notebooks/server/{namespace}/status", this::status)
                .add("DELETE", "/v1/notebooks/server/{namespace}", this::shutdown);
    }

    /** A server that is not running is a 404 without a body, as the spec declares it ("Notebook is not running"). */
    private void status(HttpCall call) {
        String namespace = memberNamespace(call);
        Instant started = namespace == null ? null : state.notebookServers().startedAt(namespace);
        if (started == null) {
            call.empty(404);
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", namespace);
        m.put("uptime", Math.max(0, Duration.between(started, state.now()).toSeconds()));
        m.put("cpu_usage", 0);
        m.put("gpu_usage", 0);
        m.put("memory_usage", 0);
        m.put("gpu_limit", 0);
        m.put("memory_limit", MEMORY_BYTES);
        m.put("storage_usage", 0);
        m.put("storage_limit", STORAGE_BYTES);
        m.put("cpu_count", CPU_MILLIS);
        call.json(200, m);
    }

    private void shutdown(HttpCall call) {
        String namespace = memberNamespace(call);
        boolean stopped = namespace != null && state.notebookServers().stop(namespace);
        call.empty(stopped ? 204 : 404);
    }

    /** The namespace, if the caller is a member; null (a bodiless 404) when it does not exist; else a 403. */
    private String memberNamespace(HttpCall call) {
        String namespace = call.path("namespace");
        if (!state.accounts().namespaceExists(namespace) || EmulatorState.PUBLIC.equals(namespace)) {
            return null;
        }
        if (!state.accounts().namespacesOf(call.user()).contains(namespace)) {
            throw ApiFailure.forbidden("user " + call.user().username() + " is not a member of namespace " + namespace);
        }
        return namespace;
    }
}
