package dev.cameltiledb.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.Exchange;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The partitioned consumer as the docs show it in YAML (a route template, six templated routes, the ZooKeeper cluster
 * service and the JDBC cursor store as beans), loaded through camel-main on two nodes: they split the partitions
 * three and three and deliver every event once.
 */
@Tag("server")
class YamlPartitionedActivityTest {

    private static final String NAMESPACE = "act-yaml-partitions";

    private static Main node(String id, String zooKeeper) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:src/test/resources/cluster/partitioned-activity.yaml");
        main.addInitialProperty("node.id", id);
        main.addInitialProperty("zookeeper.nodes", zooKeeper);
        main.addInitialProperty("state.db.url", "jdbc:h2:mem:yaml-partitions;DB_CLOSE_DELAY=-1");
        main.addInitialProperty("tiledb.namespace", NAMESPACE);
        main.addInitialProperty("tiledb.host", SuiteEmulator.get().url());
        main.addInitialProperty("tiledb.token", SuiteEmulator.ALICE_TOKEN);
        return main;
    }

    private static int leads(Main main) {
        CamelClusterService cluster = main.getCamelContext().hasService(CamelClusterService.class);
        int led = 0;
        for (int p = 0; p < 6; p++) {
            led += cluster != null && cluster.isLeader("activity-p" + p) ? 1 : 0;
        }
        return led;
    }

    private static List<String> received(Main main) {
        List<String> ids = new ArrayList<>();
        for (Exchange e : main.getCamelContext()
                .getEndpoint("mock:audit", MockEndpoint.class)
                .getReceivedExchanges()) {
            ids.add(e.getMessage().getBody(ArrayActivityLog.class).id());
        }
        return ids;
    }

    @Test
    void twoNodesLoadTheYamlAndShareThePartitions() throws Exception {
        SuiteEmulator.namespace(NAMESPACE, 18);
        Set<String> expected = new HashSet<>();
        Instant base = Instant.now().minusSeconds(20);
        for (int i = 0; i < 180; i++) {
            expected.add(SuiteEmulator.get()
                    .addActivity(NAMESPACE, "a" + (i % 18), base.plusMillis(i), "query_read", "alice"));
        }
        try (TestingCluster zooKeeper = ZooKeeperEnsembles.started()) {
            Main a = node("yaml-a", zooKeeper.getConnectString());
            Main b = node("yaml-b", zooKeeper.getConnectString());
            a.start();
            b.start();
            try {
                Await.until(() -> leads(a) == 3 && leads(b) == 3, "three partitions each");
                Await.until(() -> received(a).size() + received(b).size() >= expected.size(), "every event delivered");
                List<String> all = new ArrayList<>(received(a));
                all.addAll(received(b));
                assertEquals(expected, new HashSet<>(all));
                assertEquals(all.size(), new HashSet<>(all).size(), "each once");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }
}
