package dev.cameltiledb.camel;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.camel.Component;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;

/**
 * An endpoint of a REST service whose URI may carry a secret: what Camel shows of it is masked, and its consumers
 * poll less often than Camel's generic 500 ms unless {@code delay} says otherwise.
 */
public abstract class ServiceEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private volatile String rawUri;
    private volatile String sanitizedUri;
    /** Its consumers while they run, found here by the dev consoles: under {@code master:} no route holds them. */
    private final Set<StatefulBatchConsumer> running = new CopyOnWriteArraySet<>();

    protected ServiceEndpoint(String uri, Component component) {
        super(uri, component);
    }

    /**
     * The URI with its secrets masked ({@code apiKey=xxxxxx}): Camel hands this string to exchanges
     * ({@code CamelToEndpoint}), JMX, route dumps and health checks, and a key written into a route URI must reach
     * none of them. Endpoints are looked up by the URI they were created from, never by this string.
     */
    @Override
    public String getEndpointUri() {
        String uri = super.getEndpointUri();
        if (sanitizedUri == null || !uri.equals(rawUri)) {
            // Camel asks for it on every exchange: mask once (a regular expression) and keep the answer
            sanitizedUri = URISupport.sanitizeUri(uri);
            rawUri = uri;
        }
        return sanitizedUri;
    }

    /** The resource the URI names ({@code arrays}), for the dev consoles. */
    public abstract String resourceName();

    /** The operation the URI names, or null (a consumer, or a producer that takes it from each message). */
    public abstract String operationName();

    /** The client the running endpoint calls with (endpoints sharing one give the same object); null when stopped. */
    public abstract Object runningClient();

    /**
     * What {@link #runningClient()} holds and has done, by the names the dev consoles show: {@code leased},
     * {@code available}, {@code pending}, {@code max}, {@code requests}, {@code retries}, {@code deadlineHits}; asked
     * only while it is not null.
     */
    public abstract Map<String, Object> clientUsage();

    /** The endpoint's polling consumers that run now (one per route that reads it, on the node that leads). */
    public Set<StatefulBatchConsumer> runningConsumers() {
        return Set.copyOf(running);
    }

    void started(StatefulBatchConsumer consumer) {
        running.add(consumer);
    }

    void stopped(StatefulBatchConsumer consumer) {
        running.remove(consumer);
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    /**
     * Configures a batch consumer as the URI says, with at most {@code maxMessagesPerPoll} exchanges a poll, and
     * {@code defaultDelay} between polls when the URI gives no {@code delay}: a SaaS API is polled less often than
     * Camel's generic 500 ms, as Camel's own SaaS consumers do.
     */
    protected <T extends ScheduledBatchPollingConsumer> T configureBatchConsumer(
            T consumer, int maxMessagesPerPoll, long defaultDelay) throws Exception {
        consumer.setMaxMessagesPerPoll(maxMessagesPerPoll);
        configureConsumer(consumer);
        if (getDelay() < 0) {
            consumer.setDelay(defaultDelay);
        }
        return consumer;
    }
}
