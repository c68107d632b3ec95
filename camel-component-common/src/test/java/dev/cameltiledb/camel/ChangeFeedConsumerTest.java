package dev.cameltiledb.camel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change feed both components build on, over a listing held in memory. */
class ChangeFeedConsumerTest {

    /** An item of the listing: its id and everything else the feed compares. */
    record Item(String id, String content) {}

    static final class Endpoint extends ScheduledPollEndpoint {
        Endpoint(CamelContext camel) {
            super("demo:feed", null);
            setCamelContext(camel);
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected String createEndpointUri() {
            return "demo:feed";
        }
    }

    /**
     * A feed over {@link #pages}: what it keeps of an item is its content. With {@link #recentOrder}, it also lists
     * the same items most recently changed first ({@link #recency}), {@link #perPage} a page.
     */
    static final class Feed extends ChangeFeedConsumer<Item, String> {

        final List<List<Item>> pages = new ArrayList<>();
        /** A total the listing claims that differs from what it holds: a listing that moved. */
        Long claimedTotal;

        final Map<String, Instant> recency = new HashMap<>();
        boolean recentOrder;
        /** The recent listing comes oldest first: a service whose order is not what it claims. */
        boolean oldestFirst;

        int perPage = 3;
        long now;
        long refreshInterval = Long.MAX_VALUE;
        /** The ids this feed watches (a partition's share); null for all. */
        Set<String> share;

        int fullRequests;
        int recentRequests;

        final Set<String> gone = new CopyOnWriteArraySet<>();
        final StateRepository<String, String> configured;
        boolean initialSnapshot;

        Feed(Endpoint endpoint, Processor processor, StateRepository<String, String> configured) {
            super(endpoint, processor, new KnownState.Codec<>() {
                @Override
                public List<String> fields(String known) {
                    return List.of(known);
                }

                @Override
                public String known(List<String> fields) {
                    return fields.get(0);
                }
            });
            this.configured = configured;
        }

        void list(Item... items) {
            pages.clear();
            pages.add(List.of(items));
        }

        @Override
        protected StateRepository<String, String> configuredState() {
            return configured;
        }

        @Override
        protected String stateKey() {
            return "demo";
        }

        @Override
        protected String scope() {
            return "demo listing";
        }

        @Override
        protected boolean initialSnapshot() {
            return initialSnapshot;
        }

        @Override
        protected ListingPage<Item> fetchRecentPage(int page) {
            if (!recentOrder) {
                return null;
            }
            recentRequests++;
            Comparator<Item> newestFirst =
                    Comparator.comparing((Item i) -> recency.get(i.id())).reversed();
            List<Item> all = pages.stream()
                    .flatMap(List::stream)
                    .sorted(oldestFirst ? newestFirst.reversed() : newestFirst)
                    .toList();
            int from = Math.min(all.size(), (page - 1) * perPage);
            return new ListingPage<>(
                    all.subList(from, Math.min(all.size(), from + perPage)),
                    (long) all.size(),
                    Math.max(1, (all.size() + perPage - 1) / perPage));
        }

        @Override
        protected Instant recencyOf(Item item) {
            return recency.get(item.id());
        }

        @Override
        protected long listingRefreshInterval() {
            return refreshInterval;
        }

        @Override
        protected long now() {
            return now;
        }

        @Override
        protected Map<String, Item> owned(Map<String, Item> items) {
            Map<String, Item> mine = new java.util.LinkedHashMap<>(items);
            if (share != null) {
                mine.keySet().retainAll(share);
            }
            return mine;
        }

        @Override
        protected ListingPage<Item> fetchPage(int page) {
            fullRequests++;
            long total = pages.stream().mapToLong(List::size).sum();
            return new ListingPage<>(
                    page <= pages.size() ? pages.get(page - 1) : List.of(),
                    claimedTotal != null ? claimedTotal : total,
                    pages.size());
        }

        @Override
        protected String idOf(Item item) {
            return item.id();
        }

        @Override
        protected String remember(Item item) {
            return item.content();
        }

        @Override
        protected void compare(String id, String before, String now, Item item, List<Change<String>> changes) {
            if (!before.equals(now)) {
                changes.add(new Change<>(UPDATED, id, item, now));
            }
        }

        @Override
        protected boolean isGone(String id, String known) {
            return gone.contains(id);
        }

        @Override
        protected Object deletedBody(String id, String known) {
            return new Item(id, null);
        }

        @Override
        protected void describe(Message message, Change<String> change) {
            message.setHeader("change", change.type());
        }
    }

