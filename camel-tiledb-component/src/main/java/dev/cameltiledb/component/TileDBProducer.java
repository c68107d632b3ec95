package dev.cameltiledb.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.util.URISupport;

/** Runs the message's operation on the endpoint's resource. */
public class TileDBProducer extends DefaultProducer {

    private final TileDBEndpoint endpoint;
    private final ResourceHandler handler;
    private WritableHealthCheckRepository healthChecks;
    private TileDBProducerHealthCheck healthCheck;

    TileDBProducer(TileDBEndpoint endpoint, ResourceHandler handler) {
        super(endpoint);
        this.endpoint = endpoint;
        this.handler = handler;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getComponent().isHealthCheckProducerEnabled()) {
            healthChecks = HealthCheckHelper.getHealthCheckRepository(
                    getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
            if (healthChecks != null) {
                healthCheck = new TileDBProducerHealthCheck(
                        endpoint.getComponent().nextHealthCheckId(endpoint.getResource()),
                        URISupport.sanitizeUri(endpoint.getEndpointUri()),
                        endpoint.getClient());
                healthChecks.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        MessageOptions options = new MessageOptions(message, endpoint.getConfiguration());
        TileDBOperation operation = options.operation();
        operation.requireOfferedBy(endpoint.getResource());
        handler.handle(operation, options, message, endpoint.getClient());
    }
}
