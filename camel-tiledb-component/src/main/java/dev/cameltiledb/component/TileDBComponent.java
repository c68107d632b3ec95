package dev.cameltiledb.component;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameltiledb.client.CredentialsResolver;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code tiledb:} component. Its configuration is the default for every endpoint it creates. */
@Component("tiledb")
public class TileDBComponent extends HealthCheckComponent {

    @Metadata(description = "Default configuration for all endpoints of this component")
    private TileDBConfiguration configuration = new TileDBConfiguration();

    private final TileDBClientRegistry clients = new TileDBClientRegistry();
    private final AtomicInteger healthCheckIds = new AtomicInteger();
    private ClientSettingsFactory settingsFactory = new ClientSettingsFactory(CredentialsResolver.system());

    @Override
    protected TileDBEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        TileDBResource resource = parseResource(remaining);
        OptionValues.check(parameters);
        TileDBEndpoint endpoint = new TileDBEndpoint(uri, this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    private static TileDBResource parseResource(String remaining) {
        try {
            return TileDBResource.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown TileDB resource '" + remaining + "' in tiledb:" + remaining + "; use one of "
                            + java.util.Arrays.toString(TileDBResource.values()),
                    e);
        }
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
