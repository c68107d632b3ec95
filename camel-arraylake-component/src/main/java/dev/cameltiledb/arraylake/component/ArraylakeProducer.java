package dev.cameltiledb.arraylake.component;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/** Runs each message's operation on the endpoint's resource; registers the opt-in producer health check. */
public class ArraylakeProducer extends DefaultProducer {

    private final ArraylakeEndpoint endpoint;
    private final ResourceCalls calls;
    private WritableHealthCheckRepository checks;
    private ArraylakeProducerHealthCheck check;

    ArraylakeProducer(ArraylakeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.calls = ResourceCalls.of(endpoint.getResourceType());
    }

    @Override
    public void process(Exchange exchange) {
        MessageCall call =
                new MessageCall(exchange.getMessage(), endpoint.getConfiguration(), endpoint.getResourceType());
        calls.run(call, endpoint.client());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (!endpoint.getComponent().isHealthCheckProducerEnabled()) {
            return;
        }
        checks = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (checks != null) {
            check = new ArraylakeProducerHealthCheck(
                    endpoint.getComponent().nextProducerCheckId(endpoint.getResourceType()),
                    endpoint.getEndpointUri(),
                    endpoint::client);
            checks.addHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (checks != null && check != null) {
            checks.removeHealthCheck(check);
        }
        check = null;
        super.doStop();
    }
}
