package dev.cameltiledb.camel;

import java.util.ArrayList;
import java.util.List;
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

    /** A feed over {@link #pages}: what it keeps of an item is its content. */
    static final class Feed extends ChangeFeedConsumer<Item, String> {

        final List<List<Item>> pages = new ArrayList<>();
        /** A total the listing claims that differs from what it holds: a listing that moved. */
        Long claimedTotal;

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
        protected ListingPage<Item> fetchPage(int page) {
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
}
