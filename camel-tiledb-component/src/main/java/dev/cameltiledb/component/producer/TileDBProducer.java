package dev.cameltiledb.component.producer;

import java.util.Map;

import dev.cameltiledb.camel.ProducerReadinessCheck;
import dev.cameltiledb.camel.ServiceProducer;
import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.RequestListener;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import dev.cameltiledb.component.TileDBOperation;
import dev.cameltiledb.component.TileDBResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;

/** Runs the message's operation on the endpoint's resource. */
public class TileDBProducer extends ServiceProducer {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private final TileDBEndpoint endpoint;
    private final ResourceHandler handler;

    public TileDBProducer(TileDBEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.handler = handlerFor(endpoint.getResource());
    }

    private static ResourceHandler handlerFor(TileDBResource resource) {
        return switch (resource) {
            case activity ->
                throw new IllegalArgumentException("tiledb:activity is a consumer (from); the activity of one"
                        + " array is the activity operation of tiledb:arrays");
            case cells ->
                throw new IllegalArgumentException("tiledb:cells is a consumer (from) of an array's new cells; to read"
                        + " or write cells, use tiledb:arrays with operation read or write");
            case arrays -> new ArraysHandler();
            case groups -> new GroupsHandler();
            case notebooks -> new NotebooksHandler();
            case user -> new UserHandler();
            case workspaces -> new WorkspacesHandler();
            case teamspaces -> new TeamspacesHandler();
            case assets -> new AssetsHandler();
            case folders -> new FoldersHandler();
            case files -> new FilesHandler();
            case credentials -> new CredentialsHandler();
            case tasks -> new TasksHandler();
            case sql -> new SqlHandler();
            case udfs -> new UdfsHandler();
            case taskgraphs -> new TaskGraphsHandler();
        };
    }

    @Override
    protected String resourceName() {
        return endpoint.getResource().name();
    }

    /**
     * Can the producer reach TileDB Cloud with its credentials? {@code GET /v1/user}; the details carry the host and
     * the user, never a credential. None for an endpoint that calls no service ({@code configure}).
     */
    @Override
    protected HealthCheck createHealthCheck(String id) {
        if (!endpoint.needsClient()) {
            return null;
        }
        TileDBClient client = endpoint.getClient();
        return new ProducerReadinessCheck(
                id,
                endpoint.getEndpointUri(),
                details -> {
                    details.detail("host", client.settings().host());
                    details.detail("user", client.users().profile().username());
                },
                e -> e instanceof TileDBApiException api ? api.getStatusCode() : 0);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        MessageOptions options = new MessageOptions(message, endpoint.getConfiguration());
        TileDBOperation operation = options.operation(endpoint.getResource());
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
