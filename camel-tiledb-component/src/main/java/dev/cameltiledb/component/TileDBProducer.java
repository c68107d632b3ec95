package dev.cameltiledb.component;

import java.util.Map;

import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.RequestListener;
import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.util.URISupport;

/** Runs the message's operation on the endpoint's resource. */
public class TileDBProducer extends DefaultProducer {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

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
        if (endpoint.getComponent().isHealthCheckProducerEnabled() && endpoint.needsClient()) {
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
        if (!endpoint.needsClient() && operation != TileDBOperation.configure) {
            throw new TileDBConfigurationException("The endpoint " + endpoint.getEndpointUri()
                    + " was started for configure, which calls no service, so it has no connection; operation "
                    + operation + " (from header " + TileDBConstants.OPERATION + ") needs an endpoint of its own");
        }
        RequestListener listener =
                endpoint.getComponent().requestListener(endpoint.getResource().name(), operation.name());
        Map<String, String> trace = traceHeaders(message);
        if (listener == null && trace.isEmpty()) {
            handler.handle(operation, options, message, endpoint.getClient());
            return;
        }
        try (RequestContext.Scope scope = RequestContext.open(listener, trace)) {
            handler.handle(operation, options, message, endpoint.getClient());
        }
    }

    /**
     * The W3C trace context of the route's current span, which Camel's tracing (camel-opentelemetry2,
     * camel-telemetry) puts on the message before calling this producer: sent with the calls to TileDB Cloud so that
     * they join the route's trace. Empty without tracing.
     */
    static Map<String, String> traceHeaders(Message message) {
        Object traceparent = message.getHeader(TRACEPARENT);
        if (!(traceparent instanceof String parent) || parent.isBlank()) {
            return Map.of();
        }
        Object tracestate = message.getHeader(TRACESTATE);
        return tracestate instanceof String state && !state.isBlank()
                ? Map.of(TRACEPARENT, parent, TRACESTATE, state)
                : Map.of(TRACEPARENT, parent);
    }
}
