package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import dev.cameltiledb.camel.SharedListings;
import dev.cameltiledb.client.ArrayListQuery;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.Listing;
import dev.cameltiledb.client.ListingFilters;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.PagedIterator;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.component.cluster.AssetPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity of every array in a namespace, at a cost per poll that follows what changed rather than the size of
 * the namespace. Which arrays a poll reads:
 * <ul>
 * <li><b>Changed ones.</b> Every poll lists the namespace's arrays most recently accessed first
 * ({@code orderby=last_accessed}) and stops at the first page that reaches arrays not accessed since the last poll: an
 * array whose {@code last_accessed} moved has new activity to read. A service that ignores that order is noticed
 * (the page is not newest first), reported once, and then only the schedule below applies.</li>
 * <li><b>Once more after a change.</b> An array whose read found events is read again {@code lateArrivalSeconds}
 * later, so events the service logs late come even if their logging does not move the array's last access.</li>
 * <li><b>Quiet ones, less and less often.</b> After each read that found nothing, an array waits twice as long
 * (starting at the poll delay) up to {@code maxQuietInterval}: every array is read at least once within that bound,
 * a safety net well inside the service's seven-day activity window.</li>
 * </ul>
 * At most {@code maxRequestsPerPoll} activity requests go out per poll, changed arrays first, then the most overdue;
 * the rest wait for the next poll. The full listing, which learns of new and removed arrays, is
 * refreshed every {@code listingRefreshInterval}.
 * <p>
 * One array whose read fails (its saved cursor unreadable, the service refusing it) never holds up the others: it is
 * read after every other due array from then on, waiting longer after each failure as a quiet one does; what the poll
 * found before it is delivered and the failure {@linkplain #skipped() reported}. Only when nothing was found before it
 * does the poll fail, as it does when the service is down.
 * <p>
 * With {@code partitions}, the source watches only the arrays of its partition (see {@link AssetPartitions}); the
 * activity requests are its own. The listings are the same for every partition, so the partitions of one node (one
 * component) read them through {@link SharedListings}: each page of a listing is fetched once per round, by the
 * first partition to need it, and the others take it from there as long as the round is younger than their poll
 * delay. Six idle partitions on a node cost what one consumer costs: one listing request per poll round.
 */
final class NamespaceActivitySource implements ActivitySource {

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceActivitySource.class);

    private final TileDBClient client;
    private final String namespace;
    private final ArrayActivityReader reader;
    private final ActivityCursors cursors;
    private final Schedule schedule;
    private final LongSupplier clock;
    private final int perPage;
    /** Which of the namespace's arrays this source watches; the listings still cover all of them. */
    private final AssetPartitions partitions;
    /** When a stream started "now" or at an instant began; null for a stream from the beginning of the window. */
    private final Instant start;
    /** The listing pages this source shares with the other consumers of its node. */
    private final SharedListings listings;

    private final Map<AssetRef, Watched> watched = new LinkedHashMap<>();
    /** When the full listing was last read; null before the first. */
    private Long listedAt;
    /** The newest last_accessed seen by the last listing; arrays accessed at or after it are read again. */
    private Instant accessMark;

    private boolean accessOrderWorks = true;
    private int requests;
    private StreamFailure skipped;

    /** The bounds of the schedule, in milliseconds. */
    record Schedule(
            long pollDelay,
            long maxQuietInterval,
            long listingRefreshInterval,
            int maxRequestsPerPoll,
            long lateArrival) {}

    /** What the source knows of one array between polls. */
    private static final class Watched {
        Instant lastAccessed;
        long nextRead;
        long quietInterval;
        boolean changed;
        /** Its last read failed: it is read after the others. */
        boolean failing;
    }

    NamespaceActivitySource(
            TileDBClient client,
            String namespace,
            ArrayActivityReader reader,
            ActivityCursors cursors,
            Schedule schedule,
            Instant start,
            LongSupplier clock,
            int perPage,
            AssetPartitions partitions,
            SharedListings listings) {
        this.client = client;
        this.namespace = namespace;
        this.reader = reader;
        this.cursors = cursors;
        this.schedule = schedule;
        this.start = start;
        this.clock = clock;
        this.perPage = perPage;
        this.partitions = partitions;
        this.listings = listings;
        listings.register(client, listing(null), this);
        listings.register(client, listing("last_accessed"), this);
    }

    /** The source is no longer read (its consumer stopped, or lost the lead): it holds no shared page back. */
    @Override
    public void close() {
        listings.unregister(client, listing(null), this);
        listings.unregister(client, listing("last_accessed"), this);
    }

    @Override
    public List<ActivityItem> read() {
        long now = clock.getAsLong();
        requests = 0;
        skipped = null;
        if (listedAt == null || now - listedAt >= schedule.listingRefreshInterval()) {
            refreshListing(now);
        } else if (accessOrderWorks) {
            readRecentlyAccessed(now);
        }
        List<ActivityItem> due = new ArrayList<>();
        int budget = schedule.maxRequestsPerPoll();
        for (AssetRef array : dueArrays(now)) {
            if (budget <= 0) {
                break;
            }
            Watched w = watched.get(array);
            List<ActivityItem> found;
            try {
                found = reader.read(array, cursors.get(array.toUri()));
            } catch (TileDBNotFoundException gone) {
                requests += reader.takeRequests();
                watched.remove(array); // deleted since the listing: nothing more to read from it
                cursors.forget(array.toUri());
                continue;
            } catch (RuntimeException failed) {
                requests += reader.takeRequests();
                w.failing = true;
                quiet(w, now);
                if (due.isEmpty()) {
                    throw failed; // nothing found to deliver: the poll fails, and the next reads the others first
                }
                skipped = new StreamFailure(array.toUri(), failed);
                break;
            }
            int sent = reader.takeRequests();
            requests += sent;
            budget -= sent;
            due.addAll(found);
            w.failing = false;
            if (found.isEmpty()) {
                quiet(w, now);
            } else {
                w.changed = false;
                w.quietInterval = 0;
                w.nextRead = now + schedule.lateArrival(); // one more read for what is logged late
            }
        }
        return due;
    }

    /** After a read that found nothing (or failed): the array waits twice as long as before, up to the bound. */
    private void quiet(Watched w, long now) {
        w.changed = false;
        w.quietInterval = Math.min(Math.max(schedule.pollDelay(), w.quietInterval * 2), schedule.maxQuietInterval());
        w.nextRead = now + w.quietInterval;
    }

    @Override
    public StreamFailure skipped() {
        return skipped;
    }

    @Override
    public void readAgain(String stream) {
        Watched w = watched.get(AssetRef.parse(stream));
        if (w != null) {
            w.changed = true;
        }
    }

    /** Changed arrays first, then the most overdue; arrays whose last read failed after all of those. */
    private List<AssetRef> dueArrays(long now) {
        List<Map.Entry<AssetRef, Watched>> due = new ArrayList<>();
        for (Map.Entry<AssetRef, Watched> e : watched.entrySet()) {
            if (e.getValue().changed || e.getValue().nextRead <= now) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparing((Map.Entry<AssetRef, Watched> e) -> e.getValue().failing)
                .thenComparing(e -> !e.getValue().changed)
                .thenComparingLong(e -> e.getValue().nextRead));
        return due.stream().map(Map.Entry::getKey).toList();
    }

    /** The full listing: new arrays join (read at once unless the consumer started now), removed ones leave. */
    private void refreshListing(long now) {
        boolean first = listedAt == null;
        Set<AssetRef> present = new HashSet<>();
        SharedListings.Read shared = listings.begin(client, listing(null), this, schedule.pollDelay());
        PagedIterator<ArrayInfo> all = new PagedIterator<>(page -> shared.page(page, () -> browse(null, page)), 0);
        while (all.hasNext()) {
            ArrayInfo info = all.next();
            AssetRef array = new AssetRef(info.namespace(), info.name());
            present.add(array);
            observe(array, info.lastAccessed(), first, now);
        }
        watched.keySet().retainAll(present);
        listedAt = now;
    }

    /**
     * Reads the listing newest-accessed first until it reaches arrays accessed before the mark, marking those that
     * moved as changed. Costs one request when nothing changed.
     */
    private void readRecentlyAccessed(long now) {
        Instant mark = accessMark;
        Instant previous = null;
        SharedListings.Read shared = listings.begin(client, listing("last_accessed"), this, schedule.pollDelay());
        for (int page = 1; ; page++) {
            int number = page;
            Page<ArrayInfo> answer = shared.page(page, () -> browse("last_accessed", number));
            boolean reachedOld = false;
            for (ArrayInfo info : answer.items()) {
                Instant accessed = info.lastAccessed();
                if (accessed == null || mark != null && accessed.isBefore(mark)) {
                    reachedOld = true;
                    continue;
                }
                if (previous != null && accessed.isAfter(previous)) {
                    accessOrderWorks = false;
                    LOG.warn(
                            "The service does not list the arrays of {} by last access; the activity consumer reads each"
                                    + " array on its schedule only (at least once per maxQuietInterval)",
                            namespace);
                    return;
                }
                previous = accessed;
                observe(new AssetRef(info.namespace(), info.name()), accessed, false, now);
            }
            if (reachedOld
                    || answer.items().isEmpty()
                    || answer.pagination() == null
                    || answer.pagination().totalPages() <= page) {
                return;
            }
        }
    }

    private void observe(AssetRef array, Instant lastAccessed, boolean firstListing, long now) {
        if (lastAccessed != null && (accessMark == null || lastAccessed.isAfter(accessMark))) {
            accessMark = lastAccessed;
        }
        if (!partitions.owns(array)) {
            return; // another partition's
        }
        Watched w = watched.get(array);
        if (w == null) {
            w = new Watched();
            w.lastAccessed = lastAccessed;
            // an array of the first listing not accessed since the stream's start has nothing to deliver yet: its
            // first read is spread over the quiet interval; anything else (a new array, one accessed since, one with
            // a saved cursor after a restart, a stream from the beginning) is read at once
            boolean nothingYet = firstListing
                    && start != null
                    && (lastAccessed == null || lastAccessed.isBefore(start))
                    && !cursors.isKnown(array.toUri());
            w.nextRead = nothingYet ? now + spread(array) : now;
            w.changed = !nothingYet;
            watched.put(array, w);
        } else if (lastAccessed != null && !lastAccessed.equals(w.lastAccessed)) {
            w.lastAccessed = lastAccessed;
            w.changed = true;
        }
    }

    /** A stable offset inside the quiet interval, so the arrays of a large namespace do not all fall due at once. */
    private long spread(AssetRef array) {
        return Math.floorMod(array.toUri().hashCode(), Math.max(1, schedule.maxQuietInterval()));
    }

    /** One page of the namespace's owned arrays, fetched now (for every partition of the node that reads it). */
    private Page<ArrayInfo> browse(String orderBy, int page) {
        requests++;
        return client.arrays().browse(Listing.OWNED, query(orderBy), page);
    }

    /** Names a listing for {@link SharedListings}: everything that shapes its answer but the page. */
    private String listing(String orderBy) {
        return "arrays/browser/owned?namespace=" + namespace + "&orderby=" + orderBy + "&per_page=" + perPage;
    }

    private ArrayListQuery query(String orderBy) {
        return new ArrayListQuery(
                new ListingFilters(null, namespace, orderBy, null, null, null, null, null, perPage), null, null, null);
    }

    @Override
    public int lastRequests() {
        return requests;
    }
}
