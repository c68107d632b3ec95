package dev.cameltiledb.component;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The activity consumer against the emulator over HTTP: volume, order, restarts, failures. */
class ActivityConsumerTest {

    @TempDir
    Path dir;

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();

    /** A namespace of {@code arrays} arrays with {@code perArray} events each, crowded into few seconds. */
    private static Map<String, List<String>> namespaceWithEvents(
            String namespace, int arrays, int perArray, int spreadSeconds) {
        SuiteEmulator.namespace(namespace, arrays);
        Instant base = Instant.now().minusSeconds(600);
        Map<String, List<String>> ids = new HashMap<>();
        for (int i = 0; i < arrays; i++) {
            List<String> list = new ArrayList<>();
            for (int e = 0; e < perArray; e++) {
                // many events share a second; each array's events are in time order
                Instant at = base.plusMillis((long) e * spreadSeconds * 1000 / perArray);
                list.add(EMULATOR.addActivity(
                        namespace, "a" + i, at, e % 2 == 0 ? "query_read" : "query_write", "alice"));
            }
            ids.put("a" + i, list);
        }
        return ids;
    }

    private static String activity(String namespace, String options) {
        return "tiledb:activity?namespace=" + namespace + "&host=" + EMULATOR.url() + "&apiKey="
                + SuiteEmulator.ALICE_TOKEN + "&startFrom=beginning&delay=10&" + options;
    }

    /** A namespace stream's polls: each lists the namespace's arrays (by last access) once. */
    private static java.util.function.Predicate<dev.cameltiledb.emulator.RecordedExchange> polls(String namespace) {
        return x -> x.rawPath().equals("/v1/arrays/browser/owned")
                && List.of(namespace).equals(x.query().get("namespace"));
    }

    /** Collects delivered events per array, in delivery order. */
    private static final class Collector {
        final Map<String, List<ArrayActivityLog>> byArray = new ConcurrentHashMap<>();
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());

