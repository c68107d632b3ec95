package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Queue;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.camel.StreamPositions;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.CellPages;
import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.component.CellFormat;
import dev.cameltiledb.component.TileDBConfiguration;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import dev.cameltiledb.component.TileDBFencedException;
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
 * The cells of each new fragment of one sparse array, once ({@code from("tiledb:cells?namespace=acme&array=events")}):
 * one exchange per cell (a {@code Map} of field to value), per {@code batchSize} cells (a {@code List} of them), or
 * per page with {@code cellFormat=columns} (the page's {@code CellColumns}).
 * <p>
 * Each poll asks for the timestamp of the array's newest fragment ({@code fragment_end_timestamp}, one request: an
 * idle poll costs no more). When it is newer than the cursor, the cells the fragments of the window {@code (cursor,
 * newest]} wrote are read with a time-travel read of exactly that window, page by page, and delivered; once the
 * window's exchanges completed, the cursor moves to its end. The window's end is saved before its first cell goes out,
 * so a restart reads the same window again rather than a larger one (see {@link FragmentCursor}).
 * <p>
 * Guarantee: at-least-once. A failed exchange stops the window; it is read again on a later poll from that cell on. A
 * crash after exchanges completed and before the cursor recorded them (at the end of each poll, and when the window
 * ends) delivers those cells again after the restart; an idempotent sink (an upsert by the cells' coordinates, or an
 * idempotent consumer on {@code CamelTileDBEventId}) makes it exactly-once.
 * <p>
 * What TileDB's clock decides: a fragment written with an explicit timestamp at or before the cursor is not delivered
 * (time travel orders by timestamp, not by when a fragment arrived); fragments the service timestamps itself always
 * land after it.
 * <p>
 * State and clusters work as for the activity consumer: the cursor lives in the {@code stateRepository} under
 * {@code <stateKey>|<array URI>}, saved under a fence epoch when the store fences, and a {@code master:} route lets
 * one node of several follow the array, handing it over between two polls.
 */
