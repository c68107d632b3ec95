package dev.cameltiledb.component.consumer;

import java.time.Instant;

import dev.cameltiledb.camel.StatefulBatchConsumer;
import dev.cameltiledb.component.TileDBEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;

/**
 * What the activity, cells and task consumers share: their endpoint's state repository, their metrics (each poll's
 * requests counted, each delivered event's time for the lag), and a cursor reset that waits for a partition
 * hand-over to end. The change feeds get the same from {@link TileDBChangeConsumer}.
 */
abstract class TileDBPollingConsumer extends StatefulBatchConsumer {

    protected final TileDBEndpoint endpoint;
    protected final ConsumerMetrics metrics;

    TileDBPollingConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.metrics = new ConsumerMetrics(endpoint, this);
    }

    @Override
    protected StateRepository<String, String> configuredState() {
        return endpoint.getConfiguration().getConsumer().getStateRepository();
    }

    @Override
    protected void delivered(Exchange exchange) {
        metrics.delivered(exchange);
    }

    @Override
    protected long requestCount() {
        return metrics.requests();
    }

    @Override
    protected Instant eventTime(Exchange exchange) {
        return ConsumerMetrics.eventTime(exchange);
    }

    /** Not while the streams are handed over to another node (that lets go of the cursors): see {@link #reset}. */
    @Override
    protected String resetStream(String stream, Instant at) throws Exception {
        return endpoint.handOver().poll(() -> reset(stream, at));
    }

    /** Moves the stream's cursor to {@code at}; says what it did. */
    protected abstract String reset(String stream, Instant at);
}
