package dev.cameltiledb.component.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.component.ConsumerOptions;
import dev.cameltiledb.component.TileDBComponent;
import dev.cameltiledb.component.TileDBEndpoint;
import dev.cameltiledb.component.state.StateStoreException;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.StatefulService;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads the partitions of a partitioned consumer (activity, or a change feed) over the nodes of a Camel cluster.
 * <p>
 * Each partition runs in its own {@code master:} route, and a cluster service such as ZooKeeper's elects one leader
 * per route. Left alone, the first node to start would win every election and keep them all. Every
 * {@code partitionBalanceInterval}, this service looks at the partition routes of this node (a {@code master:} route
 * whose {@code tiledb:} consumer sets {@code partitions}) and applies the rule Camel's
 * {@code RebalancingCamelClusterService} applies to preemptive cluster services, with the means every cluster service
 * has (leaving and rejoining an election):
 * <ul>
 * <li>the fair share is {@code ceil(partitions / members)}, the members being the nodes taking part in any of the
 * partitions' elections;</li>
 * <li>a node leading more than its share leaves the elections of the extra partitions, and they go to a node below its
 * share, which takes part in every election it does not lead;</li>
 * <li>a node at its share leaves the elections it does not lead, so it takes nothing more;</li>
 * <li>a node whose election entry vanished (its cluster session expired) joins again.</li>
 * </ul>
 * When a node dies, its elections entries go with its session; the others find fewer members, their share grows, they
 * join the orphaned elections and the partitions resume from the cursors in the shared state repository.
 * <p>
 * Its health check ({@code tiledb-partitions}) is DOWN, with the reason, while the cluster service cannot tell the
 * members of an election (ZooKeeper unreachable, for example); the partitions then stay where they are.
 */
