package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import dev.cameltiledb.camel.PollException;
import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.RequestListener;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * What the consumers record in the component's metrics (when there are any): each poll, the calls a poll makes
 * (operation {@code poll}), each delivered event and its lag; how many requests the consumer sent (always, for the
 * dev console and JMX); and how a failed call fails the poll.
 */
final class ConsumerMetrics {

    private final TileDBEndpoint endpoint;
    private final ScheduledPollConsumer consumer;
    private final LongAdder requests = new LongAdder();

    ConsumerMetrics(TileDBEndpoint endpoint, ScheduledPollConsumer consumer) {
        this.endpoint = endpoint;
        this.consumer = consumer;
    }

    /** Counts a poll. */
    void polled() {
        endpoint.getComponent().consumerPolled(endpoint.getResource().name(), consumer.getRouteId());
    }

    /** The scope a poll's calls are counted and recorded in; close it when they are done. */
    RequestContext.Scope calls() {
        RequestListener meters =
                endpoint.getComponent().requestListener(endpoint.getResource().name(), "poll");
        return RequestContext.open(
                attempt -> {
                    requests.increment();
                    if (meters != null) {
                        meters.attemptFinished(attempt);
                    }
                },
                null);
    }

    /** The HTTP attempts the consumer's calls made so far. */
    long requests() {
        return requests.sum();
    }

    /** Counts an exchange that completed, with the lag of its event when it carries one. */
    void delivered(Exchange exchange) {
        endpoint.getComponent()
                .consumerDelivered(endpoint.getResource().name(), consumer.getRouteId(), eventTime(exchange));
    }

    /** The time of the event an exchange carries ({@code CamelTileDBEventTime}), or null. */
    static Instant eventTime(Exchange exchange) {
        return exchange.getMessage().getHeader(TileDBConstants.EVENT_TIME) instanceof Instant at ? at : null;
    }

    /** A call the service refused fails the poll with its HTTP status, for Camel's consumer health check. */
    static RuntimeException pollFailure(RuntimeException e) {
        return e instanceof TileDBApiException api
                ? new PollException(api, api.getStatusCode(), api.getServiceMessage())
                : e;
    }
}
