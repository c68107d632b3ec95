package dev.cameltiledb.component;

import java.util.Map;

import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBClient;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * A producer's readiness: can it reach TileDB Cloud with its credentials? Calls {@code GET /v1/user}; down with the
 * HTTP status as {@code http.response.code} when the service refuses. Opt-in, like every Camel producer check
 * ({@code camel.health.producersEnabled=true}). Details carry the host and the user, never a credential.
 */
final class TileDBProducerHealthCheck extends ReadinessCheck {

    private final String sanitizedUri;
    private final TileDBClient client;

    TileDBProducerHealthCheck(String id, String sanitizedUri, TileDBClient client) {
        super(id);
        this.sanitizedUri = sanitizedUri;
        this.client = client;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(ENDPOINT_URI, sanitizedUri)
                .detail("host", client.settings().host());
        try {
            builder.detail("user", client.users().profile().username()).up();
        } catch (TileDBApiException e) {
            builder.down().message(e.getMessage()).error(e).detail(HTTP_RESPONSE_CODE, e.getStatusCode());
        } catch (RuntimeException e) {
            builder.down().message(e.getMessage()).error(e);
        }
        return builder.build();
    }
}
