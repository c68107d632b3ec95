package dev.cameltiledb.component;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import dev.cameltiledb.client.ActivityQuery;
import dev.cameltiledb.client.ArrayRef;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.ArrayInfo;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * One exchange per activity event of an array (or of every array of a namespace, listed each poll so new arrays
 * join), oldest first (an event the service logs late, inside {@code lateArrivalSeconds}, comes when it appears).
 * Each array has an {@link ActivityCursor}; it moves only past events whose exchange completed,
 * so a failed exchange is delivered again on a later poll and nothing after it in that array is skipped. Each poll
 * drains the window, at most {@code maxMessagesPerPoll} events; the rest follow on the next poll.
 */
public class TileDBActivityConsumer extends TileDBBatchConsumer {

    private static final Duration SERVICE_WINDOW = Duration.ofDays(7);

    private final Map<ArrayRef, ActivityCursor> cursors = new HashMap<>();
    private String stateKey;
    private long startSecond;

    private record Pending(ArrayRef array, ArrayActivityLog event) {
    }

    TileDBActivityConsumer(TileDBEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        TileDBConfiguration config = endpoint.getConfiguration();
        if (config.getNamespace() == null && config.getTiledbUri() == null
            && (config.getArray() == null || !config.getArray().startsWith(ArrayRef.SCHEME))) {
            throw new TileDBConfigurationException("tiledb:activity needs the namespace option (and array, for one array)"
                                                   + " or tiledbUri");
        }
        stateKey = config.getStateKey() != null ? config.getStateKey()
                : "tiledb:activity:" + config.getNamespace() + ":" + (config.getArray() != null ? config.getArray() : "*");
        startSecond = startFrom(config.getStartFrom());
        super.doStart();
    }

    private static long startFrom(String startFrom) {
        String value = startFrom == null ? "now" : startFrom.strip();
        Instant now = Instant.now();
        return switch (value) {
            case "now" -> now.getEpochSecond();
            case "beginning" -> now.minus(SERVICE_WINDOW).getEpochSecond();
            default -> {
                try {
                    yield Instant.parse(value).getEpochSecond();
                } catch (DateTimeParseException e) {
                    throw new TileDBConfigurationException("The startFrom option must be now, beginning or an ISO-8601 instant,"
                                                           + " was '" + value + "'", e);
                }
            }
        };
    }

    @Override
    protected int poll() throws Exception {
        TileDBClient client = endpoint.getClient();
        List<Pending> pending = new ArrayList<>();
        try {
            for (ArrayRef array : arrays(client)) {
                ActivityCursor cursor = cursor(array);
                List<ArrayActivityLog> events;
                try {
                    events = client.arrays().activity(array, new ActivityQuery(cursor.queryFrom(), null,
                            endpoint.getConfiguration().getEventTypes(), endpoint.getConfiguration().getTaskId(),
                            endpoint.getConfiguration().getHasTaskId()));
                } catch (TileDBNotFoundException gone) {
                    if (isSingleArray()) {
                        throw gone;
                    }
                    continue; // deleted between the listing and now: nothing more to read from it
                }
                events.stream().filter(e -> e.eventAt() != null && e.id() != null && !cursor.isDelivered(e))
                        .forEach(e -> pending.add(new Pending(array, e)));
            }
        } catch (TileDBApiException e) {
            throw new TileDBPollException(e);
        }
        pending.sort(Comparator.comparing((Pending p) -> p.event().eventAt())
                .thenComparing(p -> p.array().toUri()).thenComparing(p -> p.event().id()));
        int max = getMaxMessagesPerPoll();
        Queue<Object> batch = new LinkedList<>(max > 0 && pending.size() > max ? pending.subList(0, max) : pending);
        return processBatch(batch);
    }

    private boolean isSingleArray() {
        TileDBConfiguration c = endpoint.getConfiguration();
        return c.getArray() != null || c.getTiledbUri() != null;
    }

    private List<ArrayRef> arrays(TileDBClient client) {
        TileDBConfiguration c = endpoint.getConfiguration();
        if (c.getTiledbUri() != null) {
            return List.of(ArrayRef.parse(c.getTiledbUri()));
        }
        if (c.getArray() != null) {
            return List.of(c.getArray().startsWith(ArrayRef.SCHEME) ? ArrayRef.parse(c.getArray())
                    : new ArrayRef(c.getNamespace(), c.getArray()));
        }
        List<ArrayRef> all = new ArrayList<>();
        for (ArrayInfo info : client.arrays().listInNamespace(c.getNamespace(), false)) {
            all.add(new ArrayRef(info.namespace(), info.name()));
        }
        return all;
    }

    /** The saved cursor, or one at startFrom for an array seen for the first time. */
    private ActivityCursor cursor(ArrayRef array) {
        return cursors.computeIfAbsent(array, a -> {
            String saved = state.getState(stateKey(a));
            long late = endpoint.getConfiguration().getLateArrivalSeconds();
            return saved != null ? ActivityCursor.parse(saved, late) : ActivityCursor.at(startSecond, late);
        });
    }

    private String stateKey(ArrayRef array) {
        return stateKey + "|" + array.toUri();
    }

    @Override
    public int processBatch(Queue<Object> events) throws Exception {
        int total = events.size();
        int index = 0;
        Set<ArrayRef> blocked = new HashSet<>();
        while (!events.isEmpty() && isBatchAllowed()) {
            Pending next = (Pending) events.poll();
            if (blocked.contains(next.array())) {
                // an earlier event of this array failed: later ones wait, in order, for the next poll
                continue;
            }
            Exchange exchange = createExchange(next);
            if (deliver(exchange, index++, total, "activity event " + next.event().id() + " of " + next.array().toUri())) {
                ActivityCursor cursor = cursor(next.array());
                cursor.advance(next.event());
                state.setState(stateKey(next.array()), cursor.format());
            } else {
                blocked.add(next.array());
            }
        }
        return index;
    }

    private Exchange createExchange(Pending pending) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        ArrayActivityLog event = pending.event();
        message.setBody(event);
        message.setHeader(TileDBConstants.EVENT_ID, event.id());
        message.setHeader(TileDBConstants.EVENT_ACTION, event.action());
        message.setHeader(TileDBConstants.EVENT_USER, event.username());
        message.setHeader(TileDBConstants.EVENT_TIME, event.eventAt());
        message.setHeader(TileDBConstants.NAMESPACE, pending.array().namespace());
        message.setHeader(TileDBConstants.ARRAY, pending.array().name());
        message.setHeader(TileDBConstants.ASSET_URI, pending.array().toUri());
        return exchange;
    }
}
