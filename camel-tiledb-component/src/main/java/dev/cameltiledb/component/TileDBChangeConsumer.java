package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.PageSource;
import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.PaginationMetadata;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change feed of arrays, notebooks or groups of a namespace (or teamspace), or of the assets in one folder of a
 * teamspace ({@link ChangeFeedSource}): each poll lists the assets (page by page) and emits one exchange per
 * asset that appeared ({@code created}), changed ({@code updated}: any field the service keeps, except the
 * last-accessed time, which every read moves) or is gone ({@code deleted}, its body carrying the id, namespace, name
 * and {@code tiledb://} URI).
 * <p>
 * A listing paged by offset shifts when an asset appears or disappears between two page requests, so a poll first
 * looks for a listing that moved while it was read (totals that change between pages, an id on two pages, fewer
 * ids than the total) and lists again, up to {@link #LISTING_ATTEMPTS} times. The first snapshot is taken only from a
 * listing that held still (else the poll is skipped), so every asset that existed then is known; after it, a listing
 * that still moved is safe to act on: what it shows is real, an asset it shows that is not known is new, and an asset
 * missing from it is reported {@code deleted} only once the service confirms it gone (its info answers 404, or names
 * another asset). An empty or shifted listing alone never deletes anything.
 * <p>
 * The state is a digest per asset ({@link KnownAssets}), written only when it changed. It moves only past exchanges
 * that completed, so a failed one is emitted again on the next poll (at-least-once).
 */
public class TileDBChangeConsumer extends TileDBBatchConsumer {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String DELETED = "deleted";
    static final int LISTING_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(TileDBChangeConsumer.class);

    private final ObjectMapper mapper = TileDBJson.mapper();
    private final ChangeFeedSource source;
    private KnownAssets known;
    private String stateKey;
    private AssetPartitions partitions;
    private LeadershipGuard guard;
    /** Whether {@link #known} holds what the state repository had when this consumer last began to lead. */
    private boolean loaded;

    private record Change(String kind, String id, Object body, KnownAssets.Known after) {}

    /** One complete read of the listing: the assets by id, and whether it held still while it was paged. */
    private record Listed(Map<String, Object> assets, boolean consistent) {}

    TileDBChangeConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.source = ChangeFeedSource.of(endpoint.getResource(), endpoint.getConfiguration());
    }

    @Override
    protected void doStart() throws Exception {
        TileDBConfiguration c = endpoint.getConfiguration();
        partitions = AssetPartitions.of(c.getConsumer());
        super.doStart();
        String key = c.getConsumer().getStateKey() != null
                ? c.getConsumer().getStateKey()
                : "tiledb:" + endpoint.getResource() + ":" + source.scope();
        // each partition remembers its own assets
        stateKey = partitions.isSplit()
                ? key + "|partition:" + partitions.partition() + "/" + partitions.partitions()
                : key;
        guard = LeadershipGuard.of(endpoint);
        loaded = false;
        if (!guard.isClustered()) {
            load(); // under master: the first poll that finds this node leading does
        }
    }

    /** Reads the saved state afresh: at start, and when this node leads again after another node did. */
    private void load() {
        String saved = state.getState(stateKey);
        known = saved == null ? null : KnownAssets.parse(stateKey, saved);
        loaded = true;
    }

    @Override
    protected int poll() throws Exception {
        if (!guard.leads()) {
            loaded = false; // another node moves the state on meanwhile
            return 0;
        }
        if (!loaded) {
            load();
        }
        countPoll();
        Listed listed;
        try (RequestContext.Scope scope = RequestContext.open(pollListener(), null)) {
            listed = mine(consistentListing());
        } catch (TileDBApiException e) {
            throw new TileDBPollException(e);
        }
        if (known == null) {
            if (!listed.consistent()) {
                // an asset a shifted listing missed would later look new: the first state comes from a still listing
                LOG.info(
                        "The {} listing of {} kept moving while it was paged; the first snapshot waits for the next poll",
                        endpoint.getResource(),
                        source.scope());
                return 0;
            }
            known = new KnownAssets();
            if (!endpoint.getConfiguration().getConsumer().isInitialSnapshot()) {
                listed.assets().forEach((id, asset) -> known.put(id, remember(asset)));
                save();
                return 0;
            }
        }
        Queue<Object> changes = new LinkedList<>();
        int max = getMaxMessagesPerPoll();
        for (Map.Entry<String, Object> e : listed.assets().entrySet()) {
            KnownAssets.Known before = known.get(e.getKey());
            KnownAssets.Known now = remember(e.getValue());
            if (before == null || !before.digest().equals(now.digest())) {
                changes.add(new Change(before == null ? CREATED : UPDATED, e.getKey(), e.getValue(), now));
            }
        }
        try {
            for (Map.Entry<String, KnownAssets.Known> e : known.all().entrySet()) {
                if (!listed.assets().containsKey(e.getKey())
                        && (max <= 0 || changes.size() < max)
                        && isConfirmedGone(e.getKey(), e.getValue())) {
                    changes.add(new Change(
                            DELETED, e.getKey(), source.deletedBody(e.getKey(), address(e.getValue())), null));
                }
            }
        } catch (TileDBApiException e) {
            throw new TileDBPollException(e);
        }
        while (max > 0 && changes.size() > max) {
            ((LinkedList<Object>) changes).removeLast(); // the rest is still a difference on the next poll
        }
        return processBatch(changes);
    }

    /** The assets of this consumer's partition; all of them when it is not split. */
    private Listed mine(Listed listed) {
        if (!partitions.isSplit()) {
            return listed;
        }
        Map<String, Object> mine = new LinkedHashMap<>();
        listed.assets().forEach((id, asset) -> {
            if (partitions.owns(source.addressOf(asset))) {
                mine.put(id, asset);
            }
        });
        return new Listed(mine, listed.consistent());
    }

    /** Lists until a read held still, at most {@link #LISTING_ATTEMPTS} times; the last read is used either way. */
    private Listed consistentListing() {
        Listed listed = null;
        for (int attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
            listed = listOnce();
            if (listed.consistent()) {
                return listed;
            }
            LOG.debug(
                    "The {} listing of {} moved while it was paged (attempt {}); listing again",
                    endpoint.getResource(),
                    source.scope(),
                    attempt);
        }
        return listed;
    }

    private Listed listOnce() {
        PageSource<Object> pages = source.listing(endpoint.getClient());
        Map<String, Object> assets = new LinkedHashMap<>();
        boolean consistent = true;
        Long total = null;
        int items = 0;
        for (int page = 1; ; page++) {
            Page<Object> answer = pages.fetch(page);
            PaginationMetadata meta = answer.pagination();
            if (meta != null) {
                consistent &= total == null || total == meta.totalItems();
                total = meta.totalItems();
            }
            for (Object asset : answer.items()) {
                items++;
                consistent &= assets.put(source.idOf(asset), asset) == null;
            }
            if (answer.items().isEmpty() || meta == null || meta.totalPages() <= page) {
                break;
            }
        }
        consistent &= total == null || total == items;
        // an empty answer while assets are known is worth a second look before anything is compared with it
        consistent &= !(assets.isEmpty() && known != null && !known.isEmpty());
        return new Listed(assets, consistent);
    }

    /** Asks the service about an asset the listing did not show: gone only when its info says so. */
    private boolean isConfirmedGone(String id, KnownAssets.Known asset) {
        try {
            Object current = source.current(endpoint.getClient(), address(asset));
            return !id.equals(source.idOf(current)); // the name now belongs to another asset
        } catch (TileDBNotFoundException e) {
            return true;
        }
    }

    /** Where a remembered asset lives: its namespace (or teamspace) and its name (or path). */
    private static AssetRef address(KnownAssets.Known asset) {
        return new AssetRef(asset.namespace(), asset.name());
    }

    private KnownAssets.Known remember(Object asset) {
        ObjectNode json = mapper.valueToTree(asset);
        json.remove("last_accessed");
        AssetRef address = source.addressOf(asset);
        try {
            return new KnownAssets.Known(
                    KnownAssets.digest(mapper.writeValueAsString(json)),
                    address.home().toString(),
                    address.name());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An asset description could not be written", e);
        }
    }

    @Override
    public int processBatch(Queue<Object> changes) throws Exception {
        int total = changes.size();
        int index = 0;
        List<Change> done = new ArrayList<>();
        try {
            while (!changes.isEmpty() && isBatchAllowed() && guard.leads()) {
                Change change = (Change) changes.poll();
                Exchange exchange = createExchange(false);
                exchange.getMessage().setBody(change.body());
                exchange.getMessage().setHeader(TileDBConstants.CHANGE, change.kind());
                if (deliver(exchange, index++, total, "the " + change.kind() + " change of " + change.id())) {
                    done.add(change);
                }
            }
        } finally {
            for (Change change : done) {
                if (change.kind().equals(DELETED)) {
                    known.remove(change.id());
                } else {
                    known.put(change.id(), change.after());
                }
            }
            save();
        }
        return index;
    }

    /** Writes the state only when it changed: a quiet poll writes nothing. */
    private void save() {
        if (known.isDirty() || state.getState(stateKey) == null) {
            state.setState(stateKey, known.format());
            known.saved();
        }
    }
}
