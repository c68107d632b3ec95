package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.model.ArrayActivityLog;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.SupervisingRouteController;

/**
 * One Camel node of a partitioned activity consumer on a ZooKeeper ensemble, as a user would write it: one
 * {@code master:} route per partition, the cursors in a state repository every node shares.
 */
final class PartitionedNode implements AutoCloseable {

    private final String id;
    private final CamelContext camel = new DefaultCamelContext();
    private final int partitions;

    /** Where a node's deliveries go. */
    interface Sink {
        void deliver(String node, ArrayActivityLog event, String assetUri) throws Exception;
    }

    /**
     * @param options the activity endpoint's options besides the partition ones, e.g. the host and namespace
     * @param sink    gets this node's id and each delivered event
     */
    PartitionedNode(
            String id,
            String zooKeeper,
            long sessionTimeoutMillis,
            int partitions,
            String options,
            StateRepository<String, String> state,
            Sink sink)
            throws Exception {
        this.id = id;
        this.partitions = partitions;
        camel.getCamelContextExtension().setName(id);
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(id);
        cluster.setNodes(zooKeeper);
        cluster.setBasePath("/camel-tiledb");
        cluster.setSessionTimeout(sessionTimeoutMillis);
        // on loopback a connection takes milliseconds: a short timeout and one retry keep a call made while the
        // ensemble is unreachable (a route starting, a balancing round) from blocking for long
        cluster.setConnectTimeout(1000);
        cluster.setReconnectMaxRetries(1);
        camel.addService(cluster);
        // a master: route cannot start while ZooKeeper is unreachable: the supervising controller starts it again
        // until it can, and reports it DOWN meanwhile, so the node heals without a restart
        SupervisingRouteController routes = camel.getRouteController().supervising();
        routes.setBackOffDelay(500);
        routes.setBackOffMaxAttempts(0);
        routes.setInitialDelay(0);
        camel.getRegistry().bind("cursors", state);
        camel.getComponent("tiledb", TileDBComponent.class).setPartitionBalanceInterval(200);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int p = 0; p < partitions; p++) {
                    from("master:activity-p" + p + ":tiledb:activity?" + options + "&partitions=" + partitions
                                    + "&partition=" + p + "&stateRepository=#cursors")
                            .routeId("activity-p" + p)
                            .process(e -> sink.deliver(
                                    id,
                                    e.getMessage().getBody(ArrayActivityLog.class),
                                    e.getMessage().getHeader(TileDBConstants.ASSET_URI, String.class)));
                }
            }
        });
    }

    PartitionedNode start() {
        camel.start();
        return this;
    }

    String id() {
        return id;
    }

    CamelContext camel() {
        return camel;
    }

    /** The partitions whose election this node has won. */
    List<Integer> leads() {
        List<Integer> led = new ArrayList<>();
        ZooKeeperClusterService cluster = camel.hasService(ZooKeeperClusterService.class);
        for (int p = 0; p < partitions; p++) {
            if (cluster != null && cluster.isLeader("activity-p" + p)) {
                led.add(p);
            }
        }
        return led;
    }

    @Override
    public void close() {
        camel.stop();
    }
}
