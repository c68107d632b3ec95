package dev.cameltiledb.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an idle poll costs, counted in the emulator's request log with polls driven by hand
 * ({@code startScheduler=false}): one request for a one-array or a group stream however many events its late-arrival
 * window holds, the same listing requests for six partitions of a namespace on one node as for one consumer. New
 * events, and events logged late inside the window, are still delivered, each once.
 */
class ActivityIdleCostTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    /** Events in each window: 31 pages of the default 100. */
    private static final int WINDOW_EVENTS = 3_000;

    /** The routes of one CamelContext, each polled by hand, and what they delivered. */
    private static final class Polled implements AutoCloseable {
        final CamelContext camel = new DefaultCamelContext();
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        final List<String> routes = new ArrayList<>();
        /** Polls that failed: none may, or a request count could hide a poll that gave up. */
        final ConsumerReports failures = new ConsumerReports();

        Polled(String... uris) throws Exception {
            camel.getRegistry().bind("failures", failures);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String uri : uris) {
                        String id = "r" + routes.size();
                        routes.add(id);
                        from(SuiteEmulator.uri("activity", "startScheduler=false&exceptionHandler=#failures&" + uri))
                                .routeId(id)
                                .process(e -> ids.add(e.getMessage()
                                        .getBody(ArrayActivityLog.class)
                                        .id()));
                    }
                }
            });
            camel.start();
        }

        /** One poll of each route in turn (a round); returns the requests {@code counted} that it sent. */
        long round(Predicate<RecordedExchange> counted) {
            long before = count(counted);
            for (String route : routes) {
                ((ScheduledPollConsumer) camel.getRoute(route).getConsumer()).run();
            }
            assertEquals(List.of(), failures.texts, "no poll failed");
            return count(counted) - before;
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }

    private static long count(Predicate<RecordedExchange> which) {
        return EMULATOR.recordedExchanges().stream().filter(which).count();
    }

    private static Predicate<RecordedExchange> under(String prefix) {
        return x -> x.rawPath().startsWith(prefix);
    }

    /** {@code WINDOW_EVENTS} events in the last 30 s, spread over the arrays, logged before a stream starts. */
    private static void busyWindow(String namespace, int arrays) {
        Instant base = Instant.now().minusSeconds(30);
        for (int i = 0; i < WINDOW_EVENTS; i++) {
            EMULATOR.addActivity(namespace, "a" + (i % arrays), base.plusMillis(i * 5L), "query_read", "alice");
        }
    }

    /**
     * A stream started after {@link #busyWindow}: its first poll reads the whole window, each idle poll after it is one
     * request, and a new event, one logged late after the start and one logged late before it each cost one full read,
     * the first two delivered once, the third held back by the start.
     */
    private static void idleStream(String namespace, String options, Predicate<RecordedExchange> reads)
            throws Exception {
        try (Polled stream = new Polled(options)) {
            Instant started = Instant.now(); // at or after the stream's start
            assertTrue(stream.round(reads) >= 30, "the first poll reads the whole window");
            for (int poll = 0; poll < 3; poll++) {
                assertEquals(1, stream.round(reads), "an idle poll is one request");
            }
            assertEquals(0, stream.ids.size(), "nothing from before the start");

            String fresh = EMULATOR.addActivity(namespace, "a0", Instant.now(), "query_write", "alice");
            assertTrue(stream.round(reads) > 1, "a new event: the window is read in full");
            assertEquals(List.of(fresh), stream.ids);
            assertEquals(1, stream.round(reads));

            // logged late: after the start, before the newest delivered event
            String late = EMULATOR.addActivity(namespace, "a0", started, "query_read", "alice");
            assertTrue(stream.round(reads) > 1);
            assertEquals(List.of(fresh, late), stream.ids);
            assertEquals(1, stream.round(reads));

            // logged late before the start: read (the window changed), held back by the start, then idle again
            EMULATOR.addActivity(namespace, "a0", started.minusSeconds(60), "query_read", "alice");
            assertTrue(stream.round(reads) > 1);
            assertEquals(1, stream.round(reads));
            assertEquals(1, stream.round(reads));
            assertEquals(List.of(fresh, late), stream.ids, "each once, nothing from before the start");
        }
    }

    @Test
    void anIdleArrayStreamCostsOneRequestPerPollAndStillDeliversNewAndLateEvents() throws Exception {
        SuiteEmulator.namespace("idle-array", 1);
        busyWindow("idle-array", 1);
        idleStream(
                "idle-array",
                "namespace=idle-array&array=a0&lateArrivalSeconds=3600",
                under("/v2/arrays/idle-array/a0/activity"));
    }

    @Test
    void anIdleGroupStreamCostsOneRequestPerPollAndStillDeliversNewAndLateEvents() throws Exception {
        SuiteEmulator.namespace("idle-group", 4);
        try (CamelContext api = new DefaultCamelContext()) {
            api.start();
            String groups = SuiteEmulator.uri("groups", "namespace=idle-group");
            api.createProducerTemplate()
                    .sendBodyAndHeaders(
                            groups,
                            null,
                            Map.of(
                                    TileDBConstants.OPERATION, "create",
                                    TileDBConstants.GROUP, "watched",
                                    TileDBConstants.STORAGE_URI, "s3://bucket/watched"));
            api.createProducerTemplate()
                    .sendBodyAndHeaders(
                            groups,
                            null,
                            Map.of(
                                    TileDBConstants.OPERATION, "addMembers",
                                    TileDBConstants.GROUP, "watched",
                                    TileDBConstants.MEMBERS, "a0,a1,a2,a3"));
        }
        // events older than the window too: the probe asks for the newest of them, just past the window
        Instant old = Instant.now().minusSeconds(7200);
        IntStream.range(0, 5)
                .forEach(i -> EMULATOR.addActivity("idle-group", "a" + i % 4, old.plusSeconds(i), "create", "alice"));
        busyWindow("idle-group", 4);
        Predicate<RecordedExchange> reads = under("/v1/groups/idle-group/watched/content_activity");
        idleStream("idle-group", "namespace=idle-group&group=watched&lateArrivalSeconds=3600", reads);
        assertTrue(
                EMULATOR.recordedExchanges().stream()
                        .filter(reads)
                        .anyMatch(x -> List.of("1").equals(x.query().get("per_page"))
                                && !List.of("1").equals(x.query().get("page"))),
                "the probe asks for the event just past the window");
    }

    @Test
    void sixPartitionsOnOneNodeListOnceAPollRoundAndDeliverEveryEventOnce() throws Exception {
        SuiteEmulator.namespace("idle-parts", 30);
        Predicate<RecordedExchange> listings = x -> x.rawPath().equals("/v1/arrays/browser/owned")
                && List.of("idle-parts").equals(x.query().get("namespace"));
        Predicate<RecordedExchange> all = x -> listings.test(x) || x.rawPath().startsWith("/v2/arrays/idle-parts/");
        String options = "namespace=idle-parts&maxQuietInterval=100000000000";
        long oneConsumer;
        try (Polled single = new Polled(options)) {
            single.round(all); // the full listing
            oneConsumer = single.round(all);
            assertEquals(1, oneConsumer, "one idle consumer: one listing request per poll");
        }
        String[] partitions = IntStream.range(0, 6)
                .mapToObj(p -> options + "&partitions=6&partition=" + p + "&stateKey=parts")
                .toArray(String[]::new);
        try (Polled six = new Polled(partitions)) {
            assertEquals(1, six.round(listings), "the full listing, read once for the six");
            for (int round = 0; round < 3; round++) {
                assertEquals(oneConsumer, six.round(all), "six idle partitions cost what one consumer costs");
            }

            Instant now = Instant.now();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                expected.add(EMULATOR.addActivity("idle-parts", "a" + i, now, "query_write", "alice"));
                if (i % 3 == 0) {
                    expected.add(EMULATOR.addActivity("idle-parts", "a" + i, now, "query_read", "alice"));
                }
            }
            assertEquals(1, six.round(listings), "one listing request for the round that finds 30 changed arrays");
            assertEquals(expected, new HashSet<>(six.ids));
            assertEquals(expected.size(), six.ids.size(), "each once");
            for (int round = 0; round < 2; round++) {
                assertEquals(1, six.round(listings));
            }
            assertEquals(expected.size(), six.ids.size(), "nothing more");
        }
    }
}
