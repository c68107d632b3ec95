package dev.cameltiledb.arraylake.emulator;

import java.util.List;
import java.util.Map;

/**
 * A compute service as the emulator holds it, for tests: its name, type, whether it is public, where it stands, the
 * {@code ServiceConfig} it was enabled with (every field of the model) and the lines its log keeps.
 */
public record ServiceSnapshot(
        String org,
        String name,
        String serviceType,
        boolean isPublic,
        String status,
        int readyReplicas,
        Map<String, Object> config,
        List<String> log) {

    static ServiceSnapshot of(Org org, ComputeService service) {
        return new ServiceSnapshot(
                org.name(),
                service.name(),
                service.serviceType(),
                service.isPublic(),
                service.status(),
                service.readyReplicas(),
                service.config(),
                service.log().lines().stream().map(LogBuffer.Line::text).toList());
    }
}