    private CamelContext camel;
    private final List<String> delivered = new ArrayList<>();
    private final Set<String> failing = new CopyOnWriteArraySet<>();
    private final List<String> failures = new ArrayList<>();
    private final MemoryStateRepository repository = new MemoryStateRepository();
    private Feed feed;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        feed = new Feed(
                new Endpoint(camel),
                exchange -> {
                    String seen = exchange.getMessage().getHeader("change") + " "
                            + exchange.getMessage().getBody(Item.class).id();
                    if (failing.contains(seen)) {
                        throw new IllegalStateException("refused " + seen);
                    }
                    delivered.add(seen);
                },
                repository);
        feed.setStartScheduler(false);
        feed.setExceptionHandler(new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                failures.add(exception.getMessage());
            }

            @Override
            public void handleException(String message, Throwable exception) {
                failures.add(message);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                failures.add(message);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        feed.stop();
        camel.close();
    }

    private List<String> poll() throws Exception {
        delivered.clear();
        feed.poll();
        return List.copyOf(delivered);
    }

    @Test
    void afterTheBaselineEachPollEmitsWhatChanged() throws Exception {
        feed.list(new Item("a", "1"), new Item("b", "1"));
        feed.start();
        assertEquals(List.of(), poll(), "the first poll records the baseline");
        feed.list(new Item("a", "2"), new Item("c", "1"));
        assertEquals(List.of("updated a", "created c"), poll(), "b is not shown, but nobody says it is gone");
        feed.gone.add("b");
        assertEquals(List.of("deleted b"), poll());
        assertEquals(List.of(), poll(), "a quiet poll emits nothing");
    }

    @Test
    void withInitialSnapshotTheFirstPollEmitsEveryItem() throws Exception {
        feed.initialSnapshot = true;
        feed.list(new Item("a", "1"), new Item("b", "1"));
        feed.start();
        assertEquals(List.of("created a", "created b"), poll());
    }

    @Test
    void theBaselineWaitsForAListingThatHeldStill() throws Exception {
        feed.list(new Item("a", "1"));
        feed.claimedTotal = 2L;
        feed.start();
        assertEquals(List.of(), poll());
        assertNull(repository.getState("demo"), "no baseline from a listing that moved");
        feed.claimedTotal = null;
        poll();
        assertEquals("{\"a\":[\"1\"]}", repository.getState("demo"));
    }

    @Test
    void aChangeWhoseExchangeFailedComesAgainAndTheOthersDoNot() throws Exception {
        feed.list(new Item("a", "1"), new Item("b", "1"));
        feed.start();
        poll();
        feed.list(new Item("a", "2"), new Item("b", "2"));
        failing.add("updated a");
        assertEquals(List.of("updated b"), poll());
        assertEquals(List.of("Processing the updated change of a failed; it comes again on the next poll"), failures);
        failing.clear();
        assertEquals(List.of("updated a"), poll());
    }

    @Test
    void aChangeWhoseSaveFailedComesAgain() throws Exception {
        boolean[] down = {false};
        MemoryStateRepository flaky = new MemoryStateRepository() {
            @Override
            public void setState(String key, String value) {
                if (down[0]) {
                    throw new IllegalStateException("the store is down");
                }
                super.setState(key, value);
            }
        };
        Feed onFlaky = new Feed(new Endpoint(camel), exchange -> delivered.add("updated"), flaky);
        onFlaky.setStartScheduler(false);
        onFlaky.list(new Item("a", "1"));
        onFlaky.start();
        onFlaky.poll();
        onFlaky.list(new Item("a", "2"));
        down[0] = true;
        assertThrows(IllegalStateException.class, onFlaky::poll);
        assertEquals(List.of("updated"), delivered);
        down[0] = false;
        onFlaky.poll();
        assertEquals(List.of("updated", "updated"), delivered, "delivered again: its save never happened");
        onFlaky.poll();
        assertEquals(2, delivered.size(), "saved now");
        onFlaky.stop();
    }

    @Test
    void aConfiguredRepositoryOutlivesTheConsumerItsOwnDoesNot() throws Exception {
        feed.list();
        feed.start();
        feed.stop();
        assertTrue(repository.isStarted(), "the configured repository is the user's to stop");

        Feed withOwn = new Feed(new Endpoint(camel), exchange -> {}, null);
        withOwn.setStartScheduler(false);
        withOwn.start();
        StateRepository<String, String> own = withOwn.state;
        withOwn.stop();
        assertFalse(((MemoryStateRepository) own).isStarted(), "the one it made is stopped with it");
    }