public class TileDBCellsConsumer extends TileDBPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TileDBCellsConsumer.class);

    private AssetRef array;
    private String stateKey;
    private LeadershipGuard guard;
    private PartitionFence fence;
    private StreamStates states;
    /** Set once a save or a check found that another consumer took this one's array over. */
    private StateFencedException fenced;

    private FragmentCursor cursor;
    /** The cursor as last saved; the end of a poll saves when it moved since. */
    private FragmentCursor saved;

    private ArrayCells schema;
    private CellWindow window;
    /** When this node gives the array to another (between two polls): what was delivered is saved first. */
    private final PartitionHandOver.Releasable release = this::deactivate;

    public TileDBCellsConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        TileDBConfiguration c = endpoint.getConfiguration();
        array = arrayOf(c);
        if (c.getGroup() != null) {
            throw new TileDBConfigurationException("tiledb:cells follows one array: remove the group option");
        }
        if (c.getConsumer().getPartitions() > 1 || c.getConsumer().getPartition() != null) {
            throw new TileDBConfigurationException("tiledb:cells follows one array, which is not split: remove"
                    + " partitions and partition (run one route per array, under master: for several nodes)");
        }
        read(0, null); // checks layout and readBufferSize at start
        super.doStart();
        stateKey = c.getConsumer().getStateKey() != null
                ? c.getConsumer().getStateKey()
                : "tiledb:cells:" + array.namespace() + ":" + array.name();
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
        deactivate();
        super.doStop();
    }

    private static AssetRef arrayOf(TileDBConfiguration c) {
        String name = c.getTiledbUri() != null ? c.getTiledbUri() : c.getArray();
        if (name != null && name.startsWith(AssetRef.SCHEME)) {
            return AssetRef.parse(name);
        }
        if (name == null || c.getNamespace() == null) {
            throw new TileDBConfigurationException(
                    "tiledb:cells needs the array to follow: the namespace and array options, or tiledbUri");
        }
        return new AssetRef(c.getNamespace(), name);
    }

    /**
     * Takes the array over: a new fence epoch (when the store fences) and the saved cursor read afresh, or a new one
     * at startFrom, saved at once so that a restart keeps that start.
     */
    private void activate() {
        TileDBConfiguration c = endpoint.getConfiguration();
        fence = state instanceof FencedStateRepository store
                ? PartitionFence.acquire(
                        store, stateKey + "|fence", c.getConsumer().getFenceCheckInterval())
                : null;
        states = new StreamStates(state, stateKey, fence);
        String stored = states.get(stream());
        if (stored != null) {
            cursor = FragmentCursor.parse(states.key(stream()), stored);
        } else {
            cursor = FragmentCursor.before(start(c.getConsumer().getStartFrom()));
            states.set(stream(), cursor.format());
        }
        saved = cursor;
        schema = null;
        if (fence != null || guard.isClustered()) {
            LOG.info(
                    "Cells of {} active ({}{}), after fragment timestamp {}",
                    array.toUri(),
                    guard,
                    fence != null ? ", fence epoch " + fence.epoch() : "",
                    cursor.after());
        }
    }

    /**
     * Lets go of the array when this node no longer leads, gives it away, or stops: what was delivered is saved, the
     * window being read is dropped (the next leader reads it again from the saved cursor).
     */
    private void deactivate() {
        closeWindow();
        if (states != null && fenced == null) {
            try {
                saveIfMoved();
            } catch (StateFencedException e) {
                LOG.debug("Not saved, another consumer leads already: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("The cells cursor of {} could not be saved: {}", array.toUri(), e.getMessage());
            }
        }
        states = null;
        cursor = null;
        saved = null;
        fence = null;
    }

    /** Epoch ms of the first fragment timestamp a new cursor delivers; -1 for all. */
    private static long start(String startFrom) {
        String from = startFrom == null ? "now" : startFrom.strip();
        if (from.equals("now")) {
            return System.currentTimeMillis();
        }
        if (from.equals("beginning")) {
            return -1;
        }
        try {
            return Instant.parse(from).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new TileDBConfigurationException(
                    "The startFrom option must be now, beginning or an ISO-8601 instant, was '" + from + "'", e);
        }
    }

    private String stream() {
        return array.toUri();
    }

    /** One poll at a time, and none while the array is handed over (see {@link PartitionHandOver}). */
    @Override
    protected int doPoll() throws Exception {
        return endpoint.handOver().poll(this::pollOnce);
    }

    @Override
    protected String streamKind() {
        return "cells";
    }

    /**
     * One stream, the array: its cursor is the newest fragment timestamp delivered (none at the beginning). A window's
     * cells are not counted before they are read, so the backlog is 0.
     */
    @Override
    protected StreamPositions positions() {
        if (cursor == null) {
            return StreamPositions.none(streamKind());
        }
        Instant at = cursor.after() < 0 ? null : Instant.ofEpochMilli(cursor.after());
        return new StreamPositions(
                streamKind(), 1, at, at, 0, List.of(stream()), List.of("all"), fence == null ? null : fence.epoch());
    }

    /** The window being read is dropped: the next poll reads the fragments timestamped at or after {@code at}. */
    @Override
    protected String reset(String stream, Instant at) {
        if (!stream.equals(stream())) {
            throw new IllegalArgumentException("This consumer follows one stream, " + stream() + ", not " + stream);
        }
        if (cursor == null) {
            throw new IllegalStateException(
                    "This node does not lead " + stream() + " now: reset the cursor on the node that does");
        }
        closeWindow();
        cursor = FragmentCursor.before(at.toEpochMilli());
        save();
        return "the cells cursor of " + stream + " moved to the fragments timestamped from " + at;
    }

    private int pollOnce() throws Exception {
        if (fenced != null) {
            throw new TileDBFencedException(fenced);
        }
        try {
            return pollLeading();
        } catch (StateFencedException e) {
            // another node leads this array now: it resumes from the last cursor saved here; nothing more is
            // delivered or saved by this consumer
            fenced = e;
            closeWindow();
            throw new TileDBFencedException(e);
        }
    }

    private int pollLeading() throws Exception {
        if (!guard.leads()) {
            deactivate();
            return 0;
        }
        if (states == null) {
            activate();
        }
        metrics.polled();
        // progress a failed save left in memory is saved before anything more is delivered
        saveIfMoved();
        if (window == null) {
            try (RequestContext.Scope scope = metrics.calls()) {
                if (!openWindow()) {
                    return 0;
                }
            } catch (StateFencedException e) {
                throw e;
            } catch (RuntimeException e) {
                closeWindow();
                throw ConsumerMetrics.pollFailure(e);
            }
        }
        return deliverWindow();
    }

    /**
     * Opens the window to deliver: the one a restart or a failure left, else {@code (cursor, newest]} when the newest
     * fragment is newer than the cursor (its end saved first). False when there is nothing new: one request.
     */
    private boolean openWindow() {
        if (!cursor.inWindow()) {
            long newest = endpoint.getClient().arrays().fragmentEndTimestamp(array, null);
            if (newest <= cursor.after()) {
                return false;
            }
            cursor = cursor.opening(newest);
            save();
        }
        if (schema == null) {
            schema = endpoint.getClient().cells().schema(array.namespace(), array.name());
            if (schema.dense()) {
                schema = null;
                throw new TileDBConfigurationException("tiledb:cells follows sparse arrays; " + array.toUri() + " is"
                        + " dense, and a time-travel read of a dense array returns its whole non-empty domain (fill"
                        + " values where the window wrote nothing), not the cells the window's fragments wrote");
            }
        }
        CellPages pages = endpoint.getClient()
                .cells()
                .read(array.namespace(), array.name(), schema, read(cursor.windowStart(), cursor.until()));
        window = new CellWindow(pages, this::fetch);
        if (resumable()) {
            window.skip(cursor.done());
        } else if (cursor.done() > 0) {
            cursor = new FragmentCursor(cursor.after(), cursor.until(), 0); // unordered: the whole window again
        }
        return true;
    }

    /** The time-travel read of the fragments timestamped {@code start} to {@code end}, inclusive. */
    private CellRead read(long start, Long end) {
        TileDBConfiguration c = endpoint.getConfiguration();
        List<String> fields = OptionText.list(c.getDataOptions().getFields());
        try {
            return new CellRead(
                    fields,
                    null,
                    c.getDataOptions().getLayout(),
                    start,
                    end,
                    c.getDataOptions().getReadBufferSize());
        } catch (IllegalArgumentException e) {
            throw new TileDBConfigurationException(e.getMessage(), e);
        }
    }

    /** Whether the window's cells come in the same order each time it is read, so delivered ones can be skipped. */
    private boolean resumable() {
        return !"unordered".equals(endpoint.getConfiguration().getDataOptions().getLayout());
    }

    private CellColumns fetch(CellPages pages) {
        try (RequestContext.Scope scope = metrics.calls()) {
            return pages.next();
        }
    }

    /** Delivers the window's cells, up to maxMessagesPerPoll exchanges; the cursor moves past each that completed. */
    private int deliverWindow() throws Exception {
        TileDBConfiguration c = endpoint.getConfiguration();
        int batchSize = c.getDataOptions().getBatchSize();
        boolean asColumns = c.getDataOptions().getCellFormat() == CellFormat.columns;
        int max = getMaxMessagesPerPoll();
        int bound = max > 0 ? max : Integer.MAX_VALUE;
        int index = 0;
        boolean stop = false;
        try {
            CellWindow.Chunk next = window.hasMore() ? window.next(batchSize, asColumns) : null;
            while (next != null && !stop && isBatchAllowed()) {
                if (!guard.leads()) {
                    stop = true; // read again by whoever leads now
                    break;
                }
                if (fence != null) {
                    fence.verify();
                }
                CellWindow.Chunk chunk = next;
                // one chunk ahead, so the last exchange of the poll knows it is the last (CamelBatchComplete)
                boolean more = index + 1 < bound && window.hasMore();
                next = more ? window.next(batchSize, asColumns) : null;
                int total = more ? bound : index + 1;
                if (deliver(exchange(chunk), index++, total, () -> cellsOf(chunk))) {
                    cursor = cursor.delivered(chunk.cells());
                } else {
                    stop = true;
                }
            }
            if (!stop && next == null && !window.hasMore()) {
                closeWindow();
                cursor = cursor.closed(); // the whole window was delivered
            } else if (stop) {
                closeWindow(); // read again on a later poll from the first cell not delivered
            } else if (next != null) {
                closeWindow(); // a chunk read ahead and not delivered: reopened from the cursor
            }
        } catch (StateFencedException e) {
            fenced = e;
            throw e;
        } catch (RuntimeException e) {
            closeWindow();
            throw ConsumerMetrics.pollFailure(e);
        } finally {
            if (fenced == null) {
                saveIfMoved();
            }
        }
        return index;
    }

    /**
     * Not used: a window's cells are read while they are delivered ({@link #deliverWindow}), so a poll never holds a
     * queue of them.
     */
    @Override
    public int processBatch(Queue<Object> exchanges) {
        throw new UnsupportedOperationException("the cells consumer delivers a window as it reads it");
    }

    private String cellsOf(CellWindow.Chunk chunk) {
        return (chunk.cells() == 1
                        ? "cell " + chunk.first()
                        : "cells " + chunk.first() + " to " + (chunk.first() + chunk.cells() - 1))
                + " of the fragments of " + array.toUri() + " timestamped " + cursor.windowStart() + " to "
                + cursor.until();
    }

    /** While a window is open, the next poll comes at once: it only delivers, it sends no request of its own. */
    @Override
    public boolean isGreedy() {
        return super.isGreedy() || window != null;
    }

    private Exchange exchange(CellWindow.Chunk chunk) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(chunk.body());
        message.setHeader(TileDBConstants.NAMESPACE, array.namespace());
        message.setHeader(TileDBConstants.ARRAY, array.name());
        message.setHeader(TileDBConstants.ASSET_URI, array.toUri());
        message.setHeader(TileDBConstants.WINDOW_START, cursor.windowStart());
        message.setHeader(TileDBConstants.WINDOW_END, cursor.until());
        message.setHeader(TileDBConstants.CELL_INDEX, chunk.first());
        message.setHeader(TileDBConstants.CELL_COUNT, chunk.cells());
        message.setHeader(TileDBConstants.EVENT_TIME, Instant.ofEpochMilli(cursor.until()));
        message.setHeader(
                TileDBConstants.EVENT_ID,
                array.toUri() + "@" + cursor.windowStart() + "-" + cursor.until() + "#" + chunk.first());
        return exchange;
    }

    private void closeWindow() {
        if (window != null) {
            window.close();
            window = null;
        }
    }

    private void saveIfMoved() {
        if (cursor != null && !cursor.equals(saved)) {
            save();
        }
    }

    private void save() {
        states.set(stream(), cursor.format());
        saved = cursor;
    }
}
