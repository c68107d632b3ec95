package dev.cameltiledb.camel;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change feed: it emits one exchange per item of a listing that appeared ({@code created}), changed (as
 * {@link #compare} tells) or is gone ({@code deleted}), against what it knows ({@link KnownState}).
 * <p>
 * <b>Two ways to read the listing.</b> A <em>full</em> listing reads every page. When the service also lists the items
 * most recently changed first ({@link #fetchRecentPage}, with {@link #recencyOf}), a poll reads only the top of that
 * order, down to the first item older than the newest recency a delivered poll saw (the mark, less a few seconds: see
 * {@link RecencyMark#OVERLAP}); the item as listed is compared with what is known, no further request. Its cost
 * follows what changed: one request when nothing did. A poll lists whole instead when there is no baseline yet or the
 * state was read afresh (start, leadership regained), every {@link #listingRefreshInterval()} (which catches the
 * changes that do not move an item in the order), when the service offers no such order or its order turns out not
 * newest first (reported once), and when a recent read shows a <em>gap</em>: the listing's total is not what it held
 * before plus the new ids of the read, because an item left (deleted) or came without showing in the order.
 * <p>
 * <b>A full listing.</b> A listing paged by number shifts when an item appears or disappears between two page
 * requests, so a poll first looks for a listing that moved while it was read (totals that change between pages, an id
 * on two pages, fewer ids than the total, nothing where items are known) and lists again, up to
 * {@link #LISTING_ATTEMPTS} times. The first state (the baseline) is taken only from a listing that held still (else
 * that poll waits), so every item that existed then is known; after it, what a listing shows is acted on, and a known
 * item it does not show is reported {@code deleted} only once the service confirms it gone ({@link #isGone}): a
 * listing that moved never deletes anything, and neither does a recent read.
 * <p>
 * What is known moves only past exchanges that completed and is written once per poll, only when it changed; a change
 * whose exchange failed, or that a crash kept from being written, comes again on a later poll (at-least-once). The
 * mark, likewise, moves only when every change of its poll was delivered (a failure or a {@code maxMessagesPerPoll}
 * cut keeps it), so the next recent read shows the item again.
 *
 * @param <I> an item of the listing
 * @param <K> what the feed keeps of one item
 */
public abstract class ChangeFeedConsumer<I, K> extends StatefulBatchConsumer {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final int LISTING_ATTEMPTS = 3;

    /** One change to deliver: its type, the item's id, the exchange's body, what is known after it (deleted: null). */
    public record Change<K>(String type, String id, Object body, K after) {}

    /** One page of the listing, with the totals the service gave (null where it gave none: the last page then). */
    public record ListingPage<I>(List<I> items, Long totalItems, Integer totalPages) {}

    /** A complete read of the listing: the items by id, and whether it held still while it was paged. */
    private record Listing<I>(Map<String, I> items, boolean still) {}

    /**
     * The top of the recency order: the items down to the mark, the listing's total (null when it gave none), whether
     * its totals moved between pages, and the newest recency shown.
     */
    private record RecentRead<I>(Map<String, I> items, Long total, boolean moved, Instant newest) {}

    /** Which listing a pass reads, for {@link #beginPass}. */
    protected enum Pass {
        FULL,
        RECENT
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final KnownState.Codec<K> codec;
    private KnownState<K> known;
    private String stateKey;
    /** Whether {@link #known} holds what the state repository had when this consumer last began to lead. */
    private boolean loaded;

    private final RecencyMark recency = new RecencyMark();
    private boolean orderWarned;
    /** Whether the last batch delivered every change it was given. */
    private boolean batchDelivered;

    protected ChangeFeedConsumer(Endpoint endpoint, Processor processor, KnownState.Codec<K> codec) {
        super(endpoint, processor);
        this.codec = codec;
    }

    /** The key of the feed's entry in the state repository; asked when the consumer starts. */
    protected abstract String stateKey();

    /** What the feed lists, for logs: {@code arrays listing of acme}. */
    protected abstract String scope();

    /** Whether the first poll without state emits every item as created, rather than only recording them. */
    protected abstract boolean initialSnapshot();

    /** Page {@code page} (1-based) of the listing. */
    protected abstract ListingPage<I> fetchPage(int page);

    /**
     * Page {@code page} (1-based) of the listing ordered most recently changed first, or null when the service offers
     * no such order (then every poll lists whole, as by default).
     */
    protected ListingPage<I> fetchRecentPage(int page) {
        return null;
    }

    /** When the item last changed, as the recency order sorts it; null when the listing does not say. */
    protected Instant recencyOf(I item) {
        return null;
    }

    /** How often a feed with a recency order still reads the whole listing (milliseconds). */
    protected long listingRefreshInterval() {
        return Long.MAX_VALUE;
    }

    /** A pass over a listing begins (one attempt of a full listing, or a recent read): pages follow. */
    protected void beginPass(Pass pass) {}

    /** What the clock says now (milliseconds), for {@link #listingRefreshInterval()}. */
    protected long now() {
        return System.currentTimeMillis();
    }

    protected abstract String idOf(I item);

    /** What the feed keeps of an item as the listing shows it. */
    protected abstract K remember(I item);

    /** The changes of a known item: what it was ({@code before}), what it is ({@code now}, the listing's item). */
    protected abstract void compare(String id, K before, K now, I item, List<Change<K>> changes);

    /** A known item the listing did not show is gone only when the service says so; a call failing throws. */
    protected abstract boolean isGone(String id, K known);

    /** A {@code deleted} exchange's body: all the feed knows of the item. */
    protected abstract Object deletedBody(String id, K known);

    /** The headers of a change's exchange. */
    protected abstract void describe(Message message, Change<K> change);

    /** What failed, for the exception handler: {@code the created change of repo acme/climate}. */
    protected String what(Change<K> change) {
        return "the " + change.type() + " change of " + change.id();
    }

    /** What is known of an item after its change was delivered; {@code current} is what was known before. */
    protected K afterDelivered(K current, Change<K> change) {
        return change.after();
    }

    /** Whether this consumer polls now (under a cluster service, only while this node leads). */
    protected boolean leads() {
        return true;
    }

    /** Whether the saved state is read when the consumer starts, else at the first poll that finds it leading. */
    protected boolean loadsOnStart() {
        return true;
    }

    /** The listed items this consumer watches (a partition's share); all of them by default. */
    protected Map<String, I> owned(Map<String, I> items) {
        return items;
    }

    /** What one poll's calls run in (metrics, tracing), closed after them; null for nothing. */
    protected AutoCloseable pollScope() {
        return null;
    }

    /** The exception a poll fails with when one of its calls failed: a {@link PollException} for a service error. */
    protected RuntimeException pollFailure(RuntimeException e) {
        return e;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stateKey = stateKey();
        loaded = false;
        if (loadsOnStart()) {
            load();
        }
    }

    /** Reads the saved state afresh: at start, when this node leads again after another did, after a failed save. */
    private void load() {
        String saved = state.getState(stateKey);
        known = saved == null ? null : KnownState.parse(stateKey, saved, codec);
        loaded = true;
        recency.reset(); // the state may be another node's: the next poll lists whole
    }

    @Override
    protected String streamKind() {
        return "change feed";
    }

    /**
     * One stream, the listing: its cursor is the recency mark (null where the listing shows no recency: no order, or
     * no item yet), the known items wait in no backlog (a poll delivers what it found), and it holds what
     * {@link #partitionsHeld} says.
     */
    @Override
    protected StreamPositions positions() {
        Instant mark = Instant.EPOCH.equals(recency.mark()) ? null : recency.mark();
        return new StreamPositions(
                streamKind(),
                known == null ? 0 : 1,
                mark,
                mark,
                0,
                List.of(),
                loaded ? partitionsHeld() : List.of(),
                null);
    }

    /** What this node leads while it polls: the whole listing, unless a subclass splits it. */
    protected List<String> partitionsHeld() {
        return List.of("all");
    }

    @Override
    protected int doPoll() throws Exception {
        if (!leads()) {
            loaded = false; // another node moves the state on meanwhile
            return 0;
        }
        if (!loaded) {
            load();
        }
        int max = getMaxMessagesPerPoll();
        List<Change<K>> changes = new ArrayList<>();
        Runnable delivered = null; // what moves the mark once every change of this poll is delivered
        boolean whole = false;
        try (AutoCloseable scope = pollScope()) {
            long now = now();
            RecentRead<I> recent = recency.fullDue(now, listingRefreshInterval()) ? null : readRecent();
            if (recent != null) {
                if (recency.showsGap(recent.items().keySet(), recent.total(), recent.moved())) {
                    log.debug("The {} shows a gap (an item left or came unseen); listing whole", scope());
                } else {
                    owned(recent.items()).forEach((id, item) -> compareItem(id, item, changes));
                    delivered = () -> recency.delivered(recent.newest());
                }
            }
            if (delivered == null) {
                whole = true;
                Listing<I> listing = readListing();
                if (listing.still()) {
                    recency.listed(listing.items().keySet());
                }
                Runnable baseline = listing.still() ? () -> recency.listedWhole(newest(listing.items()), now) : null;
                Map<String, I> items = owned(listing.items());
                if (known == null) {
                    if (baseline == null) {
                        // an item a shifted listing missed would later look new: the baseline comes from a still
                        // listing
                        log.info(
                                "The {} kept moving while it was paged; the baseline waits for the next poll", scope());
                        return 0;
                    }
                    known = new KnownState<>(codec);
                    if (!initialSnapshot()) {
                        items.forEach((id, item) -> known.put(id, remember(item)));
                        save();
                        baseline.run();
                        return 0;
                    }
                }
                items.forEach((id, item) -> compareItem(id, item, changes));
                boolean unasked = false;
                for (Map.Entry<String, K> e : known.all().entrySet()) {
                    if (items.containsKey(e.getKey())) {
                        continue;
                    }
                    if (max > 0 && changes.size() >= max) {
                        unasked = true; // asked about on the next poll
                    } else if (isGone(e.getKey(), e.getValue())) {
                        changes.add(new Change<>(DELETED, e.getKey(), deletedBody(e.getKey(), e.getValue()), null));
                    }
                }
                // a listing that moved may have missed an item: the mark waits for one that held still
                delivered = unasked ? null : baseline;
            }
        } catch (RuntimeException e) {
            throw pollFailure(e);
        }
        // what does not fit is still a difference on the next poll
        boolean cut = max > 0 && changes.size() > max;
        int processed = processBatch(new ArrayDeque<>(cut ? changes.subList(0, max) : changes));
        if (delivered != null && !cut && batchDelivered) {
            delivered.run();
        } else if (whole) {
            // what this listing found and did not deliver may not show in the recency order (a change found by
            // reconciliation, a deletion not asked about yet): the next poll lists whole again
            recency.listWholeNext();
        }
        return processed;
    }

    /** A listed item against what is known of it: created when unknown, else as {@link #compare} tells. */
    private void compareItem(String id, I item, List<Change<K>> changes) {
        K before = known.get(id);
        K now = remember(item);
        if (before == null) {
            changes.add(new Change<>(CREATED, id, item, now));
        } else {
            compare(id, before, now, item, changes);
        }
    }

    /** The newest recency among {@code items}; the epoch when none has one (a recent read then reads them all). */
    private Instant newest(Map<String, I> items) {
        Instant newest = Instant.EPOCH;
        for (I item : items.values()) {
            Instant r = recencyOf(item);
            if (r != null && r.isAfter(newest)) {
                newest = r;
            }
        }
        return newest;
    }

    /**
     * Reads the recency order down to the mark. Null when the listing has no such order, or its order is not newest
     * first (reported once): the poll lists whole then, and so does every later one. An item without a recency is
     * compared but neither ends the read nor moves the mark.
     */
    private RecentRead<I> readRecent() {
        Instant downTo = recency.readsDownTo();
        Map<String, I> items = new LinkedHashMap<>();
        Long total = null;
        boolean moved = false;
        Instant previous = null;
        Instant newest = Instant.EPOCH;
        beginPass(Pass.RECENT);
        for (int page = 1; ; page++) {
            ListingPage<I> answer = fetchRecentPage(page);
            if (answer == null) {
                recency.orderFails();
                return null;
            }
            if (answer.totalItems() != null) {
                moved |= total != null && !total.equals(answer.totalItems());
                total = answer.totalItems();
            }
            boolean reachedOld = false;
            for (I item : answer.items()) {
                Instant r = recencyOf(item);
                if (r != null && previous != null && r.isAfter(previous)) {
                    orderNotNewestFirst(); // looked for on the whole page, past the items the read keeps
                    return null;
                }
                previous = r != null ? r : previous;
                reachedOld |= r != null && r.isBefore(downTo);
                if (!reachedOld) {
                    newest = r != null && r.isAfter(newest) ? r : newest;
                    items.put(idOf(item), item);
                }
            }
            if (reachedOld || answer.items().isEmpty() || answer.totalPages() == null || answer.totalPages() <= page) {
                return new RecentRead<>(items, total, moved, newest);
            }
        }
    }

    private void orderNotNewestFirst() {
        recency.orderFails();
        if (!orderWarned) {
            orderWarned = true;
            log.warn(
                    "The {} ordered by recency is not newest first; every poll reads the whole listing from now on",
                    scope());
        }
    }

    /** Lists until a read held still, at most {@link #LISTING_ATTEMPTS} times; the last read is used either way. */
    private Listing<I> readListing() {
        Listing<I> listing = null;
        for (int attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
            listing = listOnce();
            if (listing.still()) {
                break;
            }
            log.debug("The {} moved while it was paged (attempt {}); listing again", scope(), attempt);
        }
        return listing;
    }

    private Listing<I> listOnce() {
        beginPass(Pass.FULL);
        Map<String, I> items = new LinkedHashMap<>();
        boolean still = true;
        Long total = null;
        long shown = 0;
        for (int page = 1; ; page++) {
            ListingPage<I> answer = fetchPage(page);
            if (answer.totalItems() != null) {
                still &= total == null || total.equals(answer.totalItems());
                total = answer.totalItems();
            }
            for (I item : answer.items()) {
                shown++;
                still &= items.put(idOf(item), item) == null;
            }
            if (answer.items().isEmpty() || answer.totalPages() == null || answer.totalPages() <= page) {
                break;
            }
        }
        still &= total == null || total == shown;
        // an empty answer while items are known is worth a second look before anything is compared with it
        still &= !(items.isEmpty() && known != null && !known.isEmpty());
        return new Listing<>(items, still);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int index = 0;
        List<Change<K>> done = new ArrayList<>();
        try {
            while (!exchanges.isEmpty() && isBatchAllowed() && leads()) {
                Change<K> change = (Change<K>) exchanges.poll();
                Exchange exchange = createExchange(false);
                exchange.getMessage().setBody(change.body());
                describe(exchange.getMessage(), change);
                if (deliver(exchange, index++, total, () -> what(change))) {
                    done.add(change);
                }
            }
        } finally {
            batchDelivered = done.size() == total;
            for (Change<K> change : done) {
                if (change.type().equals(DELETED)) {
                    known.remove(change.id());
                } else {
                    known.put(change.id(), afterDelivered(known.get(change.id()), change));
                }
            }
            save();
        }
        return index;
    }

    /**
     * Writes what is known when it changed: a quiet poll writes nothing. Should the write fail, the next poll reads
     * the state afresh, so the changes it did not record are delivered again rather than forgotten.
     */
    private void save() {
        if (!known.isDirty() && state.getState(stateKey) != null) {
            return;
        }
        try {
            state.setState(stateKey, known.format());
            known.written();
        } catch (RuntimeException e) {
            loaded = false;
            throw e;
        }
    }
}
