package dev.cameltiledb.component;

import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/** Runs the message's operation on the endpoint's resource. */
public class TileDBProducer extends DefaultProducer {

    private final TileDBEndpoint endpoint;
    private final ResourceHandler handler;

    TileDBProducer(TileDBEndpoint endpoint, ResourceHandler handler) {
        super(endpoint);
        this.endpoint = endpoint;
        this.handler = handler;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        MessageOptions options = new MessageOptions(message, endpoint.getConfiguration());
        TileDBOperation operation = options.operation();
        if (!operation.isOfferedBy(endpoint.getResource())) {
            throw new TileDBConfigurationException(endpoint.unsupportedOperationMessage(operation));
        }
        handler.handle(operation, options, message, endpoint.getClient());
    }
}
