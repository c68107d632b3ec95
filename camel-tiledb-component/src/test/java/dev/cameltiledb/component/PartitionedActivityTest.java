package dev.cameltiledb.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.camel.ServiceEndpoint;
import dev.cameltiledb.camel.StatefulBatchConsumer;
import dev.cameltiledb.component.cluster.AssetPartitions;
import dev.cameltiledb.component.cluster.PartitionHealthCheck;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A namespace's activity split into six partitions over three Camel nodes on a real three-server ZooKeeper ensemble:
 * the partitions spread two per node, each event is delivered by the node leading its array's partition, and when a
 * node leaves, its partitions move to the others and resume from the shared cursors.
 */
@Tag("server")
class PartitionedActivityTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    private static final String NAMESPACE = "act-partitioned";
    private static final int PARTITIONS = 6;
    private static TestingCluster zooKeeper;

    private record Delivery(String node, String id, String assetUri) {}

    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final MemoryStateRepository cursors = new MemoryStateRepository();

    @BeforeAll
    static void ensemble() throws Exception {
        zooKeeper = ZooKeeperEnsembles.started();
    }

    @AfterAll
    static void stopEnsemble() throws Exception {
        zooKeeper.close();
    }

    private PartitionedNode node(String id) throws Exception {
        return new PartitionedNode(
                id,
                zooKeeper.getConnectString(),
                4000,
                PARTITIONS,
                "namespace=" + NAMESPACE + "&startFrom=beginning&delay=100&host=" + EMULATOR.url() + "&apiKey="
                        + SuiteEmulator.ALICE_TOKEN,
                cursors,
                (node, event, uri) -> deliveries.add(new Delivery(node, event.id(), uri)));
    }

    private Set<String> addActivity(int events, int arrays) {
        Set<String> ids = new HashSet<>();
        Instant base = Instant.now().minusSeconds(30);
        for (int i = 0; i < events; i++) {
            ids.add(EMULATOR.addActivity(NAMESPACE, "a" + (i % arrays), base.plusMillis(i), "query_read", "alice"));
        }
        return ids;
    }

    private static int partitionOf(String assetUri) {
        return AssetPartitions.partitionOf(assetUri, PARTITIONS);
    }

    @Test
    void partitionsSpreadOverTheNodesAndMoveWhenOneLeaves() throws Exception {
        SuiteEmulator.namespace(NAMESPACE, 24);
        Set<String> expected = new HashSet<>(addActivity(240, 24));
        try (PartitionedNode a = node("node-a").start();
                PartitionedNode b = node("node-b");
                PartitionedNode c = node("node-c")) {
            Await.until(() -> a.leads().size() == PARTITIONS, "node-a, alone, to lead every partition");
            b.start();
            c.start();
            List<PartitionedNode> nodes = List.of(a, b, c);
            Await.until(
                    () -> nodes.stream().allMatch(n -> n.leads().size() == 2),
                    "the six partitions to spread two per node: " + leadership(nodes));
            Await.until(
                    () -> nodes.stream().allMatch(n -> shownHeld(n).equals(n.leads())),
                    "each node's consumers to show what it leads, as the dev console and JMX read them");
            Map<Integer, String> leaders = leaderOfEachPartition(nodes);
            int before = deliveries.size();
            expected.addAll(addActivity(240, 24));
            Await.until(() -> distinct().containsAll(expected), "every event delivered");
            for (Delivery d : deliveries.subList(before, deliveries.size())) {
                assertEquals(
                        leaders.get(partitionOf(d.assetUri())),
                        d.node(),
                        "an event of " + d.assetUri() + " comes from the leader of its partition");
            }
            HealthCheck.Result health = HealthCheckHelper.invoke(b.camel()).stream()
                    .filter(r -> r.getCheck().getId().equals(PartitionHealthCheck.ID))
                    .findFirst()
                    .orElseThrow();
            assertEquals(HealthCheck.State.UP, health.getState());
            assertTrue(
                    health.getMessage().orElse("").contains("3 members"),
                    health.getMessage().orElse(""));

            b.close();
            List<PartitionedNode> left = List.of(a, c);
            Await.until(
                    () -> left.stream().allMatch(n -> n.leads().size() == 3),
                    "node-b's partitions to move, three per remaining node: " + leadership(left));
            int afterLeave = deliveries.size();
            expected.addAll(addActivity(240, 24));
            Await.until(() -> distinct().containsAll(expected), "every event after node-b left delivered");
            Set<String> movedTo = new HashSet<>();
            for (Delivery d : deliveries.subList(afterLeave, deliveries.size())) {
                if ("node-b".equals(leaders.get(partitionOf(d.assetUri())))) {
                    movedTo.add(d.node());
                }
            }
            assertTrue(Set.of("node-a", "node-c").containsAll(movedTo) && !movedTo.isEmpty(), "moved to " + movedTo);
        }
        List<String> ids = deliveries.stream().map(Delivery::id).toList();
        assertEquals(expected, new HashSet<>(ids), "no event lost");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "with graceful stops, no event delivered twice");
    }

    /** The partitions a node's consumers say they hold ({@code partitionsHeld}: {@code p/6}, or nothing). */
    private static List<Integer> shownHeld(PartitionedNode node) {
        List<Integer> held = new ArrayList<>();
        for (Endpoint e : node.camel().getEndpoints()) {
            if (e instanceof ServiceEndpoint endpoint) {
                // under master: the running consumers are the endpoint's, no route's
                for (StatefulBatchConsumer consumer : endpoint.runningConsumers()) {
                    int p = Integer.parseInt(consumer.routeOf().substring("activity-p".length()));
                    if (consumer.status().positions().partitionsHeld().equals(List.of(p + "/" + PARTITIONS))) {
                        held.add(p);
                    }
                }
            }
        }
        held.sort(null);
        return held;
    }

    private Set<String> distinct() {
        synchronized (deliveries) {
            Set<String> ids = new HashSet<>();
            deliveries.forEach(d -> ids.add(d.id()));
            return ids;
        }
    }

    private static Map<Integer, String> leaderOfEachPartition(List<PartitionedNode> nodes) {
        Map<Integer, String> leaders = new HashMap<>();
        for (PartitionedNode n : nodes) {
            n.leads().forEach(p -> leaders.put(p, n.id()));
        }
        assertEquals(PARTITIONS, leaders.size(), "every partition has a leader");
        return leaders;
    }

    private static String leadership(List<PartitionedNode> nodes) {
        StringBuilder s = new StringBuilder();
        nodes.forEach(n -> s.append(n.id()).append('=').append(n.leads()).append(' '));
        return s.toString();
    }
}
