package dev.cameltiledb.component.consumer;

import java.time.Instant;

import dev.cameltiledb.camel.PollException;
import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * What the activity consumer and the change feeds record in the component's metrics (when there are any): each
 * poll, the calls a poll makes (operation {@code poll}), each delivered event and its lag; and how a failed call
 * fails the poll.
 */
final class ConsumerMetrics {

    private final TileDBEndpoint endpoint;
    private final ScheduledPollConsumer consumer;

    ConsumerMetrics(TileDBEndpoint endpoint, ScheduledPollConsumer consumer) {
        this.endpoint = endpoint;
        this.consumer = consumer;
    }

    /** Counts a poll. */
    void polled() {
        endpoint.getComponent().consumerPolled(endpoint.getResource().name(), consumer.getRouteId());
    }

    /** The scope a poll's calls are recorded in; close it when they are done. */
    RequestContext.Scope calls() {
        return RequestContext.open(
                endpoint.getComponent().requestListener(endpoint.getResource().name(), "poll"), null);
    }

    /** Counts an exchange that completed, with the lag of its event when it carries one. */
    void delivered(Exchange exchange) {
        Object at = exchange.getMessage().getHeader(TileDBConstants.EVENT_TIME);
        endpoint.getComponent()
                .consumerDelivered(
                        endpoint.getResource().name(), consumer.getRouteId(), at instanceof Instant i ? i : null);
    }

    /** A call the service refused fails the poll with its HTTP status, for Camel's consumer health check. */
    static RuntimeException pollFailure(RuntimeException e) {
        return e instanceof TileDBApiException api
                ? new PollException(api, api.getStatusCode(), api.getServiceMessage())
                : e;
    }
}
