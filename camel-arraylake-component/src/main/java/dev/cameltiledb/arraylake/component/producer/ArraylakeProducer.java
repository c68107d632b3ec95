package dev.cameltiledb.arraylake.component.producer;

import dev.cameltiledb.arraylake.client.ArraylakeApiException;
import dev.cameltiledb.arraylake.component.ArraylakeEndpoint;
import dev.cameltiledb.arraylake.component.ArraylakeResource;
import dev.cameltiledb.camel.ProducerReadinessCheck;
import dev.cameltiledb.camel.ServiceProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;

/** Runs the message's operation on the endpoint's resource. */
public class ArraylakeProducer extends ServiceProducer {

    private final ArraylakeEndpoint endpoint;
    private final ResourceHandler handler;

    public ArraylakeProducer(ArraylakeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.handler = handlerFor(endpoint.getResourceType());
    }

    private static ResourceHandler handlerFor(ArraylakeResource resource) {
        return switch (resource) {
            case repos -> new ReposHandler();
            case buckets -> new BucketsHandler();
            case orgs -> new OrgsHandler();
            case user -> (operation, options, message, client) -> message.setBody(client.user());
            case services -> new ServicesHandler();
        };
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