        void add(String array, ArrayActivityLog event) {
            byArray.computeIfAbsent(array, a -> Collections.synchronizedList(new ArrayList<>()))
                    .add(event);
            ids.add(event.id());
        }
    }

    private static Collector run(String namespace, String uri, int expected, int seconds) throws Exception {
        Collector collector = new Collector();
        CountDownLatch done = new CountDownLatch(expected);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).process(e -> {
                        collector.add(
                                e.getMessage().getHeader(TileDBConstants.ARRAY, String.class),
                                e.getMessage().getBody(ArrayActivityLog.class));
                        done.countDown();
                    });
                }
            });
            camel.start();
            assertTrue(done.await(seconds, TimeUnit.SECONDS), "delivered " + collector.ids.size() + " of " + expected);
            Await.requests(EMULATOR, polls(namespace), 3, "a few more polls, in which nothing more may arrive");
        }
        return collector;
    }

    @Test
    void tenThousandEventsOverFiftyArraysAllInOrderNoDuplicates() throws Exception {
        Map<String, List<String>> expected = namespaceWithEvents("act-volume", 50, 200, 20);
        long started = System.nanoTime();
        Collector got = run("act-volume", activity("act-volume", "maxMessagesPerPoll=500"), 10_000, 120);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Activity consumer: delivered %d of %d events (%d distinct) in %.1f s, %.0f events/s"
                        + " (50 arrays, maxMessagesPerPoll=500, emulator on loopback)%n",
                got.ids.size(), 10_000, new HashSet<>(got.ids).size(), seconds, got.ids.size() / seconds);
        assertEquals(10_000, got.ids.size());
        assertEquals(10_000, new HashSet<>(got.ids).size(), "no duplicates");
        expected.forEach((array, ids) -> assertEquals(
                ids,
                got.byArray.get(array).stream().map(ArrayActivityLog::id).toList(),
                "every event of " + array + ", in order"));
    }

    @Test
    void restartWithAFileStateRepositoryResumesExactly() throws Exception {
        Map<String, List<String>> expected = namespaceWithEvents("act-restart", 5, 60, 10);
        Set<String> all = new HashSet<>();
        expected.values().forEach(all::addAll);
        Path stateFile = dir.resolve("cursor.dat");

        List<String> first = consumeThenStop("act-restart", stateFile, 130);
        List<String> second = consumeThenStop("act-restart", stateFile, all.size() - first.size());
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        System.out.printf(
                "Activity restart: first run %d, second run %d, union %d of %d%n",
                first.size(), second.size(), union.size(), all.size());
        assertEquals(all, union, "the union is exactly the event set");
        assertEquals(all.size(), first.size() + second.size(), "no event delivered twice across the restart");
    }

    /** Runs a route until {@code count} events arrived, then stops it (gracefully: the in-flight exchange completes). */
    private List<String> consumeThenStop(String namespace, Path stateFile, int count) throws Exception {
        FileStateRepository state = FileStateRepository.fileStateRepository(stateFile.toFile());
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch enough = new CountDownLatch(count);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cursorState", state);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(activity(namespace, "maxMessagesPerPoll=20&stateRepository=#cursorState"))
                            .routeId("restartable")
                            .process(e -> {
                                if (enough.getCount() > 0) {
                                    ids.add(e.getMessage()
                                            .getBody(ArrayActivityLog.class)
                                            .id());
                                    enough.countDown();
                                } else {
                                    // over the count: fail so the cursor stays put and the event waits for the next run
                                    throw new IllegalStateException("stopping");
                                }
                            });
                }
            });
            camel.start();
            assertTrue(enough.await(60, TimeUnit.SECONDS), "received " + ids.size() + " of " + count);
            camel.getRouteController().stopRoute("restartable");
        }
        return new ArrayList<>(ids);
    }

    @Test
    void aFailedExchangeIsRedeliveredAndNothingAfterItIsLost() throws Exception {
        Map<String, List<String>> expected = namespaceWithEvents("act-failure", 3, 30, 5);
        String poisoned = expected.get("a1").get(10);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(90);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(activity("act-failure", "maxMessagesPerPoll=7")).process(e -> {
                        String id =
                                e.getMessage().getBody(ArrayActivityLog.class).id();
                        if (id.equals(poisoned) && failedOnce.add(id)) {
                            throw new IllegalStateException("the route fails on this event once");
                        }
                        delivered.add(id);
                        done.countDown();
                    });
                }
            });
            camel.start();
            assertTrue(done.await(60, TimeUnit.SECONDS), "delivered " + delivered.size());
            Await.requests(EMULATOR, polls("act-failure"), 3, "three more polls");
        }
        assertEquals(Set.of(poisoned), failedOnce, "it failed once");
        assertEquals(90, delivered.size());
        assertEquals(90, new HashSet<>(delivered).size(), "no duplicates of completed events");
        List<String> a1 =
                delivered.stream().filter(expected.get("a1")::contains).toList();
        assertEquals(expected.get("a1"), a1, "a1's events still in order: nothing after the failure overtook it");
    }

    @Test
    void aCursorOfAnyNameSurvivesARestartInAFileStateRepository() throws Exception {
        // a FileStateRepository refuses keys with '=' or line breaks; an event id may hold the old format's separators
        String odd = "odd=name|with\nline";
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("act-odd", Map.of("alice", "owner"))),
                List.of(new Seed.SeedArray("act-odd", odd, null, null, null, null, null, null))));
        Instant base = Instant.now().minusSeconds(30);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            expected.add(EMULATOR.addActivity("act-odd", odd, base.plusSeconds(i), "query_read", "alice"));
        }
        Path stateFile = dir.resolve("odd-cursor.dat");
        List<String> first = consumeThenStop("act-odd", stateFile, 5);
        assertEquals(expected, new HashSet<>(first));
        String late = EMULATOR.addActivity("act-odd", odd, base.plusSeconds(10), "query_write", "alice");
        List<String> second = consumeThenStop("act-odd", stateFile, 1);
        assertEquals(List.of(late), second, "after the restart only the new event: the cursor was saved");
    }
}
