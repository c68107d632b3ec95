package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.ArraylakeApiException;
import dev.cameltiledb.camel.ProducerReadinessCheck;
import dev.cameltiledb.camel.ServiceProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;

/** Runs the message's operation on the endpoint's resource. */
public class ArraylakeProducer extends ServiceProducer {

    private final ArraylakeEndpoint endpoint;
    private final ResourceHandler handler;

    ArraylakeProducer(ArraylakeEndpoint endpoint, ResourceHandler handler) {
        super(endpoint);
        this.endpoint = endpoint;
        this.handler = handler;
    }

    @Override
    protected String resourceName() {
        return endpoint.getResourceType().name();
    }

    /**
     * Does the service answer {@code GET /user} with the endpoint's credentials? Up with the caller's email; the
     * details carry the masked endpoint URI, never a token.
     */
    @Override
    protected HealthCheck createHealthCheck(String id) {
        return new ProducerReadinessCheck(
                id,
                endpoint.getEndpointUri(),
                details -> details.detail("principal", endpoint.client().user().email()),
                e -> e instanceof ArraylakeApiException api ? api.status() : 0);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        MessageOptions options = new MessageOptions(message, endpoint.getConfiguration(), endpoint.getResourceType());
        handler.handle(options.operation(), options, message, endpoint.client());
    }
}
