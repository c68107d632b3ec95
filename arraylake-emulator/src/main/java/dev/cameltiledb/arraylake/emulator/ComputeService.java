package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A compute service of an org (a Flux endpoint): its name (the deployment name, or the service type's), the
 * {@code ServiceConfig} it was enabled with, where it stands, and its log. The emulator runs nothing: a service is
 * {@code available} once enabled, with its minimum replicas ready, until a test says otherwise.
 */
final class ComputeService {

    private final String name;
    private final Map<String, Object> config;
    private final Instant created;
    private final LogBuffer log = new LogBuffer();
    private String status = "available";
    private int readyReplicas;

    /** @param config every field of the model in its order, nulls included (as {@link ServiceRules#config} makes it) */
    ComputeService(String name, Map<String, Object> config, Instant created) {
        this.name = name;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.created = created;
        this.readyReplicas = config.get("min_replicas") instanceof Number n ? n.intValue() : 0;
        // what a Python ASGI server writes when it starts, the last line as the client's types.py quotes it
        log.append(created, "stderr", "INFO:     Started server process [1]");
        log.append(created, "stderr", "INFO:     Waiting for application startup.");
        log.append(created, "stderr", "INFO:     Application startup complete.");
        log.append(created, "stderr", "INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)");
    }

    String name() {
        return name;
    }

    String serviceType() {
        return (String) config.get("service_type");
    }

    boolean isPublic() {
        return Boolean.TRUE.equals(config.get("is_public"));
    }

    Map<String, Object> config() {
        return config;
    }

    Instant created() {
        return created;
    }

    LogBuffer log() {
        return log;
    }

    String status() {
        return status;
    }

    int readyReplicas() {
        return readyReplicas;
    }

    void status(String status, int readyReplicas) {
        this.status = status;
        this.readyReplicas = readyReplicas;
    }
}
