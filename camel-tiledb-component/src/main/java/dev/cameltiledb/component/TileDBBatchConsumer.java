package dev.cameltiledb.component;

import java.time.Instant;

import dev.cameltiledb.client.RequestListener;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * What the activity consumer and the change feeds share: the state repository their progress lives in, and the
 * delivery of one exchange of a batch, whose outcome decides whether that progress may move.
 */
abstract class TileDBBatchConsumer extends ScheduledBatchPollingConsumer {

    protected final TileDBEndpoint endpoint;
    protected StateRepository<String, String> state;
    private boolean ownState;

    TileDBBatchConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        StateRepository<String, String> configured =
                endpoint.getConfiguration().getConsumer().getStateRepository();
        ownState = configured == null;
        state = configured != null ? configured : new MemoryStateRepository();
        // a FileStateRepository reads its file when started and writes it as it goes: it must run while we do
        ServiceHelper.startService(state);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownState) {
            // a configured repository may serve other consumers too (the partitions of one node share one): it
            // stays up; the user or the Camel context that owns it stops it
            ServiceHelper.stopService(state);
        }
    }

    /** Counts a poll in the component's metrics; each {@code poll()} calls it first. */
    protected void countPoll() {
        endpoint.getComponent().consumerPolled(endpoint.getResource().name(), getRouteId());
    }

    /** The listener of the HTTP calls one poll makes (operation {@code poll}); null without metrics. */
    protected RequestListener pollListener() {
        return endpoint.getComponent().requestListener(endpoint.getResource().name(), "poll");
    }

    /**
     * Processes one exchange of a batch of {@code total}, with Camel's batch properties. Returns true when it
     * completed; a failure is reported to the exception handler (naming {@code what}) and returns false, so the
     * caller keeps its progress where it was and the item comes again on the next poll.
     */
    protected boolean deliver(Exchange exchange, int index, int total, String what) {
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean completed = exchange.getException() == null;
        if (completed) {
            Object at = exchange.getMessage().getHeader(TileDBConstants.EVENT_TIME);
            endpoint.getComponent()
                    .consumerDelivered(endpoint.getResource().name(), getRouteId(), at instanceof Instant i ? i : null);
        }
        if (!completed) {
            getExceptionHandler()
                    .handleException(
                            "Processing " + what + " failed; it comes again on the next poll",
                            exchange,
                            exchange.getException());
        }
        releaseExchange(exchange, false);
        return completed;
    }
}
