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
    protected void doStop() throws Exception {
        clients.closeAll();
        super.doStop();
    }
}
