package dev.cameltiledb.arraylake.component;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.URISupport;

/** The {@code arraylake:} component; its configuration is the default of every endpoint it makes. */
@Component("arraylake")
public class ArraylakeComponent extends HealthCheckComponent implements OptionGroups {

    @Metadata(description = "The default options of every endpoint of this component")
    private ArraylakeConfiguration configuration = new ArraylakeConfiguration();

    static {
        // authConfig may carry bucket keys (hmac); Camel masks only option names it knows as sensitive
        URISupport.addSanitizeKeywords("authConfig");
    }

    private Map<String, String> environment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));

    @Override
    protected ArraylakeEndpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        OptionHeaders.TABLE
                .values()
                .checkParameters(parameters, getCamelContext().getTypeConverter());
        ArraylakeEndpoint endpoint =
                new ArraylakeEndpoint(uri, this, ArraylakeResource.of(remaining), configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public ArraylakeConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ArraylakeConfiguration configuration) {
        this.configuration = configuration;
    }

    Map<String, String> environment() {
        return environment;
    }

    Path home() {
        return home;
    }

    /** Where ARRAYLAKE_* variables and the .arraylake folder are read from: tests give their own. */
    void setEnvironment(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }
}
