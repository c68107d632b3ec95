package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.camel.ChangeFeedConsumer;
import dev.cameltiledb.camel.KnownState;
import dev.cameltiledb.camel.SharedListings;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.PaginationMetadata;
import dev.cameltiledb.component.ConsumerOptions;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import dev.cameltiledb.component.cluster.AssetPartitions;
import dev.cameltiledb.component.cluster.LeadershipGuard;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;

/**
 * A change feed of arrays, notebooks or groups of a namespace (or teamspace), or of the assets in one folder of a
 * teamspace ({@link ChangeFeedSource}): it emits one exchange per asset that appeared ({@code created}), changed
 * ({@code updated}: any field the service keeps, except the last-accessed time, which every read moves) or is gone
 * ({@code deleted}, its body carrying the id, namespace, name and {@code tiledb://} URI). A poll reads the listing
 * most recently accessed (assets: updated) first down to what it saw before, and the whole listing every
 * {@code listingRefreshInterval} or when a gap shows; how, and when an asset counts as gone: {@link ChangeFeedConsumer}.
 * The consumers of one node that read the same listing (the partitions of a feed) share its pages
 * ({@link SharedListings}), so they cost one listing per poll.
 * <p>
 * The state is a digest per asset with its address ({@link Known}), written only when it changed. It moves only past
 * exchanges that completed, so a failed one is emitted again on the next poll (at-least-once). Split into partitions,
 * each consumer watches the assets of its partition under a state key of its own; run by {@code master:}, it polls
 * only while this node leads.
 */
public class TileDBChangeConsumer extends ChangeFeedConsumer<Object, TileDBChangeConsumer.Known> {

    /**
     * What the feed remembers of an asset: a digest of its description (to see that it changed) and its namespace and
     * name (all a {@code deleted} exchange carries), about 100 bytes an asset.
     */
    record Known(String digest, String namespace, String name) {}

    private static final KnownState.Codec<Known> CODEC = new KnownState.Codec<>() {
        @Override
        public List<String> fields(Known known) {
            return List.of(known.digest(), known.namespace(), known.name());
        }

        @Override
        public Known known(List<String> fields) {
            return new Known(fields.get(0), fields.get(1), fields.get(2));
        }
    };

    private final ObjectMapper mapper = TileDBJson.mapper();
    private final TileDBEndpoint endpoint;
    private final ConsumerMetrics metrics;
    private final ChangeFeedSource source;
    private AssetPartitions partitions;
    private LeadershipGuard guard;
    /** The pass over a listing this poll reads, its pages shared with the node's other readers of it. */
    private SharedListings.Read read;

