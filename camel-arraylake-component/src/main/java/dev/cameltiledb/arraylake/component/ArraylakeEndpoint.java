package dev.cameltiledb.arraylake.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.ArraylakeSettings;
import dev.cameltiledb.arraylake.component.consumer.RepoFeedConsumer;
import dev.cameltiledb.arraylake.component.producer.ArraylakeProducer;
import dev.cameltiledb.camel.ServiceEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Manage Earthmover Arraylake repos, bucket configs, org permissions and compute services (with their logs); consume
 * the repo change feed of an org.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "arraylake",
        title = "Arraylake",
        syntax = "arraylake:resourceType",
        category = {Category.CLOUD, Category.API},
        headersClass = ArraylakeConstants.class)
public class ArraylakeEndpoint extends ServiceEndpoint implements OptionGroups {

    /** Polls of the change feed list every repo of the org: once a minute unless delay says otherwise. */
    static final long FEED_DELAY = 60_000L;

    // enums lists every spelling a route accepts (ArraylakeResource.of), so that Camel's catalog validates the URIs
    // users write; CatalogValidationTest keeps it in step
    @UriPath(
            description =
                    "What the endpoint works on: repos, buckets, orgs, user or services (repos also as a consumer); the singular (repo, bucket, org, service) or users works too",
            enums = "repos,repo,buckets,bucket,orgs,org,user,users,services,service")
    @Metadata(required = true)
    private final ArraylakeResource resourceType;

    @UriParam
    private final ArraylakeConfiguration configuration;

    private ArraylakeClient client;
    private boolean ownsClient;

    ArraylakeEndpoint(
            String uri, ArraylakeComponent component, ArraylakeResource resourceType, ArraylakeConfiguration config) {
        super(uri, component);
        this.resourceType = resourceType;
        this.configuration = config;
    }

    @Override
    public ArraylakeComponent getComponent() {
        return (ArraylakeComponent) super.getComponent();
    }

    public ArraylakeResource getResourceType() {
        return resourceType;
    }

    @Override
    public ArraylakeConfiguration getConfiguration() {
        return configuration;
    }

    /** The client the endpoint calls the service with, while it runs. */
    public ArraylakeClient client() {
        if (client == null) {
            throw new IllegalStateException("arraylake:" + resourceType + " is not started");
        }
        return client;
    }

    /**
     * Fails at route start, naming the option, when the URI asks for something the endpoint cannot do: a value out of
     * its range (wherever it was set), an operation the resource does not offer.
     */
    @Override
    public Producer createProducer() {
        OptionHeaders.TABLE.values().checkConfigured(configuration);
        if (configuration.getOperation() != null) {
            configuration.getOperation().checkFor(resourceType, "option operation");
        }
        return new ArraylakeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (resourceType != ArraylakeResource.repos) {
            throw new ArraylakeOptionException("arraylake:" + resourceType + " has no consumer; the change feed is"
                    + " arraylake:repos?org=<org>");
        }
        if (configuration.getOrg() == null || configuration.getOrg().isBlank()) {
            throw new ArraylakeOptionException("The arraylake:repos change feed needs the org option");
        }
        OptionHeaders.TABLE.values().checkConfigured(configuration);
        return configureBatchConsumer(
                new RepoFeedConsumer(this, processor),
                configuration.getConsumer().getMaxMessagesPerPoll(),
                FEED_DELAY);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ConnectionOptions c = configuration.getConnection();
        if (c.getArraylakeClient() != null) {
            client = c.getArraylakeClient();
            ownsClient = false;
            return;
        }
        ArraylakeSettings.Builder explicit = ArraylakeSettings.builder()
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .requestTimeout(Duration.ofMillis(c.getRequestTimeout()))
                .maxRetries(c.getMaxRetries())
                .maxBackoff(Duration.ofMillis(c.getMaxBackoff()))
                .maxRetryAfter(Duration.ofMillis(c.getMaxRetryAfter()))
                .maxRetryTime(Duration.ofMillis(c.getMaxRetryTime()))
                .maxResponseSize(c.getMaxResponseSize());
        if (c.getCallTimeout() != null) {
            explicit.callTimeout(Duration.ofMillis(c.getCallTimeout()));
        }
        if (c.getServiceUri() != null) {
            explicit.serviceUri(c.getServiceUri());
        }
        if (c.getToken() != null) {
            explicit.token(c.getToken());
        }
        if (c.getTokenFile() != null) {
            explicit.tokenFile(Path.of(c.getTokenFile()));
        }
        ArraylakeComponent component = getComponent();
        client = ArraylakeClient.create(ArraylakeSettings.resolve(explicit, component.environment(), component.home()));
        ownsClient = true;
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsClient && client != null) {
            client.close();
        }
        client = null;
        super.doStop();
    }

    @Override
    public String getServiceUrl() {
        return client != null
                ? client.settings().serviceUri()
                : configuration.getConnection().getServiceUri();
    }

    @Override
    public String resourceName() {
        return resourceType.name();
    }

    @Override
    public String operationName() {
        return configuration.getOperation() == null
                ? null
                : configuration.getOperation().name();
    }

    @Override
    public Object runningClient() {
        return client;
    }

    @Override
    public Map<String, Object> clientUsage() {
        return client.stats().toMap();
    }
}
