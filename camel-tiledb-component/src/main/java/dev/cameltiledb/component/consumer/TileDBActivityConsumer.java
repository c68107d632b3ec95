package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.camel.StreamPositions;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.component.TileDBConfiguration;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import dev.cameltiledb.component.TileDBFencedException;
import dev.cameltiledb.component.cluster.AssetPartitions;
import dev.cameltiledb.component.cluster.LeadershipGuard;
import dev.cameltiledb.component.cluster.PartitionFence;
import dev.cameltiledb.component.cluster.PartitionHandOver;
import dev.cameltiledb.component.state.FencedStateRepository;
import dev.cameltiledb.component.state.StateFencedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange per activity event of an array, of everything in a group, or of every array in a namespace, oldest
 * first per stream (an event the service logs late, inside {@code lateArrivalSeconds}, comes when it appears).
 * <p>
 * Each stream has an {@link ActivityCursor} that moves only past events whose exchange completed, so a failed
 * exchange is delivered again on a later poll and nothing after it in that stream is skipped. The events one read
 * found wait in a backlog that later polls drain, {@code maxMessagesPerPoll} at a time and without new requests,
 * polling again at once while the backlog lasts.
 * <p>
 * Guarantee: at-least-once. A cursor is saved after the exchanges that move it (see {@link ActivityCursor} for when),
 * so a crash after an exchange completed and before its cursor was saved delivers that event again after the
 * restart; {@code CamelTileDBEventId} identifies it for an idempotent consumer.
 */
public class TileDBActivityConsumer extends TileDBPollingConsumer {

    private static final ObjectMapper MAPPER = TileDBJson.mapper();
    private static final Logger LOG = LoggerFactory.getLogger(TileDBActivityConsumer.class);

    private final Deque<ActivityItem> backlog = new ArrayDeque<>();
    private ActivitySource source;
    private ActivityCursors cursors;
    private PartitionFence fence;
    private AssetPartitions partitions;
    private String stateKey;
    private String partitionKey;
    private LeadershipGuard guard;
    /** Set once a save or a check found that another consumer took this one's partition over. */
    private StateFencedException fenced;
    /** When this node gives the partition to another (between two polls): what was delivered is saved first. */
    private final PartitionHandOver.Releasable release = this::deactivate;

