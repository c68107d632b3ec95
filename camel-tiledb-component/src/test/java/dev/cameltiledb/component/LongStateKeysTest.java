package dev.cameltiledb.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.component.state.JdbcStateRepository;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 8: a namespace activity stream whose array names make long cursor keys delivers every array, in
 * any state repository (the JDBC one keeps keys of at most 1,024 characters); one stream that fails holds up no
 * other; and a cursor saved under a long key before keys were fitted is still found.
 */
class LongStateKeysTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    /** 120 snowmen: 360 bytes of UTF-8, 1,080 characters percent-encoded. */
    private static final String SNOWMEN = "\u2603".repeat(120);

    /** A namespace whose arrays have one event each; answers the event ids by array name. */
    private static Map<String, String> namespace(String namespace, List<String> arrays) {
        List<Seed.SeedArray> seeds = arrays.stream()
                .map(a -> new Seed.SeedArray(namespace, a, null, null, null, null, null, null))
                .toList();
        EMULATOR.seed(new Seed(null, List.of(new Organization(namespace, Map.of("alice", "owner"))), seeds));
        Instant at = Instant.now().minusSeconds(120);
        Map<String, String> ids = new java.util.HashMap<>();
        for (String a : arrays) {
            ids.put(a, EMULATOR.addActivity(namespace, a, at, "query_read", "alice"));
        }
        return ids;
    }

    private static String activity(String namespace, String options) {
        return "tiledb:activity?namespace=" + namespace + "&host=" + EMULATOR.url() + "&apiKey="
                + SuiteEmulator.ALICE_TOKEN + "&startFrom=beginning&delay=10&" + options;
    }

    private static Predicate<RecordedExchange> polls(String namespace) {
        return x -> x.rawPath().equals("/v1/arrays/browser/owned")
                && List.of(namespace).equals(x.query().get("namespace"));
    }

    /** Runs the stream until {@code expected} ids arrived and three more polls passed; answers what arrived. */
    private static List<String> consume(
            String namespace, StateRepository<String, String> state, ExceptionHandler reports, int expected)
            throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cursorState", state);
            camel.getRegistry().bind("reports", reports);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(activity(namespace, "stateRepository=#cursorState&exceptionHandler=#reports"))
                            .process(e -> ids.add(e.getMessage()
                                    .getBody(ArrayActivityLog.class)
                                    .id()));
                }
            });
            camel.start();
            Await.until(() -> ids.size() >= expected, expected + " events delivered (so far " + ids.size() + ")");
            Await.requests(EMULATOR, polls(namespace), 3, "three more polls, in which nothing more may arrive");
        }
        return new ArrayList<>(ids);
    }

    @Test
    void anArrayOfOneHundredTwentySnowmenStallsNothingInAJdbcStore() throws Exception {
        List<String> arrays = new ArrayList<>(List.of(SNOWMEN));
        for (int i = 0; i < 9; i++) {
            arrays.add("plain-" + i);
        }
        Map<String, String> ids = namespace("keys-snow", arrays);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:keys-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStateRepository jdbc = new JdbcStateRepository(h2);
        List<String> delivered = consume("keys-snow", jdbc, new ConsumerReports(), 10);
        assertEquals(new HashSet<>(ids.values()), new HashSet<>(delivered), "all 10 arrays, once each");
        assertEquals(10, delivered.size());
        // and the snowmen's cursor is saved: after a restart nothing is delivered again
        String later =
                EMULATOR.addActivity("keys-snow", SNOWMEN, Instant.now().minusSeconds(60), "query_write", "alice");
        List<String> again = consume("keys-snow", jdbc, new ConsumerReports(), 1);
        assertEquals(List.of(later), again);
    }

    @Test
    void oneStreamThatKeepsFailingHoldsUpNoOther() throws Exception {
        // listed first, so without care every poll would fail on it before reaching the others
        Map<String, String> ids = namespace("keys-broken", List.of("aa-broken", "b1", "b2", "b3", "b4"));
        MemoryStateRepository memory = new MemoryStateRepository() {
            @Override
            public String getState(String key) {
                if (key.contains("aa-broken")) {
                    throw new IllegalStateException("the store cannot read the cursor of aa-broken");
                }
                return super.getState(key);
            }
        };
        ConsumerReports reports = new ConsumerReports();
        List<String> delivered = consume("keys-broken", memory, reports, 4);
        Set<String> others = new HashSet<>(ids.values());
        others.remove(ids.get("aa-broken"));
        assertEquals(others, new HashSet<>(delivered), "the four other arrays' events");
        assertEquals(4, delivered.size());
        assertTrue(
                reports.texts.stream().anyMatch(t -> t.contains("the store cannot read the cursor of aa-broken")),
                reports.texts.toString());
    }

    @Test
    void aCursorSavedUnderTheWholeLongKeyBeforeIsStillFound() throws Exception {
        String name = "long-" + "x".repeat(300);
        namespace("keys-legacy", List.of(name));
        Map<String, String> keysSaved = new ConcurrentHashMap<>();
        MemoryStateRepository memory = new MemoryStateRepository() {
            @Override
            public void setState(String key, String value) {
                keysSaved.put(key, value);
                super.setState(key, value);
            }
        };
        assertEquals(1, consume("keys-legacy", memory, new ConsumerReports(), 1).size());
        String fitted = keysSaved.keySet().stream()
                .filter(k -> k.contains("#sha256:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fitted key among " + keysSaved.keySet()));
        assertTrue(fitted.length() <= JdbcStateRepository.MAX_KEY_LENGTH, fitted);
        // as an earlier version saved it: the same cursor under the whole key, nothing under the fitted one
        String whole = "tiledb:activity:keys-legacy:*|tiledb://keys-legacy/" + name;
        MemoryStateRepository older = new MemoryStateRepository();
        keysSaved.forEach((k, v) -> older.setState(k.equals(fitted) ? whole : k, v));
        String later =
                EMULATOR.addActivity("keys-legacy", name, Instant.now().minusSeconds(60), "query_write", "alice");
        assertEquals(List.of(later), consume("keys-legacy", older, new ConsumerReports(), 1), "resumed, nothing again");
    }
}
