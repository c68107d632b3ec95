package dev.cameltiledb.component;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.component.cluster.PartitionHealthCheck;
import dev.cameltiledb.component.state.JdbcStateRepository;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults a cluster of consumers meets: ZooKeeper unreachable at start and mid-run, the cursor database down during
 * a save. Each turns a health check DOWN with the reason, loses no event, and heals without a restart.
 */
@Tag("server")
class ClusterFaultsTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    private static final String DB_PASSWORD = "db-pass-7c1e55aa90";

    @TempDir
    Path dir;

    private static Set<String> addActivity(String namespace, int events, int arrays) {
        Set<String> ids = new HashSet<>();
        Instant base = Instant.now().minusSeconds(20);
        for (int i = 0; i < events; i++) {
            ids.add(EMULATOR.addActivity(namespace, "a" + (i % arrays), base.plusMillis(i), "query_read", "alice"));
        }
        return ids;
    }

    private static Optional<HealthCheck.Result> check(CamelContext camel, String id) {
        return HealthCheckHelper.invoke(camel).stream()
                .filter(r -> r.getCheck().getId().equals(id))
                .findFirst();
    }

    private static Set<String> copy(List<String> delivered) {
        synchronized (delivered) {
            return new HashSet<>(delivered);
        }
    }

    /** The message and error of every check that is DOWN. */
    private static String downReasons(CamelContext camel) {
        StringBuilder reasons = new StringBuilder();
        for (HealthCheck.Result r : HealthCheckHelper.invoke(camel)) {
            if (r.getState() == HealthCheck.State.DOWN) {
                reasons.append(r.getCheck().getId())
                        .append(": ")
                        .append(r.getMessage().orElse(""))
                        .append(r.getError().map(e -> " " + e).orElse(""))
                        .append("; ");
            }
        }
        return reasons.toString();
    }

    private static boolean is(CamelContext camel, String id, HealthCheck.State state) {
        return check(camel, id).map(r -> r.getState() == state).orElse(false);
    }

    @Test
    void zooKeeperUnreachableAtStartAndMidRunTurnsHealthDownAndHealsWithoutRestart() throws Exception {
        String namespace = "act-zk-faults";
        SuiteEmulator.namespace(namespace, 12);
        Set<String> expected = new HashSet<>(addActivity(namespace, 60, 12));
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        TestingCluster zooKeeper = new TestingCluster(3); // ports chosen, servers not started yet
        try (PartitionedNode node = new PartitionedNode(
                "lonely",
                zooKeeper.getConnectString(),
                3000,
                6,
                "namespace=" + namespace + "&startFrom=beginning&delay=100&host=" + EMULATOR.url() + "&apiKey="
                        + SuiteEmulator.ALICE_TOKEN,
                new MemoryStateRepository(),
                (id, event, uri) -> delivered.add(event.id()))) {
            node.start();
            Await.until(
                    () -> downReasons(node.camel()).contains("ConnectionLoss for /camel-tiledb/activity-p"),
                    "a check DOWN naming ZooKeeper's connection loss while it is unreachable: "
                            + downReasons(node.camel()));
            assertTrue(delivered.isEmpty(), "nothing delivered without a leader");
            zooKeeper.start();
            Await.until(() -> node.leads().size() == 6, "the node to lead every partition once ZooKeeper is up");
            Await.until(() -> copy(delivered).equals(expected), "every event once ZooKeeper is up");
            Await.until(() -> is(node.camel(), PartitionHealthCheck.ID, HealthCheck.State.UP), "UP again");
            List<InstanceSpec> servers = new ArrayList<>(zooKeeper.getInstances());
            zooKeeper.killServer(servers.get(0));
            zooKeeper.killServer(servers.get(1)); // no quorum
            Await.until(
                    () -> is(node.camel(), PartitionHealthCheck.ID, HealthCheck.State.DOWN),
                    "DOWN when the ensemble loses its quorum mid-run");
            expected.addAll(addActivity(namespace, 60, 12));
            zooKeeper.restartServer(servers.get(0));
            zooKeeper.restartServer(servers.get(1));
            Await.until(() -> node.leads().size() == 6, "the node to lead every partition again");
            Await.until(() -> copy(delivered).containsAll(expected), "every event of the outage, after it");
            Await.until(() -> is(node.camel(), PartitionHealthCheck.ID, HealthCheck.State.UP), "UP after the outage");
            Await.requests(
                    EMULATOR,
                    x -> x.rawPath().startsWith("/v1/arrays/browser/owned")
                            && List.of(namespace).equals(x.query().get("namespace")),
                    12,
                    "more polls of every partition");
        } finally {
            zooKeeper.close();
        }
        assertEquals(expected, copy(delivered), "no event lost");
        assertEquals(delivered.size(), copy(delivered).size(), "none delivered twice");
    }

    @Test
    void theCursorDatabaseDownDuringASaveStopsDeliveryNamesTheStoreAndLosesNothing() throws Exception {
        String namespace = "act-db-faults";
        SuiteEmulator.namespace(namespace, 3);
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString())
                .start();
        int port = database.getPort();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:tcp://localhost:" + port + "/./cursors");
        dataSource.setUser("sa");
        dataSource.setPassword(DB_PASSWORD);
        JdbcStateRepository cursors = new JdbcStateRepository(dataSource);
        Set<String> expected = new HashSet<>(addActivity(namespace, 9, 3));
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        Main main = new Main();
        main.bind("cursors", cursors);
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(SuiteEmulator.uri(
                                "activity",
                                "namespace=" + namespace + "&startFrom=beginning&delay=50&stateRepository=#cursors"))
                        .routeId("activity-db")
                        .process(e -> delivered.add(
                                e.getMessage().getBody(ArrayActivityLog.class).id()));
            }
        });
        main.start();
        try {
            Await.until(() -> copy(delivered).equals(expected), "the first events");
            database.stop();
            expected.addAll(addActivity(namespace, 9, 3));
            Await.until(
                    () -> downReasons(main.getCamelContext()).contains("camel_tiledb_state"),
                    "the consumer's check DOWN, naming the state table, while its cursors cannot be saved");
            String reason = downReasons(main.getCamelContext());
            assertFalse(reason.contains(DB_PASSWORD), reason);
            Await.until(
                    () -> downReasons(main.getCamelContext()).contains("failed polling 3 times"),
                    "three failed polls while the store is down");
            int duringOutage = delivered.size();
            assertTrue(
                    duringOutage - 9 <= 1,
                    "at most the one exchange whose save failed is delivered while the store is down: "
                            + (duringOutage - 9));

            database = Server.createTcpServer(
                            "-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", dir.toString())
                    .start();
            Await.until(() -> copy(delivered).equals(expected), "every event once the store is back");
            Await.until(() -> is(main.getCamelContext(), "consumer:activity-db", HealthCheck.State.UP), "UP again");
        } finally {
            main.stop();
            database.stop();
        }
        assertEquals(delivered.size(), copy(delivered).size(), "none delivered twice");
    }
}
