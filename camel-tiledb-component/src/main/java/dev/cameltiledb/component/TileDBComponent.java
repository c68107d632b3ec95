package dev.cameltiledb.component;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameltiledb.client.CredentialsResolver;
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

    private PartitionBalancer balancer;

    private final TileDBClientRegistry clients = new TileDBClientRegistry();
    private final AtomicInteger healthCheckIds = new AtomicInteger();
    private ClientSettingsFactory settingsFactory = new ClientSettingsFactory(CredentialsResolver.system());

    @Override
    protected TileDBEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        TileDBResource resource = TileDBResource.parse(remaining);
        OptionValues.check(parameters);
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

    TileDBClientRegistry clients() {
        return clients;
    }

    /** Producer health check ids must be unique: URIs differing only in a masked token look the same. */
    String nextHealthCheckId(TileDBResource resource) {
        return "producer:tiledb:" + resource + "-" + healthCheckIds.incrementAndGet();
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
