package dev.cameltiledb.camel;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polling consumer whose progress lives in a {@link StateRepository}, and which moves that progress only past the
 * exchanges that completed. The repository is the configured one, else one in memory made here. It runs while the
 * consumer does (a {@code FileStateRepository} reads its file when started); the consumer stops only the one it made:
 * a configured repository may serve other consumers too, and the user or the Camel context that owns it stops it.
 * <p>
 * It also says where it stands ({@link #status()}): for the dev consoles, and over JMX, where Camel adds the attributes
 * and operations below to the consumer's MBean. One poll runs at a time, whether the scheduler, {@link #pollNow()} or
 * {@link #resetCursor} started it, so each sees the streams as the one before left them.
 */
@ManagedResource(description = "A polling consumer of camel-tiledb: where its streams stand and how its polls went")
public abstract class StatefulBatchConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(StatefulBatchConsumer.class);

    protected StateRepository<String, String> state;
    private boolean ownState;

    private final ReentrantLock polling = new ReentrantLock();
    private final PollRecord record = new PollRecord();
    /** Where the streams stood at the end of the last poll: read without the lock, by any thread. */
    private volatile StreamPositions positions;
    /** The MBean this consumer registered itself, when a wrapping consumer ({@code master:}) hid it from Camel's. */
    private Object ownMBean;

    protected StatefulBatchConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The repository the endpoint was given ({@code stateRepository}), or null. */
    protected abstract StateRepository<String, String> configuredState();

    /** One poll: what the consumer does each time the scheduler calls (under the poll lock). */
    protected abstract int doPoll() throws Exception;

    /** Where the streams stand now; called by the polling thread, under the poll lock, after the consumer started. */
    protected abstract StreamPositions positions();

    /** What the consumer follows ({@link StreamPositions#kind()}), known before its first poll. */
    protected abstract String streamKind();

    /** The HTTP requests the consumer has sent so far (the difference across a poll is that poll's). */
    protected long requestCount() {
        return 0;
    }

    /** When the event an exchange carries happened, for the lag; null when it does not say. */
    protected Instant eventTime(Exchange exchange) {
        return null;
    }

    /**
     * Moves one stream's cursor to {@code at}: events from then on are delivered (again). Returns what was done, for
     * the log line and the caller. Consumers without a cursor in time refuse, saying why.
     */
    protected String resetStream(String stream, Instant at) throws Exception {
        throw new UnsupportedOperationException(
                "A " + streamKind() + " consumer keeps no cursor in time; it cannot be reset to an instant");
    }

    @Override
    protected void doStart() throws Exception {
        StateRepository<String, String> configured = configuredState();
        ownState = configured == null;
        state = ownState ? new MemoryStateRepository() : configured;
        ServiceHelper.startService(state);
        super.doStart();
        if (getEndpoint() instanceof ServiceEndpoint endpoint) {
            endpoint.started(this);
        }
        manageIfWrapped();
    }

    @Override
    protected void doStop() throws Exception {
        if (getEndpoint() instanceof ServiceEndpoint endpoint) {
            endpoint.stopped(this);
        }
        if (ownMBean != null) {
            getEndpoint().getCamelContext().getManagementStrategy().unmanageObject(ownMBean);
            ownMBean = null;
        }
        super.doStop();
        if (ownState) {
            ServiceHelper.stopService(state);
        }
    }

    /**
     * Camel registers the MBean of each route's consumer; under {@code master:} that is the master's consumer, which
     * starts this one only while the node leads. So this one registers its own MBean then, and removes it when it
     * stops, so that JMX shows it on the node that leads.
     */
    private void manageIfWrapped() {
        CamelContext context = getEndpoint().getCamelContext();
        ManagementStrategy management = context.getManagementStrategy();
        if (management == null || management.getManagementAgent() == null || routeHolding() != null) {
            return;
        }
        try {
            Object mbean = management.getManagementObjectStrategy().getManagedObjectForConsumer(context, this);
            if (mbean != null && !management.isManaged(mbean)) {
                management.manageObject(mbean);
                ownMBean = mbean;
            }
        } catch (Exception e) {
            // what JMX shows must never stop a route from consuming
            LOG.warn("The consumer of route {} is not shown over JMX: {}", routeOf(), e.toString());
        }
    }

    /** The route whose consumer this is, or null when another consumer wraps it. */
    private Route routeHolding() {
        for (Route route : getEndpoint().getCamelContext().getRoutes()) {
            if (route.getConsumer() == this) {
                return route;
            }
        }
        return null;
    }

    /**
     * The id of the route this consumer feeds: its own, or that of the route whose wrapping endpoint ({@code master:})
     * delegates to this consumer's endpoint.
     */
    public String routeOf() {
        if (getRouteId() != null) {
            return getRouteId();
        }
        for (Route route : getEndpoint().getCamelContext().getRoutes()) {
            if (route.getEndpoint() instanceof DelegateEndpoint wrapper && wrapper.getEndpoint() == getEndpoint()) {
                return route.getRouteId();
            }
        }
        return null;
    }

    @Override
    protected final int poll() throws Exception {
        polling.lock();
        try {
            record.started(Instant.now(), requestCount());
            try {
                return doPoll();
            } catch (Exception | Error e) {
                record.failed("poll", e);
                throw e;
            } finally {
                record.finished(requestCount());
                positions = positions();
            }
        } finally {
            polling.unlock();
        }
    }

    /** Where the consumer stands now: its streams as of its last poll, and that poll. */
    public ConsumerStatus status() {
        StreamPositions now = positions;
        return record.status(now == null ? StreamPositions.none(streamKind()) : now, Instant.now());
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
            record.delivered(eventTime(exchange));
            delivered(exchange);
        } else {
            String text = what.get();
            record.failed("processing " + text, exchange.getException());
            getExceptionHandler()
                    .handleException(
                            "Processing " + text + " failed; it comes again on the next poll",
                            exchange,
                            exchange.getException());
        }
        releaseExchange(exchange, false);
        return completed;
    }

    /** Called for each exchange that completed, before it is released (metrics). */
    protected void delivered(Exchange exchange) {}

    // JMX: Camel adds these to the consumer's MBean (the class is a @ManagedResource)

    @ManagedAttribute(description = "What the consumer follows: activity, change feed, cells or tasks")
    public String getStreamKind() {
        return status().positions().kind();
    }

    @ManagedAttribute(description = "How many streams the consumer holds a cursor for")
    public int getStreams() {
        return status().positions().streams();
    }

    @ManagedAttribute(description = "The cursor furthest behind (ISO-8601), empty when none")
    public String getCursorOldest() {
        return text(status().positions().oldest());
    }

    @ManagedAttribute(description = "The cursor furthest ahead (ISO-8601), empty when none")
    public String getCursorNewest() {
        return text(status().positions().newest());
    }

    @ManagedAttribute(description = "Events read and not yet delivered")
    public int getBacklog() {
        return status().positions().backlog();
    }

    @ManagedAttribute(description = "Now minus the time of the newest delivered event, in ms; -1 before the first")
    public long getLagMillis() {
        ConsumerStatus status = status();
        return status.lag() == null ? -1 : status.lag().toMillis();
    }

    @ManagedAttribute(description = "The partitions this node leads: all, k/n of a split, or empty while another leads")
    public String getPartitionsHeld() {
        return String.join(",", status().positions().partitionsHeld());
    }

    @ManagedAttribute(description = "The fence epoch the consumer saves under; -1 when its state store does not fence")
    public long getFenceEpoch() {
        Long epoch = status().positions().fenceEpoch();
        return epoch == null ? -1 : epoch;
    }

    @ManagedAttribute(description = "When the last poll began (ISO-8601), empty before the first")
    public String getLastPoll() {
        return text(status().lastPoll());
    }

    @ManagedAttribute(description = "The HTTP requests the last poll sent, retries included")
    public long getLastPollRequests() {
        return status().lastPollRequests();
    }

    @ManagedAttribute(description = "The last failure of a poll or of a delivered exchange, empty when none")
    public String getLastFailure() {
        String error = status().lastError();
        return error == null ? "" : error;
    }

    /** Polls once now, on the caller's thread, after any poll in progress; returns the exchanges it delivered. */
    @ManagedOperation(description = "Polls now (after a poll in progress); returns the number of exchanges delivered")
    public int pollNow() throws Exception {
        if (!isRunAllowed() || isSuspended()) {
            throw new IllegalStateException("The consumer of " + getEndpoint() + " is not running: start it to poll");
        }
        return poll();
    }

    /**
     * Moves a stream's cursor to an instant, between two polls, and logs who did it: the events of that stream from
     * the instant on are delivered (again) from the next poll.
     */
    @ManagedOperation(
            description = "Moves a stream's cursor to an ISO-8601 instant (events from it on come again); returns what"
                    + " was done")
    public String resetCursor(String stream, String instant) throws Exception {
        Instant at;
        try {
            at = Instant.parse(instant == null ? "" : instant.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "resetCursor's instant must be an ISO-8601 instant such as 2026-12-07T10:00:00Z, was '" + instant
                            + "'");
        }
        if (stream == null || stream.isBlank()) {
            throw new IllegalArgumentException("resetCursor needs the stream whose cursor to move (see the dev"
                    + " console for the streams of route " + routeOf() + ")");
        }
        polling.lock();
        try {
            String done = resetStream(stream.strip(), at);
            positions = positions();
            LOG.warn("{} reset a cursor of route {}: {}", JmxCaller.describe(), routeOf(), done);
            return done;
        } finally {
            polling.unlock();
        }
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
