package dev.cameltiledb.component.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import dev.cameltiledb.camel.OptionText;
import dev.cameltiledb.camel.StreamPositions;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.RequestContext;
import dev.cameltiledb.client.TaskQuery;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.PaginationMetadata;
import dev.cameltiledb.component.TileDBConfiguration;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import dev.cameltiledb.component.cluster.LeadershipGuard;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange per task that finished ({@code from("tiledb:tasks?namespace=acme")}): its {@link ArrayTask} (status,
 * duration, cost, logs, the failure's message), in the order the tasks finished, each task once. {@code taskStatus}
 * keeps only the tasks that ended in one of its statuses ({@code FAILED} for failure alerts).
 * <p>
 * The service lists tasks by when they started, not when they finished, so each poll lists the tasks started in a
 * window ({@link TaskWindow}): from the start of the oldest task still running, or {@code lateArrivalSeconds} back,
 * whichever is earlier. A task that finished is delivered if the window does not know it done; a task that runs is
 * remembered, which keeps the window open at its start until it ends. The window starts where {@code startFrom} says,
 * once, and is saved with the marks, so a restart goes on from there.
 * <p>
 * Guarantee: at-least-once. A task counts as done only once its exchange completed, and the state is saved after each
 * poll's exchanges; a failed exchange (or one a crash kept from being saved) comes again on a later poll, and the
 * window does not move past it meanwhile. A listing that moved while it was paged (its total changed, a task showed
 * up twice, fewer tasks than the total) does not move the window either, so a task it missed is read again.
 */
public class TileDBTaskConsumer extends TileDBPollingConsumer {

    /** How far back the service keeps tasks for a listing without a start (its Python client's default). */
    private static final Duration SERVICE_WINDOW = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(TileDBTaskConsumer.class);

    private final LongSupplier clock;
    private LeadershipGuard guard;
    private String stateKey;
    private Set<String> statuses;
    private TaskWindow window;
    /** Whether the last poll left finished tasks for the next one (maxMessagesPerPoll): it then comes at once. */
    private boolean more;
    /** The finished tasks the last poll found and did not deliver. */
    private int waiting;

    public TileDBTaskConsumer(TileDBEndpoint endpoint, Processor processor) {
        this(endpoint, processor, () -> Instant.now().getEpochSecond());
    }

    TileDBTaskConsumer(TileDBEndpoint endpoint, Processor processor, LongSupplier epochSeconds) {
        super(endpoint, processor);
        this.clock = epochSeconds;
    }

    @Override
    protected void doStart() throws Exception {
        TileDBConfiguration c = endpoint.getConfiguration();
        List<String> wanted = OptionText.list(c.getListing().getTaskStatus());
        statuses = wanted == null || wanted.isEmpty()
                ? null
                : Set.copyOf(
                        wanted.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
        super.doStart();
        stateKey = c.getConsumer().getStateKey() != null
                ? c.getConsumer().getStateKey()
                : "tiledb:tasks:" + (c.getNamespace() == null ? "*" : c.getNamespace())
                        + (c.getArray() == null ? "" : ":" + c.getArray());
        guard = LeadershipGuard.of(endpoint);
        window = null;
        if (!guard.isClustered()) {
            window = load(); // under master: the first poll that finds this node leading does
        }
    }

    /** The saved window, else a new one at startFrom (saved at once, so a restart keeps that start). */
    private TaskWindow load() {
        String saved = state.getState(stateKey);
        if (saved != null) {
            return TaskWindow.parse(stateKey, saved);
        }
        TaskWindow fresh = TaskWindow.startingAt(
                start(endpoint.getConfiguration().getConsumer().getStartFrom()));
        save(fresh);
        return fresh;
    }

    /** Where a consumer without a saved window starts, in epoch seconds. */
    private long start(String startFrom) {
        String from = startFrom == null ? "now" : startFrom.strip();
        long now = clock.getAsLong();
        if (from.equals("now")) {
            return now;
        }
        if (from.equals("beginning")) {
            return now - SERVICE_WINDOW.toSeconds();
        }
        try {
            return Instant.parse(from).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new TileDBConfigurationException(
                    "The startFrom option must be now, beginning or an ISO-8601 instant, was '" + from + "'", e);
        }
    }

    @Override
    protected String streamKind() {
        return "tasks";
    }

    /** One stream, the task window (named by its state key): its cursor is the window's start. */
    @Override
    protected StreamPositions positions() {
        if (window == null) {
            return StreamPositions.none(streamKind());
        }
        Instant from = Instant.ofEpochSecond(window.from());
        return new StreamPositions(streamKind(), 1, from, from, waiting, List.of(stateKey), List.of("all"), null);
    }

    /** The window starts again at {@code at}: the tasks started from then on that finished are delivered (again). */
    @Override
    protected String reset(String stream, Instant at) {
        if (!stream.equals(stateKey)) {
            throw new IllegalArgumentException("This consumer follows one stream, " + stateKey + ", not " + stream);
        }
        if (window == null) {
            throw new IllegalStateException(
                    "This node does not lead " + stateKey + " now: reset the cursor on the node that does");
        }
        window = TaskWindow.startingAt(at.getEpochSecond());
        save(window);
        waiting = 0;
        return "the task window " + stateKey + " moved to the tasks started from " + at;
    }

    @Override
    protected int doPoll() throws Exception {
        if (!guard.leads()) {
            window = null; // another node moves the window on meanwhile
            return 0;
        }
        if (window == null) {
            window = load();
        }
        metrics.polled();
        long now = clock.getAsLong();
        Listing listing;
        try (RequestContext.Scope scope = metrics.calls()) {
            listing = list();
        } catch (RuntimeException e) {
            throw ConsumerMetrics.pollFailure(e);
        }
        List<ArrayTask> finished = new ArrayList<>();
        for (ArrayTask task : listing.tasks()) {
            long start = startOf(task, now);
            if (window.isDone(task.id())) {
                continue;
            }
            if (!task.isFinished()) {
                window.running(task.id(), start);
            } else if (statuses == null || statuses.contains(task.status())) {
                finished.add(task);
            } else {
                window.done(task.id(), start); // left out by taskStatus, for good
            }
        }
        finished.sort(Comparator.comparing((ArrayTask t) -> t.finishTime() == null ? Instant.MAX : t.finishTime())
                .thenComparing(ArrayTask::id));
        int max = getMaxMessagesPerPoll();
        List<ArrayTask> batch = max > 0 && finished.size() > max ? finished.subList(0, max) : finished;
        more = batch.size() < finished.size();
        Map<String, ArrayTask> undelivered = new LinkedHashMap<>();
        finished.forEach(t -> undelivered.put(t.id(), t));
        int count;
        try {
            count = processBatch(new ArrayDeque<>(batch));
        } finally {
            batch.forEach(t -> {
                if (window.isDone(t.id())) {
                    undelivered.remove(t.id());
                }
            });
            waiting = undelivered.size();
            if (listing.still()) {
                window.keepRunningOnly(listing.ids()); // a task the window knows but the service no longer lists
                long to = Math.min(
                        now - endpoint.getConfiguration().getConsumer().getLateArrivalSeconds(),
                        window.oldestRunning());
                for (ArrayTask t : undelivered.values()) {
                    to = Math.min(to, startOf(t, now));
                }
                window.advanceTo(to);
            } else {
                LOG.info(
                        "The task listing of {} moved while it was paged; the window stays at {}",
                        stateKey,
                        Instant.ofEpochSecond(window.from()));
            }
            if (window.isDirty()) {
                save(window);
            }
        }
        return count;
    }

    /** While finished tasks wait beyond maxMessagesPerPoll, the next poll comes at once. */
    @Override
    public boolean isGreedy() {
        return super.isGreedy() || more;
    }

    @Override
    public int processBatch(Queue<Object> tasks) throws Exception {
        int total = tasks.size();
        int index = 0;
        long now = clock.getAsLong();
        while (!tasks.isEmpty() && isBatchAllowed() && guard.leads()) {
            ArrayTask task = (ArrayTask) tasks.poll();
            if (deliver(exchange(task), index++, total, () -> "task " + task.id() + " (" + task.status() + ")")) {
                window.done(task.id(), startOf(task, now));
            }
        }
        return index;
    }

    private Exchange exchange(ArrayTask task) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(task);
        message.setHeader(TileDBConstants.EVENT_ID, task.id());
        message.setHeader(TileDBConstants.TASK_ID, task.id());
        message.setHeader(TileDBConstants.EVENT_TIME, task.finishTime());
        message.setHeader(TileDBConstants.EVENT_USER, task.username());
        if (task.namespace() != null) {
            message.setHeader(TileDBConstants.NAMESPACE, task.namespace());
        }
        return exchange;
    }

    /** A task's start in epoch seconds; one without (the service always gives it) counts as starting now. */
    private static long startOf(ArrayTask task, long now) {
        return task.startTime() == null ? now : task.startTime().getEpochSecond();
    }

    private void save(TaskWindow w) {
        state.setState(stateKey, w.format());
        w.written();
    }

    /** The tasks of the window, and whether the listing held still while it was paged. */
    private record Listing(List<ArrayTask> tasks, boolean still) {
        Set<String> ids() {
            return tasks.stream().map(ArrayTask::id).collect(Collectors.toSet());
        }
    }

    /** Every page of the tasks started in the window, with the consumer's filters. */
    private Listing list() {
        TileDBConfiguration c = endpoint.getConfiguration();
        TaskQuery query = new TaskQuery(
                c.getNamespace(),
                c.getWorkspaceOptions().getCreatedBy(),
                c.getArray(),
                window.from(),
                null,
                c.getListing().getTaskType(),
                null,
                null,
                null,
                null,
                null,
                "start_time",
                c.getListing().getPerPage());
        Map<String, ArrayTask> tasks = new LinkedHashMap<>();
        boolean still = true;
        Long total = null;
        long shown = 0;
        for (int page = 1; ; page++) {
            Page<ArrayTask> answer = endpoint.getClient().tasks().list(query, page);
            PaginationMetadata meta = answer.pagination();
            if (meta != null) {
                still &= total == null || total == meta.totalItems();
                total = meta.totalItems();
            }
            List<ArrayTask> items = answer.items() == null ? List.of() : answer.items();
            for (ArrayTask task : items) {
                shown++;
                still &= tasks.put(task.id(), task) == null;
            }
            if (items.isEmpty() || meta == null || meta.totalPages() <= page) {
                break;
            }
        }
        still &= total == null || total == shown;
        return new Listing(new ArrayList<>(tasks.values()), still);
    }
}