    public TileDBChangeConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor, CODEC);
        this.endpoint = endpoint;
        this.metrics = new ConsumerMetrics(endpoint, this);
        this.source = ChangeFeedSource.of(endpoint.getResource(), endpoint.getConfiguration());
    }

    @Override
    protected void doStart() throws Exception {
        partitions = AssetPartitions.of(endpoint.getConfiguration().getConsumer());
        guard = LeadershipGuard.of(endpoint);
        super.doStart();
        for (boolean recent : new boolean[] {false, true}) {
            endpoint.sharedListings().register(endpoint.getClient(), source.request(recent), this);
        }
    }

    @Override
    protected void doStop() throws Exception {
        for (boolean recent : new boolean[] {false, true}) {
            endpoint.sharedListings().unregister(endpoint.getClient(), source.request(recent), this);
        }
        super.doStop();
    }

    @Override
    protected StateRepository<String, String> configuredState() {
        return endpoint.getConfiguration().getConsumer().getStateRepository();
    }

    @Override
    protected String stateKey() {
        ConsumerOptions c = endpoint.getConfiguration().getConsumer();
        String key =
                c.getStateKey() != null ? c.getStateKey() : "tiledb:" + endpoint.getResource() + ":" + source.scope();
        // each partition remembers its own assets
        return partitions.isSplit()
                ? key + "|partition:" + partitions.partition() + "/" + partitions.partitions()
                : key;
    }

    @Override
    protected String scope() {
        return endpoint.getResource() + " listing of " + source.scope();
    }

    @Override
    protected boolean initialSnapshot() {
        return endpoint.getConfiguration().getConsumer().isInitialSnapshot();
    }

    /** Under {@code master:}, the first poll that finds this node leading reads the state. */
    @Override
    protected boolean loadsOnStart() {
        return !guard.isClustered();
    }

    @Override
    protected boolean leads() {
        return guard.leads();
    }

    @Override
    protected List<String> partitionsHeld() {
        return List.of(partitions.held());
    }

    @Override
    protected long requestCount() {
        return metrics.requests();
    }

    @Override
    protected AutoCloseable pollScope() {
        metrics.polled();
        return metrics.calls();
    }

    @Override
    protected RuntimeException pollFailure(RuntimeException e) {
        return ConsumerMetrics.pollFailure(e);
    }

    @Override
    protected void delivered(Exchange exchange) {
        metrics.delivered(exchange);
    }

    @Override
    protected void beginPass(Pass pass) {
        read = endpoint.sharedListings()
                .begin(endpoint.getClient(), source.request(pass == Pass.RECENT), this, getDelay());
    }

    @Override
    protected ListingPage<Object> fetchPage(int page) {
        return read.page(page, () -> fetch(false, page));
    }

    @Override
    protected ListingPage<Object> fetchRecentPage(int page) {
        return read.page(page, () -> fetch(true, page));
    }

    private ListingPage<Object> fetch(boolean recent, int page) {
        Page<Object> answer = source.listing(endpoint.getClient(), recent).fetch(page);
        PaginationMetadata meta = answer.pagination();
        return meta == null
                ? new ListingPage<>(answer.items(), null, null)
                : new ListingPage<>(answer.items(), meta.totalItems(), (int) meta.totalPages());
    }

    @Override
    protected Instant recencyOf(Object asset) {
        return source.recencyOf(asset);
    }

    @Override
    protected long listingRefreshInterval() {
        return endpoint.getConfiguration().getConsumer().getListingRefreshInterval();
    }

    @Override
    protected String idOf(Object asset) {
        return source.idOf(asset);
    }

    /** The assets of this consumer's partition; all of them when it is not split. */
    @Override
    protected Map<String, Object> owned(Map<String, Object> assets) {
        if (!partitions.isSplit()) {
            return assets;
        }
        Map<String, Object> mine = new LinkedHashMap<>();
        assets.forEach((id, asset) -> {
            if (partitions.owns(source.addressOf(asset))) {
                mine.put(id, asset);
            }
        });
        return mine;
    }

    @Override
    protected Known remember(Object asset) {
        ObjectNode json = mapper.valueToTree(asset);
        json.remove("last_accessed");
        AssetRef address = source.addressOf(asset);
        try {
            return new Known(
                    KnownState.digest(mapper.writeValueAsString(json), 9),
                    address.home().toString(),
                    address.name());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An asset description could not be written", e);
        }
    }

    @Override
    protected void compare(String id, Known before, Known now, Object asset, List<Change<Known>> changes) {
        if (!before.digest().equals(now.digest())) {
            changes.add(new Change<>(UPDATED, id, asset, now));
        }
    }

    /** Asks the service about an asset the listing did not show: gone only when its info says so. */
    @Override
    protected boolean isGone(String id, Known asset) {
        try {
            return !id.equals(source.idOf(source.current(endpoint.getClient(), address(asset))));
        } catch (TileDBNotFoundException e) {
            return true; // the name now belongs to another asset, or to none
        }
    }

    @Override
    protected Object deletedBody(String id, Known asset) {
        return source.deletedBody(id, address(asset));
    }

    @Override
    protected void describe(Message message, Change<Known> change) {
        message.setHeader(TileDBConstants.CHANGE, change.type());
    }

    /** Where a remembered asset lives: its namespace (or teamspace) and its name (or path). */
    private static AssetRef address(Known asset) {
        return new AssetRef(asset.namespace(), asset.name());
    }
}
