package dev.cameltiledb.camel;

import java.util.Map;
import java.util.function.ToIntFunction;

import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * A producer's readiness: does the service answer a cheap call with the endpoint's credentials? Up with what the
 * probe found (who the caller is); down with the error's message and, when the service answered, its HTTP status as
 * {@code http.response.code}. Opt-in like every Camel producer check ({@code camel.health.producersEnabled=true}).
 * Its details carry the masked endpoint URI and what the probe adds, never a credential.
 */
public final class ProducerReadinessCheck extends ReadinessCheck {

    /** The call that proves the service reachable; it writes what it learns as details and throws when it cannot. */
    @FunctionalInterface
    public interface Probe {
        void probe(HealthCheckResultBuilder details);
    }

    private final String sanitizedUri;
    private final Probe probe;
    private final ToIntFunction<RuntimeException> httpStatus;

    /** {@code httpStatus} gives the status of an error the service answered with, 0 for any other. */
    public ProducerReadinessCheck(
            String id, String sanitizedUri, Probe probe, ToIntFunction<RuntimeException> httpStatus) {
        super(id);
        this.sanitizedUri = sanitizedUri;
        this.probe = probe;
        this.httpStatus = httpStatus;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).detail(ENDPOINT_URI, sanitizedUri);
        try {
            probe.probe(builder);
            builder.up();
        } catch (RuntimeException e) {
            builder.down().message(e.getMessage()).error(e);
            int status = httpStatus.applyAsInt(e);
            if (status > 0) {
                builder.detail(HTTP_RESPONSE_CODE, status);
            }
        }
        return builder.build();
    }
}
