package dev.cameltiledb.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a change feed remembers of its listing between polls, in memory, so that a poll can read only what changed
 * (see {@link ChangeFeedConsumer}): the newest recency a delivered poll saw (the <em>mark</em>), when the listing was
 * last read whole, and the ids the listing holds, to see a gap.
 * <p>
 * The ids are those of the whole listing, not only of the items the feed keeps: a partition keeps only its share, and
 * a feed keeps neither a created item whose exchange failed nor one a full listing no longer shows but the service
 * says still exists (a notebook whose file type changed), none of which may look like a gap on every poll.
 */
final class RecencyMark {

    /**
     * How far below the mark a recent read still reads. The service stamps an item's recency when it handles the
     * change, and a listing may already show a later stamp while a change stamped a moment earlier (two changes in
     * the same second, service nodes whose clocks differ, a commit that becomes visible late) is not listed yet; such
     * an item lands just below the mark, and would otherwise wait for the next full listing. Items read again inside
     * this window cost nothing more: they are on the page read anyway, and an unchanged one compares equal.
     */
    static final Duration OVERLAP = Duration.ofSeconds(5);

    /** The newest recency a poll whose changes were all delivered saw; null before a full listing set a baseline. */
    private Instant mark;

    private long listedAt;
    private boolean wholeNext;
    private boolean orderWorks = true;
    /** Every id of the listing as the last full listing and the recent reads since showed it; null before one. */
    private Set<String> listedIds;

    /** The newest recency delivered so far (what the dev consoles show as the feed's cursor); null before one. */
    Instant mark() {
        return mark;
    }

    /** Forgets the baseline (the state was read afresh): the next poll lists whole. */
    void reset() {
        mark = null;
        listedIds = null;
    }

    /** Whether this poll reads the whole listing rather than only what changed since the mark. */
    boolean fullDue(long now, long refreshInterval) {
        return mark == null || listedIds == null || wholeNext || !orderWorks || now - listedAt >= refreshInterval;
    }

    /** A full listing left changes undelivered: the next poll lists whole again. */
    void listWholeNext() {
        wholeNext = true;
    }

    /** The listing has no usable recency order: every poll lists whole from now on. */
    void orderFails() {
        orderWorks = false;
    }

    /** A recent read reads down to the first item older than this. */
    Instant readsDownTo() {
        return mark.minus(OVERLAP);
    }

    /**
     * Whether a recent read of {@code ids} shows a gap: the listing's total is not the ids listed before plus the new
     * ones, because something left (a deletion) or came without showing in the order; or the read gave no total, or
     * its totals moved between pages. Without a gap, the read's ids count as listed from now on.
     */
    boolean showsGap(Collection<String> ids, Long total, boolean moved) {
        List<String> unseen = new ArrayList<>();
        for (String id : ids) {
            if (!listedIds.contains(id)) {
                unseen.add(id);
            }
        }
        if (total == null || moved || total != listedIds.size() + unseen.size()) {
            return true;
        }
        listedIds.addAll(unseen);
        return false;
    }

    /** A full listing that held still showed these ids. */
    void listed(Collection<String> ids) {
        listedIds = new HashSet<>(ids);
    }

    /** A full listing that held still, every change of it delivered: the new baseline. */
    void listedWhole(Instant newest, long now) {
        mark = newest;
        listedAt = now;
        wholeNext = false;
    }

    /** A recent read without a gap, every change of it delivered: the mark moves past it. */
    void delivered(Instant newest) {
        if (newest.isAfter(mark)) {
            mark = newest;
        }
    }
}
