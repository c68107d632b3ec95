package dev.cameltiledb.component;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Camel instances run the same activity route behind Camel's master component with the file-lock cluster
 * service; the cursor lives in a shared StateRepository. Only the leader consumes; when it stops, the other takes
 * over from the persisted cursor: every event delivered once, none lost.
 */
class ClusterTakeoverTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();

    @TempDir
    Path dir;

    private record Delivery(String node, String id) {}

    private CamelContext node(String name, List<Delivery> deliveries) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        camel.getRegistry().bind("cursorState", new SharedFileStateRepository(dir.resolve("cursors.properties")));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:tiledb-activity:tiledb:activity?namespace=act-cluster&startFrom=beginning&delay=50"
                                + "&maxMessagesPerPoll=3&stateRepository=#cursorState&host=" + EMULATOR.url()
                                + "&apiKey=" + SuiteEmulator.ALICE_TOKEN)
                        .process(e -> deliveries.add(new Delivery(
                                name,
                                e.getMessage().getBody(ArrayActivityLog.class).id())));
            }
        });
        return camel;
    }

    @Test
    void theStandbyTakesOverFromThePersistedCursor() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("act-cluster", Map.of("alice", "owner"))),
                List.of(
                        new Seed.SeedArray("act-cluster", "x", null, null, null, null, null, null),
                        new Seed.SeedArray("act-cluster", "y", null, null, null, null, null, null))));
        Set<String> expected = new HashSet<>();
        Instant base = Instant.now().minusSeconds(20);
        for (int i = 0; i < 30; i++) {
            expected.add(EMULATOR.addActivity(
                    "act-cluster", i % 2 == 0 ? "x" : "y", base.plusMillis(i * 200L), "query_read", "alice"));
        }
        List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
        CamelContext first = node("node-a", deliveries);
        CamelContext second = node("node-b", deliveries);
        first.start();
        Await.until(() -> deliveries.size() >= 6, "node-a to lead and deliver");
        second.start();
        Await.until(() -> deliveries.size() >= 12, "more deliveries while node-b stands by");
        first.stop();
        int byFirst =
                (int) deliveries.stream().filter(d -> d.node().equals("node-a")).count();
        for (int i = 0; i < 10; i++) {
            // events that happen after the leader is gone
            expected.add(EMULATOR.addActivity("act-cluster", "x", Instant.now(), "query_write", "alice"));
        }
        try {
            Await.until(() -> deliveries.size() >= expected.size(), "node-b to take over and deliver the rest");
            Await.requests(
                    EMULATOR,
                    x -> x.rawPath().startsWith("/v1/arrays/browser/owned")
                            && List.of("act-cluster").equals(x.query().get("namespace")),
                    3,
                    "three more polls of node-b");
        } finally {
            second.stop();
        }
        List<String> ids = deliveries.stream().map(Delivery::id).toList();
        System.out.printf(
                "Cluster takeover: node-a delivered %d, node-b %d, distinct %d of %d expected%n",
                byFirst, deliveries.size() - byFirst, new HashSet<>(ids).size(), expected.size());
        assertTrue(byFirst >= 6 && byFirst < expected.size(), "node-a led, then stopped mid-stream: " + byFirst);
        assertTrue(
                deliveries.subList(0, byFirst).stream().allMatch(d -> d.node().equals("node-a")),
                "node-b stood by while node-a led");
        assertEquals(expected, new HashSet<>(ids), "no event lost");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no event delivered twice");
    }
}
