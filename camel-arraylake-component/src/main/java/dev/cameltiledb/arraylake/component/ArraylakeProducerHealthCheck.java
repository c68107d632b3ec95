package dev.cameltiledb.arraylake.component;

import java.util.Map;
import java.util.function.Supplier;

import dev.cameltiledb.arraylake.client.ArraylakeApiException;
import dev.cameltiledb.arraylake.client.ArraylakeClient;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of one producer: does the service answer {@code GET /user} with its credentials? Up with the caller's
 * email; down with the HTTP status ({@code http.response.code}) and the service's detail. Opt-in like every Camel
 * producer check ({@code camel.health.producersEnabled=true}); a readiness check only, since restarting would not
 * mend a service that is down. Its id and details carry the masked endpoint URI, never a token.
 */
final class ArraylakeProducerHealthCheck implements HealthCheck {

    private final String id;
    private final String endpointUri;
    private final Supplier<ArraylakeClient> client;
    private volatile boolean enabled = true;

    ArraylakeProducerHealthCheck(String id, String endpointUri, Supplier<ArraylakeClient> client) {
        this.id = id;
        this.endpointUri = endpointUri;
        this.client = client;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).detail(ENDPOINT_URI, endpointUri);
        try {
            result.detail("principal", client.get().user().email()).up();
        } catch (ArraylakeApiException e) {
            result.detail(HTTP_RESPONSE_CODE, e.status())
                    .message(e.getMessage())
                    .error(e)
                    .down();
        } catch (RuntimeException e) {
            result.message(e.getMessage()).error(e).down();
        }
        return result.build();
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
