package dev.cameltiledb.component;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.camel.ConsumerStatus;
import dev.cameltiledb.camel.StatefulBatchConsumer;
import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.CellInput;
import dev.cameltiledb.client.cells.WrittenFragment;
import dev.cameltiledb.component.consumer.TileDBCellsConsumer;
import dev.cameltiledb.component.state.JdbcStateRepository;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:cells} against an emulator of its own (so its request log holds only this class's traffic), over
 * HTTP: cells written through the query protocol arrive once each, nothing more arrives on later polls (waited for in
 * the request log, never by sleeping), an idle poll is one request, batches and pages, a failed exchange, a restart
 * from the stored cursor, a take-over in a fencing store.
 */
@Tag("server")
class CellsConsumerTest {

    static final String NS = "cellsns";
    static final String TOKEN = "cells-alice-key-7d1e";

    /** Sparse on id (INT64), with kind (text) and value (FLOAT64). */
    static final String SCHEMA = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "allowsDuplicates":false,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,1000000]},"nullTileExtent":false,
                "tileExtent":{"int64":1000}}]},
             "attributes":[{"name":"kind","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false},
                           {"name":"value","type":"FLOAT64","cellValNum":1,"nullable":false}]}""";

    /** A dense array, which the consumer refuses. */
    static final String DENSE_SCHEMA = """
            {"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "domain":{"type":"INT64","dimensions":[
               {"name":"d","type":"INT64","domain":{"int64":[0,3]},"nullTileExtent":false,"tileExtent":{"int64":4}}]},
             "attributes":[{"name":"v","type":"FLOAT64","cellValNum":1,"nullable":false}]}""";

    /** The timestamp of the cells every array starts with: long before any consumer's start. */
    static final long OLD = 1_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TileDBEmulator emulator;
    private static TileDBClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = TileDBEmulator.builder()
                .recordExchanges()
                .seed(new Seed(
                        List.of(new User("alice", "alice@example.com", "alice-password", List.of(TOKEN))),
                        List.of(new Organization(NS, Map.of("alice", "owner"))),
                        List.of(
                                array("feed", 900, 3),
                                array("paged", 0, 50),
                                array("columns", 0, 50),
                                array("flaky", 0, 20),
                                array("restart", 900, 2),
                                array("fenced", 900, 2),
                                array("instant", 900, 2),
                                array("rewound", 900, 2),
                                new Seed.SeedArray(NS, "grid", null, null, null, null, null, null)
                                        .withCells(
                                                DataPlaneSeed.json(DENSE_SCHEMA),
                                                DataPlaneSeed.json(
                                                        "{\"d\": [0, 1, 2, 3], \"v\": [0.0, 1.0, 2.0, 3.0]}"),
                                                OLD))))
                .build()
                .start();
        client = new TileDBClient(ClientSettings.of(emulator.url(), TOKEN));
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.stop();
    }

    /** An array holding {@code count} cells from id {@code first} on, written at {@link #OLD}. */
    static Seed.SeedArray array(String name, long first, int count) {
        return array(NS, name, first, count);
    }

    /** The same in another namespace. */
    static Seed.SeedArray array(String namespace, String name, long first, int count) {
        List<Long> ids = LongStream.range(first, first + count).boxed().toList();
        Map<String, Object> cells = Map.of(
                "id", ids,
                "kind", ids.stream().map(i -> "old-" + i).toList(),
                "value", ids.stream().map(i -> i * 0.5).toList());
        return new Seed.SeedArray(namespace, name, null, null, null, null, null, null)
                .withCells(DataPlaneSeed.json(SCHEMA), JSON.valueToTree(cells), OLD);
    }

    /** Writes cells {@code from} to {@code to} (inclusive) as one fragment, through the query protocol. */
    static WrittenFragment write(String array, long from, long to) {
        return write(array, from, to, null);
    }

    /** The same at the given fragment timestamp (epoch ms; null: the service's clock). */
    static WrittenFragment write(String array, long from, long to, Long timestamp) {
        ArrayCells schema = client.cells().schema(NS, array);
        List<Map<String, Object>> rows = LongStream.rangeClosed(from, to)
                .mapToObj(i -> Map.<String, Object>of("id", i, "kind", "new-" + i, "value", i * 1.5))
                .toList();
        return client.cells().write(NS, array, schema, CellInput.rows(schema, rows), timestamp);
    }

    static String cells(String array, String options) {
        return "tiledb:cells?host=" + emulator.url() + "&apiKey=" + TOKEN + "&namespace=" + NS + "&array=" + array
                + "&delay=20" + (options.isEmpty() ? "" : "&" + options);
    }

    /** The consumer's polls of an array: its newest fragment's timestamp. */
    static Predicate<RecordedExchange> polls(String array) {
        return x -> x.method().equals("GET")
                && x.rawPath().equals("/v1/arrays/" + NS + "/" + array + "/fragment_end_timestamp");
    }

    /** What one route received: each exchange's body and headers. */
    static final class Received {
        final List<Object> bodies = Collections.synchronizedList(new ArrayList<>());
        final List<Map<String, Object>> headers = Collections.synchronizedList(new ArrayList<>());

        void add(Exchange e) {
            bodies.add(e.getMessage().getBody());
            headers.add(Map.copyOf(e.getMessage().getHeaders()));
        }

        /** The ids of every cell received, in order, whatever the body's shape. */
        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            synchronized (bodies) {
                for (Object body : bodies) {
                    if (body instanceof Map<?, ?> row) {
                        ids.add((Long) row.get("id"));
                    } else if (body instanceof List<?> rows) {
                        rows.forEach(r -> ids.add((Long) ((Map<?, ?>) r).get("id")));
                    } else {
                        long[] column = (long[]) ((CellColumns) body).column("id");
                        for (int i = 0; i < ((CellColumns) body).size(); i++) {
                            ids.add(column[i]);
                        }
                    }
                }
            }
            return ids;
        }
    }

    private static CamelContext route(String uri, Received into) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("cells").process(into::add);
            }
        });
        return camel;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void eachNewFragmentsCellsArriveOnceNothingMoreAndAnIdlePollIsOneRequest() throws Exception {
        Received got = new Received();
        List<WrittenFragment> written = new ArrayList<>();
        try (CamelContext camel = route(cells("feed", ""), got)) {
            camel.start();
            Await.requests(emulator, polls("feed"), 1, "the first poll");
            written.add(write("feed", 1, 3));
            written.add(write("feed", 4, 5));
            Await.until(() -> got.bodies.size() >= 5, "the five new cells");
            int mark = emulator.recordedExchanges().size();
            Await.requests(emulator, polls("feed"), 3, "three more polls, in which nothing more may arrive");
            List<RecordedExchange> after = emulator.recordedExchanges()
                    .subList(mark, emulator.recordedExchanges().size());
            assertTrue(after.size() >= 3);
            assertTrue(
                    after.stream().allMatch(polls("feed")),
                    "an idle poll sends one request, the newest fragment's timestamp: "
                            + after.stream()
                                    .map(x -> x.method() + " " + x.rawPath())
                                    .toList());
        }
        assertEquals(range(1, 5), got.ids(), "every new cell once, in order; the cells written before the start never");
        for (int i = 0; i < 5; i++) {
            Map<?, ?> row = (Map<?, ?>) got.bodies.get(i);
            long id = (Long) row.get("id");
            assertEquals(Map.of("id", id, "kind", "new-" + id, "value", id * 1.5), row, "every field of cell " + id);
            Map<String, Object> h = got.headers.get(i);
            long fragment = written.get(id <= 3 ? 0 : 1).timestamp();
            long start = (Long) h.get(TileDBConstants.WINDOW_START);
            long end = (Long) h.get(TileDBConstants.WINDOW_END);
            assertTrue(start <= fragment && fragment <= end, "cell " + id + "'s fragment is in its window: " + h);
            assertTrue(start > OLD, "the window starts after the old cells: " + h);
            assertEquals("tiledb://" + NS + "/feed", h.get(TileDBConstants.ASSET_URI));
            assertEquals(
                    "tiledb://" + NS + "/feed@" + start + "-" + end + "#" + h.get(TileDBConstants.CELL_INDEX),
                    h.get(TileDBConstants.EVENT_ID));
        }
    }

    /** resetCursor (JMX, the dev console's stream name) moves the array's cursor back: a fragment comes again. */
    @Test
    void aCursorResetToAFragmentsTimestampDeliversItAgain() throws Exception {
        Received got = new Received();
        try (CamelContext camel = route(cells("rewound", ""), got)) {
            camel.start();
            Await.requests(emulator, polls("rewound"), 1, "the first poll");
            write("rewound", 100, 102);
            Await.until(() -> got.ids().size() >= 3, "the first fragment");
            WrittenFragment second = write("rewound", 200, 201);
            Await.until(() -> got.ids().size() >= 5, "the second fragment");
            TileDBCellsConsumer consumer =
                    (TileDBCellsConsumer) camel.getRoute("cells").getConsumer();
            String stream = "tiledb://" + NS + "/rewound";
            assertEquals(List.of(stream), consumer.status().positions().furthestBehind());
            assertEquals(
                    Instant.ofEpochMilli(second.timestamp()),
                    consumer.status().positions().newest());
            IllegalArgumentException other = assertThrows(
                    IllegalArgumentException.class,
                    () -> consumer.resetCursor("tiledb://" + NS + "/paged", Instant.EPOCH.toString()));
            assertTrue(other.getMessage().contains("follows one stream, " + stream), other.getMessage());

            consumer.resetCursor(
                    stream, Instant.ofEpochMilli(second.timestamp()).toString());
            Await.until(() -> got.ids().size() >= 7, "the second fragment again");
            Await.requests(emulator, polls("rewound"), 3, "more polls, in which nothing more may arrive");
        }
        assertEquals(List.of(100L, 101L, 102L, 200L, 201L, 200L, 201L), got.ids());
    }

    @Test
    void fromTheBeginningInBatchesOverSeveralPages() throws Exception {
        Received got = new Received();
        try (CamelContext camel = route(cells("paged", "startFrom=beginning&batchSize=7&readBufferSize=1024"), got)) {
            camel.start();
            Await.until(() -> got.ids().size() >= 50, "the 50 cells written before the start");
            write("paged", 100, 119);
            Await.until(() -> got.ids().size() >= 70, "the 20 written after");
            Await.requests(emulator, polls("paged"), 3, "three more polls, in which nothing more may arrive");
        }
        List<Long> expected = new ArrayList<>(range(0, 49));
        expected.addAll(range(100, 119));
        assertEquals(expected, got.ids(), "every cell once, in order");
        got.bodies.forEach(body -> {
            List<?> batch = assertInstanceOf(List.class, body);
            assertTrue(!batch.isEmpty() && batch.size() <= 7, "a batch of 1 to 7 cells: " + batch.size());
        });
        long reads = emulator.recordedExchanges().stream()
                .filter(x -> x.rawPath().equals("/v2/arrays/" + NS + "/paged/query/submit"))
                .count();
        assertTrue(reads > 2, "a buffer of 1 KiB reads the 50 cells in several pages: " + reads + " requests");
    }

    @Test
    void columnsOneExchangePerPage() throws Exception {
        Received got = new Received();
        try (CamelContext camel =
                route(cells("columns", "startFrom=beginning&cellFormat=columns&readBufferSize=1024"), got)) {
            camel.start();
            Await.until(() -> got.ids().size() >= 50, "the 50 cells");
            Await.requests(emulator, polls("columns"), 3, "three more polls, in which nothing more may arrive");
        }
        assertEquals(range(0, 49), got.ids());
        assertTrue(got.bodies.size() > 1, "several pages: " + got.bodies.size());
        for (int i = 0; i < got.bodies.size(); i++) {
            CellColumns page = assertInstanceOf(CellColumns.class, got.bodies.get(i));
            assertEquals(List.of("id", "kind", "value"), page.names());
            assertInstanceOf(double[].class, page.column("value"));
            assertEquals(page.size(), got.headers.get(i).get(TileDBConstants.CELL_COUNT));
        }
    }

    @Test
    void aFailedExchangeComesAgainAndTheCellsBeforeItDoNot() throws Exception {
        List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
        Map<Long, Integer> attempts = new ConcurrentHashMap<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(cells("flaky", "startFrom=beginning&maxMessagesPerPoll=6"))
                            .process(e -> {
                                long id =
                                        (Long) e.getMessage().getBody(Map.class).get("id");
                                if (attempts.merge(id, 1, Integer::sum) == 1 && id == 7) {
                                    throw new IllegalStateException("the route fails on cell 7 once");
                                }
                                delivered.add(id);
                            });
                }
            });
            camel.start();
            Await.until(() -> delivered.size() >= 20, "the 20 cells");
            Await.requests(emulator, polls("flaky"), 3, "three more polls, in which nothing more may arrive");
        }
        assertEquals(range(0, 19), delivered, "each completed cell once, in order: nothing after 7 overtook it");
        assertEquals(2, attempts.get(7L), "cell 7 was delivered again");
        IntStream.range(0, 20)
                .filter(i -> i != 7)
                .forEach(i -> assertEquals(1, attempts.get((long) i), "cell " + i + " once"));
    }

    @Test
    void aRestartResumesFromTheStoredCursor() throws Exception {
        Path stateFile = dir.resolve("cells-cursor.dat");
        Received first = new Received();
        try (CamelContext camel = withState(stateFile, first)) {
            camel.start();
            Await.requests(emulator, polls("restart"), 1, "the first poll");
            write("restart", 1, 3);
            Await.until(() -> first.ids().size() >= 3, "the three cells of the first run");
            Await.requests(emulator, polls("restart"), 2, "the window closed and saved");
        }
        write("restart", 4, 6); // while no consumer runs
        Received second = new Received();
        try (CamelContext camel = withState(stateFile, second)) {
            camel.start();
            Await.until(() -> second.ids().size() >= 3, "the three cells written while stopped");
            Await.requests(emulator, polls("restart"), 3, "three more polls, in which nothing more may arrive");
        }
        assertEquals(range(1, 3), first.ids());
        assertEquals(range(4, 6), second.ids(), "after the restart only what was written meanwhile");
    }

    private CamelContext withState(Path file, Received into) throws Exception {
        return withStore("restart", FileStateRepository.fileStateRepository(file.toFile()), into);
    }

    private static CamelContext withStore(String array, StateRepository<String, String> store, Received into)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("cursorState", store);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(cells(array, "stateRepository=#cursorState")).process(into::add);
            }
        });
        return camel;
    }

    @Test
    void aConsumerWhoseArrayAnotherTookOverInAFencingStoreDeliversNothingMore() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:cells-fence-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStateRepository store = new JdbcStateRepository(h2);
        Received first = new Received();
        Received second = new Received();
        try (CamelContext one = withStore("fenced", store, first)) {
            one.start();
            Await.requests(emulator, polls("fenced"), 1, "the first consumer's first poll");
            write("fenced", 1, 2);
            Await.until(() -> first.ids().size() >= 2, "the first consumer's two cells");
            Await.requests(emulator, polls("fenced"), 1, "the first consumer's next poll: its window saved");
            try (CamelContext two = withStore("fenced", store, second)) {
                two.start(); // the same cursor in the same store: a newer fence epoch, the first is fenced off
                write("fenced", 3, 4);
                Await.until(() -> second.ids().size() >= 2, "the second consumer's two cells");
                Await.requests(emulator, polls("fenced"), 4, "more polls of both, in which nothing more may arrive");
                // what the dev console and JMX show of the two
                ConsumerStatus fenced =
                        ((StatefulBatchConsumer) one.getRoutes().get(0).getConsumer()).status();
                ConsumerStatus leading =
                        ((StatefulBatchConsumer) two.getRoutes().get(0).getConsumer()).status();
                assertEquals(
                        fenced.positions().fenceEpoch() + 1,
                        leading.positions().fenceEpoch(),
                        "the second took the array over under the next epoch");
                assertTrue(fenced.lastError().contains("TileDBFencedException"), fenced.lastError());
                assertNull(leading.lastError());
            }
        }
        assertEquals(range(1, 2), first.ids());
        assertEquals(range(3, 4), second.ids(), "the new cells once, by the consumer that took the array over");
    }

    @Test
    void startFromAnInstantDeliversTheFragmentsTimestampedFromItOn() throws Exception {
        long now = System.currentTimeMillis();
        write("instant", 1, 2, now - 20_000);
        write("instant", 3, 4, now - 10_000);
        Received got = new Received();
        String from = java.time.Instant.ofEpochMilli(now - 15_000).toString();
        try (CamelContext camel = route(cells("instant", "startFrom=" + from), got)) {
            camel.start();
            Await.until(() -> got.ids().size() >= 2, "the cells of the fragment after the instant");
            Await.requests(emulator, polls("instant"), 3, "three more polls, in which nothing more may arrive");
        }
        assertEquals(range(3, 4), got.ids(), "only the fragment timestamped after the instant");
        assertEquals(now - 15_000, got.headers.get(0).get(TileDBConstants.WINDOW_START));
    }

    @Test
    void aDenseArrayIsRefusedAtEachPollNamingWhyAndNothingIsRead() throws Exception {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Received got = new Received();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the poll's failure comes into the route, where the test sees it
                    from(cells("grid", "startFrom=beginning&bridgeErrorHandler=true"))
                            .onException(Exception.class)
                            .handled(true)
                            .process(e -> failures.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                            .end()
                            .process(got::add);
                }
            });
            camel.start();
            Await.until(() -> failures.size() >= 2, "two polls refusing the dense array");
        }
        assertTrue(got.bodies.isEmpty(), "no cell delivered");
        assertTrue(
                failures.get(0)
                        .getMessage()
                        .startsWith("tiledb:cells follows sparse arrays; tiledb://" + NS + "/grid is dense"),
                failures.get(0).toString());
        assertEquals(
                0,
                emulator.recordedExchanges().stream()
                        .filter(x -> x.rawPath().startsWith("/v2/arrays/" + NS + "/grid/query"))
                        .count(),
                "no read was sent");
    }

    @Test
    void aRouteWithoutAnArrayOrWithPartitionsDoesNotStartAndSaysWhy() {
        assertRefused(
                "tiledb:cells?host=" + emulator.url() + "&apiKey=" + TOKEN + "&namespace=" + NS,
                "tiledb:cells needs the array to follow: the namespace and array options, or tiledbUri");
        assertRefused(cells("feed", "partitions=2&partition=0"), "tiledb:cells follows one array, which is not split");
    }

    private static void assertRefused(String uri, String message) {
        Exception e = assertThrows(Exception.class, () -> {
            try (CamelContext camel = route(uri, new Received())) {
                camel.start();
            }
        });
        Throwable cause = e;
        while (cause != null && !(cause instanceof TileDBConfigurationException)) {
            cause = cause.getCause();
        }
        assertTrue(cause != null && cause.getMessage().startsWith(message), "refused naming why: " + e);
    }
}
