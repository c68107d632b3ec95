package dev.cameltiledb.component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.cameltiledb.client.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The component's Micrometer meters. Only this class touches Micrometer, and it is loaded only when Micrometer is
 * on the class path (see {@link TileDBComponent#metrics()}). Tags hold only bounded values: resource, operation,
 * HTTP method and status, outcome, route id; never an asset, namespace, host, URL or credential.
 */
final class TileDBMetrics {

    static final String REQUESTS = "tiledb.client.requests";
    static final String ERRORS = "tiledb.client.errors";
    static final String RETRIES = "tiledb.client.retries";
    static final String EVENTS = "tiledb.consumer.events";
    static final String POLLS = "tiledb.consumer.polls";
    static final String LAG = "tiledb.consumer.lag";

    private final MeterRegistry registry;
    private final Map<String, RequestListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    TileDBMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry given as the component's option, or the only one in the Camel registry; else null. */
    static TileDBMetrics resolve(Object configured, org.apache.camel.CamelContext context) {
        MeterRegistry registry;
        if (configured != null) {
            if (!(configured instanceof MeterRegistry given)) {
                throw new IllegalArgumentException("The tiledb component's meterRegistry must be a"
                        + " io.micrometer.core.instrument.MeterRegistry, not a "
                        + configured.getClass().getName());
            }
            registry = given;
        } else {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return registry == null ? null : new TileDBMetrics(registry);
    }

    /** The listener that records the HTTP attempts of one resource's operation. */
    RequestListener listener(String resource, String operation) {
        return listeners.computeIfAbsent(
                resource + ' ' + operation, key -> attempt -> record(resource, operation, attempt));
    }

    private void record(String resource, String operation, RequestListener.RequestAttempt attempt) {
        String status = attempt.status() == 0 ? "IO_ERROR" : Integer.toString(attempt.status());
        Tags tags = Tags.of("resource", resource, "operation", operation);
        Timer.builder(REQUESTS)
                .description("HTTP requests sent to TileDB Cloud, each attempt once, by answer")
                .tags(tags)
                .tag("method", attempt.method())
                .tag("status", status)
                .tag("outcome", outcome(attempt.status()))
                .register(registry)
                .record(attempt.durationNanos(), TimeUnit.NANOSECONDS);
        if (attempt.status() == 0 || attempt.status() >= 400) {
            Counter.builder(ERRORS)
                    .description("HTTP requests to TileDB Cloud answered with an error status or not answered")
                    .tags(tags)
                    .tag("status", status)
                    .register(registry)
                    .increment();
        }
        if (attempt.retrying()) {
            Counter.builder(RETRIES)
                    .description("HTTP requests to TileDB Cloud sent again after this answer")
                    .tags(tags)
                    .tag("status", status)
                    .register(registry)
                    .increment();
        }
    }

    private static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }

    /** A consumer polled (whether or not it found anything). */
    void polled(String resource, String routeId) {
        Counter.builder(POLLS)
                .description("Polls of a TileDB consumer")
                .tags(consumerTags(resource, routeId))
                .register(registry)
                .increment();
    }

    /** A consumer delivered an event and its route completed it; {@code at} is when it happened, if known. */
    void delivered(String resource, String routeId, Instant at) {
        Tags tags = consumerTags(resource, routeId);
        Counter.builder(EVENTS)
                .description("Events a TileDB consumer delivered and its route completed")
                .tags(tags)
                .register(registry)
                .increment();
        if (at != null) {
            AtomicLong lag = lags.computeIfAbsent(resource + ' ' + routeId, key -> {
                AtomicLong value = new AtomicLong();
                io.micrometer.core.instrument.Gauge.builder(LAG, value, v -> v.get() / 1000.0)
                        .description("Age of the newest event a TileDB consumer delivered, when it was delivered")
                        .baseUnit("seconds")
                        .tags(tags)
                        .register(registry);
                return value;
            });
            lag.set(Math.max(0, Duration.between(at, Instant.now()).toMillis()));
        }
    }

    private static Tags consumerTags(String resource, String routeId) {
        return Tags.of("resource", resource, "routeId", routeId == null ? "" : routeId);
    }
}
