package dev.cameltiledb.component;

import java.util.Map;

import dev.cameltiledb.camel.SharedListings;
import dev.cameltiledb.client.CredentialsResolver;
import dev.cameltiledb.component.cluster.PartitionBalancer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code tiledb:} component. Its configuration is the default for every endpoint it creates. */
@Component("tiledb")
public class TileDBComponent extends HealthCheckComponent implements OptionGroups {

    @Metadata(description = "Default configuration for all endpoints of this component")
    private TileDBConfiguration configuration = new TileDBConfiguration();

    @Metadata(
            label = "consumer,advanced",
            defaultValue = "1000",
            javaType = "java.time.Duration",
            description =
                    "How often this node re-balances the partitions of partitioned activity consumers run under master: (milliseconds, or a duration such as 2s): a node leading more than its share of partitions leaves the extra partitions' elections, a node below its share joins the others. 0 turns balancing off (the cluster service alone then decides who leads what).")
    private long partitionBalanceInterval = 1000L;

    @Metadata(
            label = "advanced",
            javaType = "io.micrometer.core.instrument.MeterRegistry",
            description =
                    "The Micrometer MeterRegistry the component records its metrics in (requests, errors, retries and latency per resource and operation; consumer events, polls and lag). When not given, the only MeterRegistry in the Camel registry is used, if there is one; without Micrometer on the class path nothing is recorded.")
    private Object meterRegistry;

    /** Resolved once, at the first use: the component's meters, or null when there is no registry. */
    private volatile Object metrics;

    private volatile boolean metricsResolved;

    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    private PartitionBalancer balancer;

    private final TileDBClientRegistry clients = new TileDBClientRegistry();
    /** Listing pages the consumers of this component share, so partitions on one node list once per poll. */
    private final SharedListings listings = new SharedListings();

    private ClientSettingsFactory settingsFactory = new ClientSettingsFactory(CredentialsResolver.system());

    @Override
    protected TileDBEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        TileDBResource resource = TileDBResource.parse(remaining);
        OptionHeaders.TABLE
                .values()
                .checkParameters(parameters, getCamelContext().getTypeConverter());
        TileDBEndpoint endpoint = new TileDBEndpoint(uri, this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public TileDBConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TileDBConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getPartitionBalanceInterval() {
        return partitionBalanceInterval;
    }

    public void setPartitionBalanceInterval(long partitionBalanceInterval) {
        this.partitionBalanceInterval = partitionBalanceInterval;
    }

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
        this.metricsResolved = false;
    }

    /**
     * The component's meters ({@link TileDBMetrics}), or null without Micrometer or a registry. Typed {@code Object}
     * so that this class loads without Micrometer.
     */
    Object metrics() {
        if (!metricsResolved) {
            synchronized (this) {
                if (!metricsResolved) {
                    metrics = MICROMETER_PRESENT || meterRegistry != null
                            ? TileDBMetrics.resolve(meterRegistry, getCamelContext())
                            : null;
                    metricsResolved = true;
                }
            }
        }
        return metrics;
    }

    /** Records the HTTP attempts of one resource's operation; null without metrics. */
    public dev.cameltiledb.client.RequestListener requestListener(String resource, String operation) {
        Object m = metrics();
        return m == null ? null : ((TileDBMetrics) m).listener(resource, operation);
    }

    /** Counts a consumer's poll, when metrics are recorded. */
    public void consumerPolled(String resource, String routeId) {
        Object m = metrics();
        if (m != null) {
            ((TileDBMetrics) m).polled(resource, routeId);
        }
    }

    /** Counts an event a consumer delivered, and its lag, when metrics are recorded. */
    public void consumerDelivered(String resource, String routeId, java.time.Instant eventAt) {
        Object m = metrics();
        if (m != null) {
            ((TileDBMetrics) m).delivered(resource, routeId, eventAt);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, TileDBComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    TileDBClientRegistry clients() {
        return clients;
    }

    SharedListings listings() {
        return listings;
    }

    ClientSettingsFactory settingsFactory() {
        return settingsFactory;
    }

    /** Where credentials are looked up besides the options: tests give a fixed environment and home folder. */
    void setCredentialsResolver(CredentialsResolver resolver) {
        this.settingsFactory = new ClientSettingsFactory(resolver);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (partitionBalanceInterval > 0) {
            balancer = new PartitionBalancer(this, partitionBalanceInterval);
            getCamelContext().addService(balancer, true, true);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (balancer != null) {
            getCamelContext().removeService(balancer);
            balancer.stop();
            balancer = null;
        }
        clients.closeAll();
        super.doStop();
    }
}