public final class PartitionBalancer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionBalancer.class);

    private final TileDBComponent component;
    private final long intervalMillis;
    private final PartitionHealthCheck health = new PartitionHealthCheck();
    private ScheduledExecutorService executor;
    private boolean healthCheckRegistered;

    public PartitionBalancer(TileDBComponent component, long intervalMillis) {
        this.component = component;
        this.intervalMillis = intervalMillis;
    }

    @Override
    protected void doStart() throws Exception {
        executor = component
                .getCamelContext()
                .getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "TileDBPartitionBalancer");
        executor.scheduleWithFixedDelay(this::balanceSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            component.getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    private void balanceSafely() {
        try {
            balance();
        } catch (RuntimeException e) {
            LOG.warn("Balancing the activity partitions failed: {}", e.getMessage(), e);
        }
    }

    /** One round: every group of partition routes of this node, each on its own. */
    public void balance() {
        Map<String, Map<String, TileDBEndpoint>> groups = partitionRoutes();
        if (groups.isEmpty()) {
            return;
        }
        if (!healthCheckRegistered) {
            // only a node that runs partitions shows the check
            HealthCheckRegistry registry = HealthCheckRegistry.get(component.getCamelContext());
            if (registry != null) {
                registry.register(health);
            }
            healthCheckRegistered = true;
        }
        Optional<CamelClusterService> found = ClusterServiceHelper.lookupService(component.getCamelContext());
        if (found.isEmpty()) {
            health.down("no CamelClusterService in the Camel context: partitions under master: need one (for example"
                    + " camel-zookeeper's ZooKeeperClusterService)");
            return;
        }
        CamelClusterService service = found.get();
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, Map<String, TileDBEndpoint>> group : groups.entrySet()) {
            try {
                report.add(balance(service, group.getKey(), group.getValue()));
            } catch (Exception e) {
                health.down("cluster service " + service.getId() + " cannot tell the members of "
                        + group.getValue().keySet() + ": " + e.getMessage());
                LOG.warn("Partitions of {} left as they are: {}", group.getKey(), e.getMessage());
                return;
            }
        }
        health.up(String.join("; ", report));
    }

    private String balance(CamelClusterService service, String group, Map<String, TileDBEndpoint> endpoints)
            throws Exception {
        int partitions = Integer.parseInt(group.substring(group.lastIndexOf('|') + 1));
        Map<String, CamelClusterView> views = new TreeMap<>();
        try {
            for (String namespace : endpoints.keySet()) {
                views.put(namespace, service.getView(namespace));
            }
            Set<String> members = new HashSet<>();
            members.add(service.getId());
            List<String> led = new ArrayList<>();
            List<String> joinedNotLed = new ArrayList<>();
            List<String> outOfElection = new ArrayList<>();
            for (CamelClusterView view : views.values()) {
                boolean inElection = false;
                for (CamelClusterMember member : view.getMembers()) {
                    members.add(member.getId());
                    inElection |= service.getId().equals(member.getId());
                }
                if (view.getLocalMember().isLeader()) {
                    led.add(view.getNamespace());
                } else if (isStarted(view) && inElection) {
                    joinedNotLed.add(view.getNamespace());
                } else {
                    outOfElection.add(view.getNamespace());
                }
            }
            int share = (partitions + members.size() - 1) / members.size();
            if (led.size() > share) {
                // the last ones go: which is arbitrary, a fixed order only avoids moving a partition back and forth
                for (String namespace : led.subList(share, led.size())) {
                    if (handOver(service, namespace, endpoints.get(namespace))) {
                        LOG.info(
                                "Left {}: this node led {} partitions of {}, its share is {}",
                                namespace,
                                led.size(),
                                group,
                                share);
                    } else {
                        LOG.debug("{} stays until a later round: its consumer's poll did not end in time", namespace);
                    }
                }
            } else if (led.size() < share) {
                for (String namespace : outOfElection) {
                    LOG.debug("Joining the election of {}", namespace);
                    if (isStarted(views.get(namespace))) {
                        service.stopView(namespace); // started but out of the election: its session was lost
                    }
                    service.startView(namespace);
                }
            } else {
                for (String namespace : joinedNotLed) {
                    service.stopView(namespace);
                }
            }
            return group + ": leads " + led + " of " + partitions + " partitions, " + members.size()
                    + " members, share " + share;
        } finally {
            for (CamelClusterView view : views.values()) {
                service.releaseView(view);
            }
        }
    }

    /**
     * Leaves a partition this node leads once its consumer's poll under way ended and what it delivered is saved, so
     * the next leader delivers none of it again (see {@link PartitionHandOver}); false when that poll did not end
     * within the balance interval, or the save failed: the partition stays until a later round.
     */
    private boolean handOver(CamelClusterService service, String namespace, TileDBEndpoint endpoint) throws Exception {
        try {
            return endpoint.handOver()
                    .handOver(intervalMillis, () -> service.stopView(namespace), () -> service.isLeader(namespace));
        } catch (StateStoreException e) {
            // leaving now would have the next leader deliver again what this node delivered since its last save
            LOG.warn("{} stays: what its consumer delivered could not be saved ({})", namespace, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the balancer is stopping
            return false;
        }
    }

    private static boolean isStarted(CamelClusterView view) {
        return view instanceof StatefulService s && s.isStarted();
    }

    /**
     * This node's partition routes by group (the consumer's resource, namespace, state key and number of partitions), each
     * group's cluster namespaces sorted, with their endpoints; only routes whose master consumer runs, so no election is
     * joined for a route that is stopped.
     */
    private Map<String, Map<String, TileDBEndpoint>> partitionRoutes() {
        Map<String, Map<String, TileDBEndpoint>> groups = new TreeMap<>();
        Collection<Route> routes = component.getCamelContext().getRoutes();
        for (Route route : routes) {
            Endpoint endpoint = route.getEndpoint();
            if (!(endpoint instanceof DelegateEndpoint master)
                    || !(master.getEndpoint() instanceof TileDBEndpoint tiledb)
                    || tiledb.getComponent() != component
                    || !ServiceHelper.isStarted(route.getConsumer())) {
                continue;
            }
            ConsumerOptions consumer = tiledb.getConfiguration().getConsumer();
            String namespace = LeadershipGuard.clusterNamespace(endpoint.getEndpointUri());
            if (consumer.getPartitions() < 2 || namespace == null) {
                continue;
            }
            String group =
                    tiledb.getResource() + "|" + tiledb.getConfiguration().getNamespace() + "|" + consumer.getStateKey()
                            + "|" + consumer.getPartitions();
            groups.computeIfAbsent(group, g -> new TreeMap<>()).put(namespace, tiledb);
        }
        return groups;
    }
}