    @Test
    void aStateItCannotReadFailsTheStart() {
        repository.start();
        repository.setState("demo", "{not json");
        assertThrows(IllegalStateException.class, feed::start);
    }
    // ---- the recency order: a poll reads only what changed

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** An item whose recency is {@code minute} minutes after T0. */
    private Item at(String id, String content, int minute) {
        feed.recency.put(id, T0.plusSeconds(60L * minute));
        return new Item(id, content);
    }

    /** A feed with a recency order over a, b, c, d, e (changed at minutes 0 to 4), past its baseline. */
    private void baseline() throws Exception {
        feed.recentOrder = true;
        feed.list(at("a", "1", 0), at("b", "1", 1), at("c", "1", 2), at("d", "1", 3), at("e", "1", 4));
        feed.start();
        assertEquals(List.of(), poll(), "the baseline");
        assertEquals(1, feed.fullRequests, "the baseline is a full listing");
        feed.fullRequests = 0;
        feed.recentRequests = 0;
    }

    @Test
    void aQuietPollReadsOnePageOfTheRecencyOrder() throws Exception {
        baseline();
        assertEquals(List.of(), poll());
        assertEquals(List.of(), poll());
        assertEquals(0, feed.fullRequests);
        assertEquals(2, feed.recentRequests, "one request a poll: e, d (below the mark) end the read");
    }

    @Test
    void createdAndUpdatedItemsComeFromTheRecentRead() throws Exception {
        baseline();
        feed.list(
                at("a", "1", 0), at("b", "1", 1), at("c", "2", 10), at("d", "1", 3), at("e", "1", 4), at("f", "1", 11));
        assertEquals(List.of("created f", "updated c"), poll());
        assertEquals(0, feed.fullRequests, "no full listing");
        assertEquals(2, feed.recentRequests, "f, c, e on the first page; d ends the read on the second");
        feed.recentRequests = 0;
        assertEquals(List.of(), poll(), "the mark moved past them");
        assertEquals(1, feed.recentRequests);
    }

    @Test
    void aDeletionShowsAsAGapAndIsReportedOnceConfirmed() throws Exception {
        baseline();
        feed.list(at("a", "1", 0), at("c", "1", 2), at("d", "1", 3), at("e", "1", 4));
        feed.gone.add("b");
        assertEquals(List.of("deleted b"), poll());
        assertEquals(1, feed.recentRequests, "four listed where five were: a gap");
        assertEquals(1, feed.fullRequests, "so this poll listed whole, and asked about b");
        assertEquals(List.of(), poll());
        assertEquals(1, feed.fullRequests, "and the next reads the recency order again");
    }

    @Test
    void aDeletionHiddenByACreationStillShowsAsAGap() throws Exception {
        baseline();
        feed.list(at("a", "1", 0), at("c", "1", 2), at("d", "1", 3), at("e", "1", 4), at("f", "1", 9));
        feed.gone.add("b");
        assertEquals(List.of("created f", "deleted b"), poll(), "five listed, as before, but one of them is new");
        assertEquals(1, feed.fullRequests);
    }

    @Test
    void aListingThatDoesNotShowAnItemDeletesNothingUntilTheServiceConfirms() throws Exception {
        baseline();
        feed.list(at("a", "1", 0), at("c", "1", 2), at("d", "1", 3), at("e", "1", 4));
        assertEquals(List.of(), poll(), "b is not listed, but nobody says it is gone");
        assertEquals(1, feed.fullRequests);
    }

    @Test
    void aFailedExchangeKeepsTheMarkSoItsChangeComesAgain() throws Exception {
        baseline();
        feed.list(
                at("a", "1", 0), at("b", "1", 1), at("c", "2", 10), at("d", "1", 3), at("e", "1", 4), at("f", "1", 11));
        failing.add("updated c");
        assertEquals(List.of("created f"), poll());
        failing.clear();
        assertEquals(List.of("updated c"), poll(), "read again from the same mark: f is known now, c is not");
        assertEquals(List.of(), poll());
        assertEquals(0, feed.fullRequests, "all of it by the recency order");
    }

    @Test
    void aCutByMaxMessagesPerPollKeepsTheMark() throws Exception {
        feed.setMaxMessagesPerPoll(1);
        baseline();
        feed.list(
                at("a", "1", 0), at("b", "1", 1), at("c", "2", 10), at("d", "1", 3), at("e", "1", 4), at("f", "1", 11));
        assertEquals(List.of("created f"), poll());
        assertEquals(List.of("updated c"), poll());
        assertEquals(List.of(), poll());
        assertEquals(0, feed.fullRequests);
    }

