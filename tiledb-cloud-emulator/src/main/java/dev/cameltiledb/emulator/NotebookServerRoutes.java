package dev.cameltiledb.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cameltiledb.emulator.common.Router;

/**
 * The notebook server of a namespace, as {@code GET /v1/notebooks/server/{namespace}/status} and
 * {@code DELETE /v1/notebooks/server/{namespace}} see it: not running (status 404 without a body, as the spec declares it), running after
 * {@link TileDBEmulator#startNotebookServer} (status 200 with its uptime and fixed limits), stopped again by the
 * shutdown. The spec has no call that starts a server (the service starts one when a user opens JupyterLab), so the
 * emulator's Java API does. Servers live in memory only. Members of the namespace (the user itself, an organization's
 * members) may see and stop its server; others get 403, and a namespace that does not exist the same bodiless 404.
 */
final class NotebookServerRoutes {

    /** What every emulated server is given: 2 CPUs, 2 GiB of memory, 2 GiB of storage, no GPU. */
    static final long CPU_MILLIS = 2000;

    static final long MEMORY_BYTES = 2L << 30;
    static final long STORAGE_BYTES = 2L << 30;

    private final EmulatorState state;
    /** namespace → when its server started; touched only under the state lock. */
    private final Map<String, Instant> running = new HashMap<>();

    NotebookServerRoutes(EmulatorState state) {
        this.state = state;
    }

    void register(Router<Handler> router) {
        router.add("GET", "/v1/notebooks/server/{namespace}/status", this::status)
                .add("DELETE", "/v1/notebooks/server/{namespace}", this::shutdown);
    }

    /** Starts the namespace's server (a running one keeps its start time). */
    void start(String namespace) {
        state.locked(() -> {
            if (!state.namespaceExists(namespace) || EmulatorState.PUBLIC.equals(namespace)) {
                throw new IllegalArgumentException("no namespace " + namespace);
            }
            running.putIfAbsent(namespace, state.now());
            return null;
        });
    }

    /** A server that is not running is a 404 without a body, as the spec declares it ("Notebook is not running"). */
    private void status(HttpCall call) {
        Map<String, Object> status = state.locked(() -> {
            String namespace = memberNamespace(call);
            Instant started = namespace == null ? null : running.get(namespace);
            if (started == null) {
                return null;
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
            return m;
        });
        if (status == null) {
            call.empty(404);
        } else {
            call.json(200, status);
        }
    }

    private void shutdown(HttpCall call) {
        boolean stopped = state.locked(() -> {
            String namespace = memberNamespace(call);
            return namespace != null && running.remove(namespace) != null;
        });
        call.empty(stopped ? 204 : 404);
    }

    /** The namespace, if the caller is a member; null (a bodiless 404) when it does not exist; else a 403. */
    private String memberNamespace(HttpCall call) {
        String namespace = call.path("namespace");
        if (!state.namespaceExists(namespace) || EmulatorState.PUBLIC.equals(namespace)) {
            return null;
        }
        if (!state.namespacesOf(call.user()).contains(namespace)) {
            throw ApiFailure.forbidden("user " + call.user().username() + " is not a member of namespace " + namespace);
        }
        return namespace;
    }
}
