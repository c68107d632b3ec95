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
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The activity streams over HTTP to the emulator: an exact start, late arrivals once, and requests per poll that follow
 * what changed (a namespace, a group, a hot array). "Nothing more arrives" is shown by waiting for further polls.
 */
class ActivityStreamsTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();

    private static String activity(String options) {
        return SuiteEmulator.uri("activity", "delay=20&" + options);
    }

    private static Predicate<RecordedExchange> path(String prefix) {
        return x -> x.rawPath().startsWith(prefix);
    }

    /** Reads of an array's activity, through the v1 or the paged v2 endpoint. */
    private static Predicate<RecordedExchange> activityReads(String namespace) {
        return x -> x.rawPath().matches("/v[12]/arrays/" + namespace + "/[^/]+/activity");
    }

    /** Collects delivered event ids, in delivery order. */
    private static final class Sink {
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        final List<String> assets = Collections.synchronizedList(new ArrayList<>());

        int size() {
            return ids.size();
        }
    }

    private static CamelContext start(String uri, Sink sink) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                    sink.assets.add(e.getMessage().getHeader(TileDBConstants.ASSET_URI, String.class));
                    sink.ids.add(e.getMessage().getBody(ArrayActivityLog.class).id());
                });
            }
        });
        camel.start();
        return camel;
    }

    @Test
    void startFromNowDeliversNothingOlderThanTheStartAndALateArrivalOnce() throws Exception {
        SuiteEmulator.namespace("act-now", 1);
        String before = EMULATOR.addActivity("act-now", "a0", Instant.now().minusSeconds(30), "query_read", "alice");
        Sink sink = new Sink();
        Predicate<RecordedExchange> reads = activityReads("act-now");
        try (CamelContext camel = start(activity("namespace=act-now&array=a0&lateArrivalSeconds=60"), sink)) {
            Await.requests(EMULATOR, reads, 2, "two polls after the start");
            Instant started = Instant.now();
            String after = EMULATOR.addActivity("act-now", "a0", started.plusSeconds(2), "query_write", "alice");
            Await.until(() -> sink.size() >= 1, "the event after the start");
            // logged late: it happened before the newest delivered event, after the start
            String late = EMULATOR.addActivity("act-now", "a0", started.plusSeconds(1), "query_read", "alice");
            Await.until(() -> sink.size() >= 2, "the late arrival");
            Await.requests(EMULATOR, reads, 3, "three more polls, in which nothing more may arrive");
            assertEquals(List.of(after, late), sink.ids, "not the event from 30 s before the start (" + before + ")");
        }
    }

    @Test
    void aNamespaceStreamReadsOnlyTheArraysThatChanged() throws Exception {
        SuiteEmulator.namespace("act-cost", 200);
        Sink sink = new Sink();
        Predicate<RecordedExchange> activityReads = activityReads("act-cost");
        // one listing request per poll: the namespace's arrays by last access (or, unpaged, GET /v1/arrays/{namespace})
        Predicate<RecordedExchange> listings = x -> x.rawPath().equals("/v1/arrays/act-cost")
                || x.rawPath().equals("/v1/arrays/browser/owned")
                        && List.of("act-cost").equals(x.query().get("namespace"));
        // quiet arrays are first read at a stable offset inside maxQuietInterval: made long here so that none of the
        // 197 falls due during the test
        try (CamelContext camel = start(activity("namespace=act-cost&maxQuietInterval=100000000000"), sink)) {
            Await.requests(EMULATOR, listings, 3, "the full listing and two polls");
            long readsBefore = Await.count(EMULATOR, activityReads);
            Instant now = Instant.now();
            Set<String> expected = new HashSet<>();
            for (int i : new int[] {7, 42, 199}) {
                expected.add(EMULATOR.addActivity("act-cost", "a" + i, now.plusSeconds(1), "query_write", "alice"));
            }
            Await.until(() -> sink.size() >= 3, "the three events");
            Await.requests(EMULATOR, listings, 3, "three more polls");
            assertEquals(expected, new HashSet<>(sink.ids));
            List<String> readArrays = EMULATOR.recordedExchanges().stream()
                    .filter(activityReads)
                    .skip(readsBefore)
                    .map(x -> x.rawPath().substring(3))
                    .distinct()
                    .toList();
            assertEquals(
                    Set.of(
                            "/arrays/act-cost/a7/activity",
                            "/arrays/act-cost/a42/activity",
                            "/arrays/act-cost/a199/activity"),
                    new HashSet<>(readArrays),
                    "only the changed arrays are read; 197 quiet ones wait for their schedule");
        }
    }

    @Test
    void quietArraysAreEachReadWithinMaxQuietInterval() throws Exception {
        SuiteEmulator.namespace("act-quiet", 12);
        Sink sink = new Sink();
        try (CamelContext camel = start(activity("namespace=act-quiet&maxQuietInterval=100"), sink)) {
            for (int i = 0; i < 12; i++) {
                String read = "/v2/arrays/act-quiet/a" + i + "/activity";
                Await.requests(EMULATOR, x -> x.rawPath().equals(read), 2, "two reads of quiet array a" + i);
            }
            assertEquals(0, sink.size());
        }
    }

    @Test
    void theRequestBudgetCapsAPollAndTheRestFollowLater() throws Exception {
        SuiteEmulator.namespace("act-budget", 30);
        Sink sink = new Sink();
        Predicate<RecordedExchange> listings = x -> x.rawPath().equals("/v1/arrays/browser/owned")
                && List.of("act-budget").equals(x.query().get("namespace"));
        try (CamelContext camel =
                start(activity("namespace=act-budget&maxRequestsPerPoll=4&startFrom=beginning"), sink)) {
            Instant at = Instant.now().minusSeconds(3600);
            Set<String> expected = new HashSet<>();
            IntStream.range(0, 30)
                    .forEach(i -> expected.add(EMULATOR.addActivity("act-budget", "a" + i, at, "create", "alice")));
            Await.until(() -> sink.size() >= 30, "all 30 events");
            assertEquals(expected, new HashSet<>(sink.ids));
            // between two consecutive listing requests (one per poll), at most 4 activity requests
            List<RecordedExchange> all = EMULATOR.recordedExchanges();
            int reads = 0;
            for (RecordedExchange x : all) {
                if (listings.test(x)) {
                    reads = 0;
                } else if (x.rawPath().startsWith("/v2/arrays/act-budget/")) {
                    reads++;
                    assertTrue(reads <= 4, "a poll sent more than maxRequestsPerPoll activity requests");
                }
            }
        }
    }

    @Test
    void aGroupStreamCostsOneRequestPerPollWhateverTheGroupsSize() throws Exception {
        SuiteEmulator.namespace("act-group", 40);
        try (CamelContext api = new DefaultCamelContext()) {
            api.start();
            var template = api.createProducerTemplate();
            template.sendBodyAndHeaders(
                    SuiteEmulator.uri("groups", "namespace=act-group"),
                    null,
                    Map.of(
                            TileDBConstants.OPERATION,
                            "create",
                            TileDBConstants.GROUP,
                            "watched",
                            TileDBConstants.STORAGE_URI,
                            "s3://bucket/watched"));
            template.sendBodyAndHeaders(
                    SuiteEmulator.uri("groups", "namespace=act-group"),
                    null,
                    Map.of(
                            TileDBConstants.OPERATION,
                            "addMembers",
                            TileDBConstants.GROUP,
                            "watched",
                            TileDBConstants.MEMBERS,
                            String.join(
                                    ",",
                                    IntStream.range(0, 40)
                                            .mapToObj(i -> "a" + i)
                                            .toList())));
        }
        Sink sink = new Sink();
        Predicate<RecordedExchange> contentReads = path("/v1/groups/act-group/watched/content_activity");
        try (CamelContext camel = start(activity("namespace=act-group&group=watched&perPage=10"), sink)) {
            Await.requests(EMULATOR, contentReads, 2, "two polls");
            Instant now = Instant.now();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                expected.add(
                        EMULATOR.addActivity("act-group", "a" + (i * 7), now.plusSeconds(1), "query_read", "alice"));
            }
            Await.until(() -> sink.size() >= 5, "the five events");
            long pollsBefore = Await.count(EMULATOR, contentReads);
            Await.requests(EMULATOR, contentReads, 5, "five more polls");
            assertEquals(expected, new HashSet<>(sink.ids));
            assertEquals(5, sink.size(), "each once");
            assertTrue(sink.assets.contains("tiledb://act-group/a7"), sink.assets.toString());
            assertEquals(0, Await.count(EMULATOR, path("/v2/arrays/act-group/")), "no per-array reads");
            // every poll is a single request: a page of one event, the one just past the window, unchanged
            List<RecordedExchange> later = EMULATOR.recordedExchanges().stream()
                    .filter(contentReads)
                    .skip(pollsBefore)
                    .toList();
            assertTrue(
                    later.stream().allMatch(x -> List.of("1").equals(x.query().get("per_page"))),
                    "only the one-event probe is read");
        }
    }

    @Test
    void aHotArrayIsReadPageByPageAndItsCursorWrittenInProportion() throws Exception {
        SuiteEmulator.namespace("act-hot", 1);
        Instant base = Instant.now().minusSeconds(20);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            expected.add(EMULATOR.addActivity("act-hot", "a0", base.plusMillis(i * 2L), "query_read", "alice"));
        }
        CountingStateRepository state = new CountingStateRepository();
        Sink sink = new Sink();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cursorState", (StateRepository<String, String>) state);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(activity("namespace=act-hot&array=a0&startFrom=beginning&lateArrivalSeconds=3600&perPage=500"
                                    + "&stateRepository=#cursorState"))
                            .process(e -> sink.ids.add(e.getMessage()
                                    .getBody(ArrayActivityLog.class)
                                    .id()));
                }
            });
            long started = System.nanoTime();
            camel.start();
            Await.until(() -> sink.size() >= 5000, "5000 events");
            double seconds = (System.nanoTime() - started) / 1e9;
            Await.requests(EMULATOR, activityReads("act-hot"), 2, "two more polls");
            System.out.printf(
                    "Hot array: 5000 events in %.2f s from the start (%.0f events/s), %d cursor writes, %d bytes written%n",
                    seconds, 5000 / seconds, state.writes.get(), state.chars.get());
            long finalSize = state.getState("tiledb:activity:act-hot:a0|tiledb://act-hot/a0")
                    .length();
            assertTrue(
                    state.chars.get() < 40 * finalSize,
                    "cursor bytes written grow with the events, not with their square: " + state.chars.get()
                            + " for a final cursor of " + finalSize);
        }
        assertEquals(5000, sink.size(), "each once");
        assertEquals(expected, new HashSet<>(sink.ids));
        assertTrue(
                EMULATOR.recordedExchanges().stream()
                        .anyMatch(x -> x.rawPath().equals("/v2/arrays/act-hot/a0/activity")
                                && List.of("10").equals(x.query().get("page"))),
                "the tenth page of 500 was read");
        assertFalse(EMULATOR.recordedExchanges().stream()
                .anyMatch(x -> x.rawPath().equals("/v1/arrays/act-hot/a0/activity")));
    }
}