    @Test
    void aChangeThatDoesNotMoveTheOrderComesWithTheNextFullListing() throws Exception {
        feed.refreshInterval = 60_000;
        baseline();
        feed.list(at("a", "2", 0), at("b", "1", 1), at("c", "1", 2), at("d", "1", 3), at("e", "1", 4));
        assertEquals(List.of(), poll(), "a changed without moving in the order");
        feed.now += 59_999;
        assertEquals(List.of(), poll());
        assertEquals(0, feed.fullRequests);
        feed.now += 1;
        assertEquals(List.of("updated a"), poll(), "the refresh interval is up: a full listing");
        assertEquals(1, feed.fullRequests);
    }

    @Test
    void anItemChangedJustBelowTheMarkIsStillRead() throws Exception {
        baseline();
        feed.list(at("a", "1", 0), at("b", "1", 1), at("c", "1", 2), at("d", "1", 3), at("e", "1", 4));
        feed.recency.put("x", T0.plusSeconds(4 * 60 - RecencyMark.OVERLAP.toSeconds()));
        feed.pages.set(0, new ArrayList<>(feed.pages.get(0)));
        feed.pages.get(0).add(new Item("x", "1"));
        assertEquals(List.of("created x"), poll(), "stamped inside the overlap below the newest seen");
        assertEquals(0, feed.fullRequests);
    }

    @Test
    void anOrderThatIsNotNewestFirstMeansFullListingsOnly() throws Exception {
        baseline();
        feed.oldestFirst = true;
        feed.list(at("a", "1", 0), at("b", "1", 1), at("c", "1", 2), at("d", "1", 3), at("e", "2", 4));
        assertEquals(List.of("updated e"), poll());
        feed.oldestFirst = false;
        poll();
        assertEquals(2, feed.fullRequests, "found out once, the order is not read again");
        assertEquals(1, feed.recentRequests);
    }

    @Test
    void aRestartListsWhole() throws Exception {
        baseline();
        feed.stop();
        feed.start();
        poll();
        assertEquals(1, feed.fullRequests, "the state was read afresh: no mark yet");
        poll();
        assertEquals(1, feed.fullRequests);
    }

    @Test
    void aPartitionSeesAGapInTheWholeListingNotOnlyInItsShare() throws Exception {
        feed.share = Set.of("a", "b", "c");
        baseline();
        feed.list(at("a", "1", 0), at("b", "1", 1), at("c", "1", 2), at("e", "1", 4), at("f", "1", 9));
        assertEquals(List.of(), poll(), "d left and f came, neither of this share");
        assertEquals(1, feed.fullRequests, "d's leaving shows through the ids of the whole listing");
        feed.recentRequests = 0;
        feed.list(
                at("a", "1", 0), at("b", "1", 1), at("c", "1", 2), at("e", "1", 4), at("f", "1", 9), at("g", "1", 10));
        assertEquals(List.of(), poll());
        assertEquals(1, feed.fullRequests, "g came through the order: no gap");
        feed.list(
                at("a", "2", 12), at("b", "1", 1), at("c", "1", 2), at("e", "1", 4), at("f", "1", 9), at("g", "1", 10));
        assertEquals(List.of("updated a"), poll());
        assertEquals(1, feed.fullRequests);
    }

    @Test
    void aChangeTheFullListingFoundButDidNotDeliverComesWithTheNextPollWhichListsWholeAgain() throws Exception {
        feed.refreshInterval = 60_000;
        baseline();
        feed.list(at("a", "2", 0), at("b", "1", 1), at("c", "1", 2), at("d", "1", 3), at("e", "1", 4));
        feed.now += 60_000;
        failing.add("updated a");
        assertEquals(List.of(), poll(), "the reconciliation found it, the route refused it");
        failing.clear();
        assertEquals(List.of("updated a"), poll(), "a's order did not move: only a full listing shows it again");
        assertEquals(2, feed.fullRequests);
        assertEquals(List.of(), poll());
        assertEquals(2, feed.fullRequests, "delivered: back to the recency order");
    }

    @Test
    void deletionsACutLeftUnaskedAreAskedAboutOnTheNextPoll() throws Exception {
        feed.setMaxMessagesPerPoll(1);
        baseline();
        feed.list(at("a", "1", 0), at("d", "1", 3), at("e", "1", 4));
        feed.gone.addAll(List.of("b", "c"));
        assertEquals(List.of("deleted b"), poll());
        assertEquals(List.of("deleted c"), poll());
        assertEquals(2, feed.fullRequests, "the second poll listed whole again, although the ids showed no gap");
        assertEquals(List.of(), poll());
        assertEquals(2, feed.fullRequests);
    }
}
