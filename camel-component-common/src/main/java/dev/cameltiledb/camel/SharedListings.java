package dev.cameltiledb.camel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Listing pages shared by the consumers of one node that read the same listing (the partitions of one namespace, or
 * a change feed and an activity stream of the same namespace), so that N of them cost one listing per poll rather
 * than N.
 * <p>
 * A listing is read in <em>rounds</em>. A reader that begins a read joins the current round when it has not used that
 * round yet and the round is younger than the reader's {@code maxAgeMillis} (its poll delay: it would have listed
 * again by then anyway); otherwise it opens a new round, and the others join that one on their next poll. So each
 * reader sees each page at most once per round and never a page older than its own delay, and a reader that is alone
 * (one consumer, or polls driven by hand) lists afresh on every poll, exactly as without sharing.
 * <p>
 * A page is fetched once per round, by the first reader to need it, and dropped as soon as every registered reader of
 * the listing has read it, so a round holds only the pages that some reader has yet to reach. A round that no reader
 * can join any longer (older than the age its opener allowed) lets go of its pages at the next {@link #begin} of any
 * listing: a partition that listed whole alone (it restarted, say) does not keep that listing for the others until
 * their own next full listing. A fetch that fails is not kept: every reader waiting on it gets the failure, and the
 * next one to ask fetches again.
 */
public final class SharedListings {

    /** A listing: whose client asks (identity), and the request without its page number. */
    private record Key(Object client, String request) {}

    /** The readers of one listing, and its current round. */
    private static final class Shared {
        final Set<Object> readers = new HashSet<>();
        Round round;
    }

    /** One round of a listing: its pages, fetched or being fetched, and who has used it. */
    private static final class Round {
        final long openedAt;
        /** The age past which its opener would not join it; no other reader is likely to either. */
        final long maxAgeMillis;

        final Map<Integer, CompletableFuture<Object>> pages = new HashMap<>();
        final Map<Integer, Integer> readsLeft = new HashMap<>();
        final Set<Object> used = new HashSet<>();

        Round(long openedAt, long maxAgeMillis) {
            this.openedAt = openedAt;
            this.maxAgeMillis = maxAgeMillis;
        }

        boolean expired(long now) {
            return now - openedAt >= maxAgeMillis;
        }
    }

    /** One reader's pass over a listing, page by page. */
    public interface Read {

        /** Page {@code page} of the listing, from this round when a reader fetched it already, else fetched now. */
        <P> P page(int page, Supplier<P> fetch);
    }

    private final Map<Key, Shared> listings = new HashMap<>();
    private final LongSupplier clock;

    public SharedListings() {
        this(System::currentTimeMillis);
    }

    SharedListings(LongSupplier clock) {
        this.clock = clock;
    }

    /** Counts {@code reader} among the readers of a listing (a consumer, when it starts). */
    public synchronized void register(Object client, String request, Object reader) {
        listings.computeIfAbsent(new Key(client, request), k -> new Shared())
                .readers
                .add(reader);
    }

    /** The reader no longer reads the listing (its consumer stopped); the listing is forgotten with its last reader. */
    public synchronized void unregister(Object client, String request, Object reader) {
        Key key = new Key(client, request);
        Shared shared = listings.get(key);
        if (shared != null && shared.readers.remove(reader) && shared.readers.isEmpty()) {
            listings.remove(key);
        }
    }

    /** Begins one pass of {@code reader} over the listing (one poll); see the class comment for which round it gets. */
    public synchronized Read begin(Object client, String request, Object reader, long maxAgeMillis) {
        Key key = new Key(client, request);
        Shared shared = listings.computeIfAbsent(key, k -> new Shared());
        shared.readers.add(reader);
        long now = clock.getAsLong();
        dropExpired(now);
        Round round = shared.round;
        if (round == null || round.used.contains(reader) || now - round.openedAt >= maxAgeMillis) {
            round = new Round(now, maxAgeMillis);
            shared.round = round;
        }
        round.used.add(reader);
        Round mine = round;
        int readers = shared.readers.size();
        return new Read() {
            @Override
            @SuppressWarnings("unchecked")
            public <P> P page(int page, Supplier<P> fetch) {
                CompletableFuture<Object> answer;
                boolean fetching = false;
                synchronized (SharedListings.this) {
                    answer = mine.pages.get(page);
                    if (answer == null) {
                        answer = new CompletableFuture<>();
                        fetching = true;
                        if (readers > 1) {
                            mine.pages.put(page, answer);
                            mine.readsLeft.put(page, readers - 1);
                        }
                    } else if (mine.readsLeft.merge(page, -1, Integer::sum) <= 0) {
                        mine.pages.remove(page); // every reader has it: nothing holds it any longer
                        mine.readsLeft.remove(page);
                    }
                }
                if (fetching) {
                    try {
                        answer.complete(fetch.get());
                    } catch (RuntimeException | Error e) {
                        synchronized (SharedListings.this) {
                            mine.pages.remove(page, answer);
                            mine.readsLeft.remove(page);
                        }
                        answer.completeExceptionally(e);
                        throw e;
                    }
                }
                try {
                    return (P) answer.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        };
    }

    /** Lets go of the pages of rounds that no reader will join any longer (see the class comment). */
    private void dropExpired(long now) {
        for (Shared shared : listings.values()) {
            if (shared.round != null && shared.round.expired(now)) {
                shared.round.pages.clear();
                shared.round.readsLeft.clear();
            }
        }
    }

    /** Pages held across all listings (for tests and the dev console). */
    synchronized int heldPages() {
        return listings.values().stream()
                .mapToInt(s -> s.round == null ? 0 : s.round.pages.size())
                .sum();
    }
}
