package dev.cameltiledb.component.cluster;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.ClusterServiceHelper;

/**
 * Whether a consumer run by a {@code master:} route may deliver: only while this node leads the route's cluster
 * namespace. {@code master:} starts and stops the consumer as leadership comes and goes, but it starts it a moment
 * after leadership was taken, and when leadership is lost in that moment the consumer is started anyway; asking the
 * cluster service before each delivery keeps such a consumer from delivering what another node leads. A consumer not
 * run by {@code master:} always may.
 */
public final class LeadershipGuard {

    private static final LeadershipGuard NONE = new LeadershipGuard(null, null);

    private final CamelClusterService service;
    private final String namespace;

    private LeadershipGuard(CamelClusterService service, String namespace) {
        this.service = service;
        this.namespace = namespace;
    }

    /** The guard of the consumer of {@code endpoint}: the {@code master:} route that delegates to it, if one does. */
    public static LeadershipGuard of(Endpoint endpoint) {
        CamelContext camel = endpoint.getCamelContext();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof DelegateEndpoint master && master.getEndpoint() == endpoint) {
                String namespace = clusterNamespace(route.getEndpoint().getEndpointUri());
                Optional<CamelClusterService> service = ClusterServiceHelper.lookupService(camel);
                if (namespace != null && service.isPresent()) {
                    return new LeadershipGuard(service.get(), namespace);
                }
            }
        }
        return NONE;
    }

    /** The cluster namespace of a {@code master:namespace:delegateUri} endpoint URI; null for another scheme. */
    static String clusterNamespace(String uri) {
        if (!uri.startsWith("master:")) {
            return null;
        }
        String rest = uri.substring("master:".length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int colon = rest.indexOf(':');
        return colon > 0 ? rest.substring(0, colon) : null;
    }

    /**
     * Whether a {@code master:} route runs the consumer. Its consumer takes its streams over at its first poll, not when
     * it starts: {@code master:} starts it while holding a lock of its own, and asking the cluster service then could
     * wait for a thread of the cluster service that waits for that lock.
     */
    public boolean isClustered() {
        return service != null;
    }

    public boolean leads() {
        return service == null || service.isLeader(namespace);
    }

    @Override
    public String toString() {
        return service == null ? "no cluster" : "cluster namespace " + namespace + " of " + service.getId();
    }
}
