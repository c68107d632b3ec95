package dev.cameltiledb.camel;

import java.util.function.Supplier;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A polling consumer whose progress lives in a {@link StateRepository}, and which moves that progress only past the
 * exchanges that completed. The repository is the configured one, else one in memory made here. It runs while the
 * consumer does (a {@code FileStateRepository} reads its file when started); the consumer stops only the one it made:
 * a configured repository may serve other consumers too, and the user or the Camel context that owns it stops it.
 */
public abstract class StatefulBatchConsumer extends ScheduledBatchPollingConsumer {

    protected StateRepository<String, String> state;
    private boolean ownState;

    protected StatefulBatchConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The repository the endpoint was given ({@code stateRepository}), or null. */
    protected abstract StateRepository<String, String> configuredState();

    @Override
    protected void doStart() throws Exception {
        StateRepository<String, String> configured = configuredState();
        ownState = configured == null;
        state = ownState ? new MemoryStateRepository() : configured;
        ServiceHelper.startService(state);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownState) {
            ServiceHelper.stopService(state);
        }
    }

    /**
     * Processes one exchange of a batch of {@code total}, with Camel's batch properties. Returns true when it
     * completed; a failure is reported to the exception handler (naming {@code what}, written only then: a hot stream
     * delivers tens of thousands of exchanges a second) and returns false, so the caller keeps its progress where it
     * was and the item comes again on the next poll.
     */
    protected boolean deliver(Exchange exchange, int index, int total, Supplier<String> what) {
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
            delivered(exchange);
        } else {
            getExceptionHandler()
                    .handleException(
                            "Processing " + what.get() + " failed; it comes again on the next poll",
                            exchange,
                            exchange.getException());
        }
        releaseExchange(exchange, false);
        return completed;
    }

    /** Called for each exchange that completed, before it is released (metrics). */
    protected void delivered(Exchange exchange) {}
}