    public TileDBActivityConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        TileDBConfiguration config = endpoint.getConfiguration();
        if (config.getNamespace() == null
                && config.getTiledbUri() == null
                && !isUri(config.getArray())
                && !isUri(config.getGroup())) {
            throw new TileDBConfigurationException("tiledb:activity needs the namespace option (with array or group for"
                    + " one array or one group's contents) or tiledbUri");
        }
        AssetPartitions partitions = AssetPartitions.of(config.getConsumer());
        if (partitions.isSplit()
                && (config.getTiledbUri() != null || config.getArray() != null || config.getGroup() != null)) {
            throw new TileDBConfigurationException("The partitions option splits the arrays of a whole namespace:"
                    + " remove array, group and tiledbUri, or remove partitions and partition");
        }
        super.doStart();
        this.partitions = partitions;
        stateKey = config.getConsumer().getStateKey() != null
                ? config.getConsumer().getStateKey()
                : defaultStateKey(config);
        // cursors are per array under the shared key, so a new number of partitions keeps them; the start and the
        // fence belong to one partition
        partitionKey = partitions.isSplit()
                ? stateKey + "|partition:" + partitions.partition() + "/" + partitions.partitions()
                : stateKey;
        fenced = null;
        guard = LeadershipGuard.of(endpoint);
        deactivate();
        if (guard.isClustered()) {
            endpoint.handOver().register(release);
        } else {
            activate(); // under master: the first poll that finds this node leading does
        }
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.handOver().unregister(release);
        if (source != null) {
            source.close(); // no longer holds back the listing pages the other consumers of this node share
        }
        super.doStop();
    }

    /**
     * Takes this consumer's streams over: a new fence epoch (when the store fences), the saved cursors read afresh,
     * a new source. Under {@code master:} this happens at the first poll that finds this node leading.
     */
    private void activate() throws JsonProcessingException {
        TileDBConfiguration config = endpoint.getConfiguration();
        fence = state instanceof FencedStateRepository store
                ? PartitionFence.acquire(
                        store, partitionKey + "|fence", config.getConsumer().getFenceCheckInterval())
                : null;
        ActivityCursors.ActivityStart start =
                start(partitionKey, config.getConsumer().getStartFrom());
        cursors =
                new ActivityCursors(state, stateKey, start, config.getConsumer().getLateArrivalSeconds(), fence);
        source = source(config, start, partitions);
        backlog.clear();
        if (partitions.isSplit() || fence != null) {
            // a node of a cluster says which partition it took over, and under which epoch
            LOG.info(
                    "Activity of {}{} active ({}{})",
                    config.getNamespace() != null ? config.getNamespace() : config.getTiledbUri(),
                    partitions.isSplit() ? ", " + partitions + "," : "",
                    guard,
                    fence != null ? ", fence epoch " + fence.epoch() : "");
        }
    }

    /**
     * Lets go of the streams when this node no longer leads, or gives the partition away: what was delivered is saved,
     * what waits is dropped.
     */
    private void deactivate() {
        if (cursors != null && fenced == null) {
            try {
                cursors.saveAll();
            } catch (StateFencedException e) {
                LOG.debug("Not saved, another consumer leads already: {}", e.getMessage());
            }
        }
        if (source != null) {
            source.close();
        }
        cursors = null;
        source = null;
        fence = null;
        backlog.clear();
    }

    private static boolean isUri(String value) {
        return value != null && value.startsWith(AssetRef.SCHEME);
    }

    private static String defaultStateKey(TileDBConfiguration c) {
        String scope = c.getTiledbUri() != null
                ? c.getTiledbUri()
                : c.getArray() != null ? c.getArray() : c.getGroup() != null ? "group:" + c.getGroup() : "*";
        return "tiledb:activity:" + c.getNamespace() + ":" + scope;
    }

    private ActivitySource source(
            TileDBConfiguration c, ActivityCursors.ActivityStart start, AssetPartitions partitions) {
        ArrayActivityReader reader = new ArrayActivityReader(endpoint.getClient(), c);
        if (c.getTiledbUri() != null) {
            return new SingleArrayActivitySource(AssetRef.parse(c.getTiledbUri()), reader, cursors);
        }
        if (c.getArray() != null) {
            return new SingleArrayActivitySource(ref(c.getArray(), c.getNamespace()), reader, cursors);
        }
        if (c.getGroup() != null) {
            return new GroupActivitySource(endpoint.getClient(), ref(c.getGroup(), c.getNamespace()), cursors, c);
        }
        NamespaceActivitySource.Schedule schedule = new NamespaceActivitySource.Schedule(
                getDelay(),
                c.getConsumer().getMaxQuietInterval(),
                c.getConsumer().getListingRefreshInterval(),
                c.getConsumer().getMaxRequestsPerPoll(),
                c.getConsumer().getLateArrivalSeconds() * 1000);
        return new NamespaceActivitySource(
                endpoint.getClient(),
                c.getNamespace(),
                reader,
                cursors,
                schedule,
                start.beginning() ? null : start.at(),
                System::currentTimeMillis,
                c.getListing().getPerPage() != null ? c.getListing().getPerPage() : 100,
                partitions,
                endpoint.sharedListings());
    }

    private static AssetRef ref(String nameOrUri, String namespace) {
        return isUri(nameOrUri) ? AssetRef.parse(nameOrUri) : new AssetRef(namespace, nameOrUri);
    }

    /**
     * Where streams without a saved cursor start. The instant a "now" stream started is saved under the consumer's
     * state key the first time, so a stream first read after a restart still starts there, not at the restart.
     */
    private ActivityCursors.ActivityStart start(String stateKey, String startFrom) throws JsonProcessingException {
        String from = startFrom == null ? "now" : startFrom.strip();
        Instant now = Instant.now();
        if (from.equals("beginning")) {
            return new ActivityCursors.ActivityStart(null, true, now.minus(ActivityRetention.SERVICE_WINDOW));
        }
        String saved = state.getState(stateKey);
        if (saved != null) {
            return new ActivityCursors.ActivityStart(
                    Instant.parse(MAPPER.readTree(saved).path("start").asText()), false, null);
        }
        Instant at;
        if (from.equals("now")) {
            at = now;
        } else {
            try {
                at = Instant.parse(from);
            } catch (DateTimeParseException e) {
                throw new TileDBConfigurationException(
                        "The startFrom option must be now, beginning or an ISO-8601 instant," + " was '" + from + "'",
                        e);
            }
        }
        String value = MAPPER.writeValueAsString(java.util.Map.of("start", at.toString()));
        if (fence != null) {
            fence.save(stateKey, value);
        } else {
            state.setState(stateKey, value);
        }
        return new ActivityCursors.ActivityStart(at, false, null);
    }

    /** One poll at a time, and none while the partition is handed over (see {@link PartitionHandOver}). */
    @Override
    protected int doPoll() throws Exception {
        return endpoint.handOver().poll(this::pollOnce);
    }

    @Override
    protected String streamKind() {
        return "activity";
    }

    /** Each array (or group) read in this run is a stream; none while another node leads. */
    @Override
    protected StreamPositions positions() {
        if (cursors == null) {
            return StreamPositions.none(streamKind());
        }
        Map<String, Instant> at = cursors.positions();
        return new StreamPositions(
                streamKind(),
                at.size(),
                at.values().stream().min(Comparator.naturalOrder()).orElse(null),
                at.values().stream().max(Comparator.naturalOrder()).orElse(null),
                backlog.size(),
                at.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue())
                        .limit(StreamPositions.SHOWN)
                        .map(Map.Entry::getKey)
                        .toList(),
                List.of(partitions.held()),
                fence == null ? null : fence.epoch());
    }

    /** The stream's events waiting in the backlog are dropped: the next poll reads the stream again from {@code at}. */
    @Override
    protected String reset(String stream, Instant at) {
        if (cursors == null) {
            throw new IllegalStateException("This node does not lead the activity of " + stateKey
                    + " now: reset the cursor on the node that does");
        }
        cursors.reset(stream, at);
        backlog.removeIf(item -> item.stream().equals(stream));
        source.readAgain(stream);
        return "the activity cursor of " + stream + " moved to " + at + " (state key " + stateKey + ")";
    }

    private int pollOnce() throws Exception {
        if (fenced != null) {
            throw new TileDBFencedException(fenced);
        }
        if (!guard.leads()) {
            deactivate();
            return 0;
        }
        if (cursors == null) {
            activate();
        }
        metrics.polled();
        // progress a failed save left in memory is saved before anything more is delivered: while the store is
        // down the poll fails here, naming it, and no event is delivered that a crash would have to repeat
        cursors.saveAll();
        if (backlog.isEmpty()) {
            List<ActivityItem> found;
            try (RequestContext.Scope scope = metrics.calls()) {
                found = source.read();
            } catch (RuntimeException e) {
                throw ConsumerMetrics.pollFailure(e);
            }
            ActivitySource.StreamFailure skipped = source.skipped();
            if (skipped != null) {
                getExceptionHandler()
                        .handleException(
                                "Reading the activity of " + skipped.stream() + " failed; the other streams went on,"
                                        + " and it is read again on a later poll",
                                skipped.error());
            }
            found.sort(ActivityItem.DELIVERY_ORDER);
            backlog.addAll(found);
            LOG.debug("Activity poll: {} requests, {} events due", source.lastRequests(), found.size());
        }
        int max = getMaxMessagesPerPoll();
        Queue<Object> batch = new ArrayDeque<>(max <= 0 ? backlog.size() : Math.min(max, backlog.size()));
        while (!backlog.isEmpty() && (max <= 0 || batch.size() < max)) {
            batch.add(backlog.poll());
        }
        return processBatch(batch);
    }

    /** While a backlog is left, the next poll comes at once: it sends no request, it only delivers. */
    @Override
    public boolean isGreedy() {
        return super.isGreedy() || !backlog.isEmpty();
    }

    @Override
    public int processBatch(Queue<Object> items) throws Exception {
        int total = items.size();
        int index = 0;
        Set<String> failed = new HashSet<>();
        try {
            while (!items.isEmpty() && isBatchAllowed()) {
                ActivityItem next = (ActivityItem) items.poll();
                if (failed.contains(next.stream())) {
                    continue; // an earlier event of this stream failed: the later ones are read again with it
                }
                if (!guard.leads()) {
                    items.add(next); // read again by whoever leads now
                    break;
                }
                if (fence != null) {
                    fence.verify();
                }
                if (deliver(
                        createExchange(next),
                        index++,
                        total,
                        () -> "activity event " + next.event().id() + " of "
                                + next.asset().toUri())) {
                    cursors.completed(next.stream(), next.event());
                } else {
                    failed.add(next.stream());
                }
            }
        } catch (StateFencedException e) {
            // another node leads this partition now: it resumes from the last cursor saved here; nothing more is
            // delivered or saved by this consumer
            fenced = e;
            backlog.clear();
            items.clear();
            throw new TileDBFencedException(e);
        } finally {
            try {
                if (fenced == null) {
                    cursors.saveAll();
                }
            } finally {
                // what a stopped batch did not reach, and what waits behind a failure, is read again from the cursors
                Set<String> unread = new HashSet<>(failed);
                if (!items.isEmpty()) {
                    items.forEach(item -> unread.add(((ActivityItem) item).stream()));
                    backlog.forEach(item -> unread.add(item.stream()));
                    backlog.clear();
                } else {
                    backlog.removeIf(item -> failed.contains(item.stream()));
                }
                unread.forEach(source::readAgain);
            }
        }
        return index;
    }

    private Exchange createExchange(ActivityItem item) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        ArrayActivityLog event = item.event();
        message.setBody(event);
        message.setHeader(TileDBConstants.EVENT_ID, event.id());
        message.setHeader(TileDBConstants.EVENT_ACTION, event.action());
        message.setHeader(TileDBConstants.EVENT_USER, event.username());
        message.setHeader(TileDBConstants.EVENT_TIME, event.eventAt());
        message.setHeader(TileDBConstants.NAMESPACE, item.asset().namespace());
        message.setHeader(TileDBConstants.ARRAY, item.asset().name());
        message.setHeader(TileDBConstants.ASSET_URI, item.asset().toUri());
        return exchange;
    }
}
