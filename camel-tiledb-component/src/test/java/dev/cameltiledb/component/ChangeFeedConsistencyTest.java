package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.component.consumer.TileDBChangeConsumer;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Change feeds on a listing that moves while it is paged: untouched assets are never reported, a deletion is reported
 * once it is confirmed, and the state is small and written only when it changed.
 */
class ChangeFeedConsistencyTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();

    private static void churn(String namespace, String name, boolean present) {
        if (present) {
            EMULATOR.seed(new Seed(
                    null, null, List.of(new Seed.SeedArray(namespace, name, null, null, null, null, null, null))));
        } else {
            EMULATOR.removeArray(namespace, name);
        }
    }

    private static Predicate<RecordedExchange> listingOf(String namespace) {
        return x -> x.rawPath().equals("/v1/arrays/browser/owned")
                && List.of(namespace).equals(x.query().get("namespace"));
    }

    /**
     * Starts an arrays change feed polling every 20 ms with {@code options} and {@code state}, recording each change
     * in {@code seen} as "{@code <change> <tiledb:// URI>}".
     */
    private static CamelContext startFeed(String options, StateRepository<String, String> state, List<String> seen)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("feedState", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(SuiteEmulator.uri("arrays", options + "&delay=20&stateRepository=#feedState"))
                        .process(e -> seen.add(e.getMessage().getHeader(TileDBConstants.CHANGE) + " "
                                + e.getMessage().getBody(ArrayInfo.class).tiledbUri()));
            }
        });
        camel.start();
        return camel;
    }

    @Test
    void aListingThatShiftsWhileItIsPagedNeverReportsUntouchedAssets() throws Exception {
        // the churned array sorts first, so each toggle shifts every later page by one
        SuiteEmulator.namespace("feed-shift", 9);
        churn("feed-shift", "0-churn", true);
        AtomicBoolean churnPresent = new AtomicBoolean(true);
        AtomicBoolean churning = new AtomicBoolean();
        AtomicInteger toggles = new AtomicInteger();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountingStateRepository state = new CountingStateRepository();
        EMULATOR.onRequest(r -> {
            // once the snapshot is taken, before every second page of the feed's listing, the churned array appears or
            // disappears: every listing from then on moves while it is paged
            if (churning.get()
                    && r.rawPath().equals("/v1/arrays/browser/owned")
                    && r.query().contains("namespace=feed-shift")
                    && r.query().contains("page=2&")) {
                boolean present = !churnPresent.get();
                churn("feed-shift", "0-churn", present);
                churnPresent.set(present);
                toggles.incrementAndGet();
            }
        });
        try (CamelContext camel = startFeed("namespace=feed-shift&perPage=2", state, seen)) {
            Await.until(() -> state.writes.get() >= 1, "the snapshot");
            churning.set(true);
            Await.until(() -> toggles.get() >= 150, "150 register/deregister toggles between pages");
        } finally {
            EMULATOR.onRequest(null);
        }
        List<String> untouched =
                seen.stream().filter(s -> !s.endsWith("/0-churn")).toList();
        System.out.printf(
                "Shifting listing: %d toggles, %d changes of the churned array, %d of untouched ones%n",
                toggles.get(), seen.size() - untouched.size(), untouched.size());
        assertEquals(List.of(), untouched, "nine arrays nobody touched");
        assertTrue(
                seen.contains("deleted tiledb://feed-shift/0-churn")
                        && seen.contains("created tiledb://feed-shift/0-churn"),
                "the feed still reports the array that really came and went: " + seen);
    }

    @Test
    void aDeletionIsReportedOnceConfirmedAndAQuietPollWritesNoState() throws Exception {
        SuiteEmulator.namespace("feed-quiet", 5);
        CountingStateRepository state = new CountingStateRepository();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Predicate<RecordedExchange> listings = listingOf("feed-quiet");
        try (CamelContext camel = startFeed("namespace=feed-quiet", state, seen)) {
            Await.requests(EMULATOR, listings, 1, "the snapshot");
            Await.until(() -> state.writes.get() == 1, "the snapshot saved");
            Await.requests(EMULATOR, listings, 5, "five quiet polls");
            assertEquals(1, state.writes.get(), "quiet polls write nothing");

            EMULATOR.removeArray("feed-quiet", "a3");
            Await.until(() -> seen.size() >= 1, "the deletion");
            Await.requests(EMULATOR, listings, 3, "three more polls");
            assertEquals(List.of("deleted tiledb://feed-quiet/a3"), seen);
            assertEquals(2, state.writes.get(), "one write for the one change");
            assertTrue(
                    EMULATOR.recordedExchanges().stream()
                            .anyMatch(
                                    x -> x.rawPath().equals("/v1/arrays/feed-quiet/a3/metadata") && x.status() == 404),
                    "confirmed gone by its info");
            String saved = state.getState("tiledb:arrays:feed-quiet");
            assertTrue(saved.length() < 4 * 100, "about 100 bytes an asset, not its description: " + saved);
        }
    }

    @Test
    void listingsThatComeBackEmptyDeleteNothing() throws Exception {
        SuiteEmulator.namespace("feed-empty", 4);
        CountingStateRepository state = new CountingStateRepository();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Predicate<RecordedExchange> listings = listingOf("feed-empty");
        Predicate<RecordedExchange> infos = x -> x.rawPath().matches("/v1/arrays/feed-empty/a[0-9]/metadata");
        try (CamelContext camel = startFeed("namespace=feed-empty", state, seen)) {
            Await.until(() -> state.writes.get() == 1, "the snapshot");
            // every read of one poll sees an empty listing: its recent read (the gap makes the poll list whole), then
            // every attempt of its full listing. The feed must ask about each asset, not delete it
            long infosBefore = Await.count(EMULATOR, infos);
            EMULATOR.faults().answerEmptyListingNext("arrays", 1 + TileDBChangeConsumer.LISTING_ATTEMPTS);
            Await.requests(
                    EMULATOR,
                    listings,
                    1 + TileDBChangeConsumer.LISTING_ATTEMPTS + 3,
                    "the empty answers and three more polls");
            assertEquals(List.of(), seen, "an empty listing alone deletes nothing");
            assertEquals(1, state.writes.get(), "and changes no state");
            assertEquals(infosBefore + 4, Await.count(EMULATOR, infos), "each asset was asked about once, by its info");
        }
    }

    @Test
    void aGroupFeedReportsADeletedGroupOnceItsInfoConfirmsIt() throws Exception {
        SuiteEmulator.namespace("feed-groups", 0);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Predicate<RecordedExchange> listings = x -> x.rawPath().equals("/v1/groups/browser/owned")
                && List.of("feed-groups").equals(x.query().get("namespace"));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(SuiteEmulator.uri("groups", "namespace=feed-groups&delay=20"))
                            .process(e -> seen.add(e.getMessage().getHeader(TileDBConstants.CHANGE) + " "
                                    + e.getMessage()
                                            .getBody(dev.cameltiledb.client.model.GroupInfo.class)
                                            .tiledbUri()));
                    from("direct:groups").to(SuiteEmulator.uri("groups", "namespace=feed-groups"));
                }
            });
            camel.start();
            Await.requests(EMULATOR, listings, 1, "the snapshot");
            var template = camel.createProducerTemplate();
            template.sendBodyAndHeaders(
                    "direct:groups",
                    null,
                    Map.of(
                            TileDBConstants.OPERATION,
                            "create",
                            TileDBConstants.GROUP,
                            "short-lived",
                            TileDBConstants.STORAGE_URI,
                            "s3://bucket/short-lived"));
            Await.until(() -> seen.size() >= 1, "the new group");
            template.sendBodyAndHeaders(
                    "direct:groups",
                    null,
                    Map.of(TileDBConstants.OPERATION, "deregister", TileDBConstants.GROUP, "short-lived"));
            Await.until(() -> seen.size() >= 2, "the deletion");
            Await.requests(EMULATOR, listings, 3, "three more polls");
            assertEquals(
                    List.of("created tiledb://feed-groups/short-lived", "deleted tiledb://feed-groups/short-lived"),
                    seen);
            assertTrue(
                    EMULATOR.recordedExchanges().stream()
                            .anyMatch(
                                    x -> x.rawPath().equals("/v1/groups/feed-groups/short-lived") && x.status() == 404),
                    "confirmed gone by the group's info");
        }
    }
}
