package dev.cameltiledb.component;

import java.util.Map;

import dev.cameltiledb.camel.ServiceEndpoint;
import dev.cameltiledb.camel.SharedListings;
import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.component.cluster.PartitionHandOver;
import dev.cameltiledb.component.consumer.TileDBActivityConsumer;
import dev.cameltiledb.component.consumer.TileDBCellsConsumer;
import dev.cameltiledb.component.consumer.TileDBChangeConsumer;
import dev.cameltiledb.component.consumer.TileDBTaskConsumer;
import dev.cameltiledb.component.producer.TileDBProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * Work with TileDB Cloud: arrays, groups, notebooks, sharing, users and organizations; consume the activity log and
 * change feeds of arrays, notebooks and groups.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "tiledb",
        title = "TileDB Cloud",
        syntax = "tiledb:resource",
        category = {Category.CLOUD, Category.API},
        headersClass = TileDBConstants.class)
public class TileDBEndpoint extends ServiceEndpoint implements OptionGroups {

    static final long ACTIVITY_DELAY = 10_000L;
    static final long CHANGE_FEED_DELAY = 60_000L;

    // enums lists every spelling a route accepts (TileDBResource.parse), aliases too, so that Camel's catalog
    // (IDE tooling, Camel JBang, Karavan) validates the URIs users write; CatalogValidationTest keeps it in step
    @UriPath(
            description = "The TileDB Cloud resource to work on, by its name or its singular or plural alias",
            enums =
                    "activity,activities,cells,cell,arrays,array,groups,group,notebooks,notebook,user,users,workspaces,workspace,"
                            + "teamspaces,teamspace,assets,asset,folders,folder,files,file,credentials,credential,tasks,task,sql,"
                            + "udfs,udf,taskgraphs,taskgraph,task_graphs,task_graph")
    @Metadata(required = true)
    private final TileDBResource resource;

    @UriParam
    private final TileDBConfiguration configuration;

    private ClientSettings clientSettings;
    private TileDBClient client;
    /** Shared by every consumer master: starts on this endpoint, one after the other. */
    private final PartitionHandOver handOver = new PartitionHandOver();

    TileDBEndpoint(String uri, TileDBComponent component, TileDBResource resource, TileDBConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
    }

    @Override
    public TileDBComponent getComponent() {
        return (TileDBComponent) super.getComponent();
    }

    public TileDBResource getResource() {
        return resource;
    }

    public TileDBConfiguration getConfiguration() {
        return configuration;
    }

    /** The client the endpoint calls the service with, while it runs. */
    public TileDBClient getClient() {
        return client;
    }

    /** The listing pages this endpoint's consumer shares with the other consumers of its component (its node). */
    public SharedListings sharedListings() {
        return getComponent().listings();
    }

    /** What the consumer masters starting on this endpoint share to hand a partition over one after the other. */
    public PartitionHandOver handOver() {
        return handOver;
    }

    /**
     * Checks at route start what the URI already shows: values out of their range (wherever they were set), an
     * operation the resource does not offer.
     */
    @Override
    public Producer createProducer() {
        OptionHeaders.TABLE.values().checkConfigured(configuration);
        TileDBOperation operation = configuration.getOperation();
        if (operation != null) {
            operation.requireOfferedBy(resource);
        }
        return new TileDBProducer(this);
    }

    /**
     * {@code tiledb:activity} delivers activity events; {@code tiledb:tasks} each task as it finishes;
     * {@code tiledb:arrays}, {@code notebooks}, {@code groups} and (on the workspace platform, one folder)
     * {@code assets} are change feeds. Both are scheduled polling consumers ({@code delay}, {@code scheduler=quartz}...).
     */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        OptionHeaders.TABLE.values().checkConfigured(configuration);
        ScheduledBatchPollingConsumer consumer = switch (resource) {
            case activity -> new TileDBActivityConsumer(this, processor);
            case cells -> new TileDBCellsConsumer(this, processor);
            case arrays, notebooks, groups, assets -> new TileDBChangeConsumer(this, processor);
            case tasks -> new TileDBTaskConsumer(this, processor);
            case user, workspaces, teamspaces, folders, files, credentials, sql, udfs, taskgraphs ->
                throw new UnsupportedOperationException(
                        "tiledb:" + resource + " has no consumer; use it as a producer (to)");
        };
        // 10 s for the activity stream, the cells and the tasks, 60 s for change feeds (kept from when each of their
        // polls listed every asset, so that an upgrade does not change how often a route's changes come)
        return configureBatchConsumer(
                consumer,
                configuration.getConsumer().getMaxMessagesPerPoll(),
                resource == TileDBResource.activity
                                || resource == TileDBResource.cells
                                || resource == TileDBResource.tasks
                        ? ACTIVITY_DELAY
                        : CHANGE_FEED_DELAY);
    }

    /**
     * Whether the endpoint calls the service: {@code tiledb:user?operation=configure} only writes a profile, so it
     * starts without a connection, and without credentials (writing the first profile is what it is for).
     */
    public boolean needsClient() {
        return configuration.getOperation() != TileDBOperation.configure;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (!needsClient()) {
            return;
        }
        if (configuration.getConnection().getTiledbClient() != null) {
            // the user's client, with the user's settings; it is theirs to close
            client = configuration.getConnection().getTiledbClient();
            clientSettings = client.settings();
            return;
        }
        clientSettings = getComponent().settingsFactory().create(configuration, getCamelContext());
        client = getComponent().clients().acquire(clientSettings);
    }

    @Override
    protected void doStop() throws Exception {
        if (configuration.getConnection().getTiledbClient() != null) {
            client = null;
            clientSettings = null;
        } else if (clientSettings != null) {
            getComponent().clients().release(clientSettings);
            clientSettings = null;
            client = null;
        }
        super.doStop();
    }

    @Override
    public String getServiceUrl() {
        return clientSettings != null
                ? clientSettings.host()
                : configuration.getConnection().getHost();
    }

    @Override
    public String resourceName() {
        return resource.name();
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
