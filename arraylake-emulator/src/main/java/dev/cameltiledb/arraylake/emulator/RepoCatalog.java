package dev.cameltiledb.arraylake.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The repos of one org, kept in name order so a page is a slice rather than a sort: listing page 100 of 10,000 repos
 * costs as much as page 1. The order lists (live only, live and ghosts) are rebuilt only after a repo is added or
 * removed; a modify replaces a repo in place and keeps them.
 */
final class RepoCatalog {

    private record OrderKey(String name, long sequence) {}

    private static final Comparator<OrderKey> BY_NAME_THEN_AGE =
            Comparator.comparing(OrderKey::name).thenComparingLong(OrderKey::sequence);

    private final Map<String, StoredRepo> byId = new HashMap<>();
    private final Map<String, String> liveIdByName = new HashMap<>();
    private final TreeMap<OrderKey, String> order = new TreeMap<>(BY_NAME_THEN_AGE);
    /** bucket id → prefix → repo id: a prefix is taken by live repos and ghosts alike (a ghost's data is still there). */
    private final Map<String, Map<String, String>> prefixes = new HashMap<>();

    private List<String> liveOrder;
    private List<String> allOrder;

    Optional<StoredRepo> live(String name) {
        String id = liveIdByName.get(name);
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    /** The live repo of that name, else its most recent ghost. */
    Optional<StoredRepo> latest(String name) {
        Optional<StoredRepo> live = live(name);
        if (live.isPresent()) {
            return live;
        }
        return order
                .subMap(new OrderKey(name, Long.MIN_VALUE), true, new OrderKey(name, Long.MAX_VALUE), true)
                .descendingMap()
                .values()
                .stream()
                .findFirst()
                .map(byId::get);
    }

    /** The repo holding {@code prefix} in the bucket, live or ghost. */
    Optional<StoredRepo> holderOfPrefix(String bucketId, String prefix) {
        String id = prefixes.getOrDefault(bucketId, Map.of()).get(prefix);
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    void add(StoredRepo repo) {
        if (!repo.ghost() && liveIdByName.containsKey(repo.name())) {
            throw new IllegalStateException("repo " + repo.org() + "/" + repo.name() + " exists");
        }
        byId.put(repo.id(), repo);
        if (!repo.ghost()) {
            liveIdByName.put(repo.name(), repo.id());
        }
        order.put(new OrderKey(repo.name(), repo.sequence()), repo.id());
        if (repo.bucketId() != null) {
            prefixes.computeIfAbsent(repo.bucketId(), b -> new HashMap<>()).put(repo.prefix(), repo.id());
        }
        invalidateOrder();
    }

    /** Stores a changed repo (same id, name and sequence); a repo turning ghost frees its name. */
    void replace(StoredRepo changed) {
        StoredRepo before = byId.put(changed.id(), changed);
        if (before == null) {
            throw new IllegalStateException("no repo " + changed.id());
        }
        if (!before.ghost() && changed.ghost()) {
            liveIdByName.remove(changed.name());
            invalidateOrder();
        }
    }

    void remove(StoredRepo repo) {
        byId.remove(repo.id());
        liveIdByName.remove(repo.name(), repo.id());
        order.remove(new OrderKey(repo.name(), repo.sequence()));
        if (repo.bucketId() != null) {
            prefixes.getOrDefault(repo.bucketId(), new HashMap<>()).remove(repo.prefix(), repo.id());
        }
        invalidateOrder();
    }

    /** Live repos (and ghosts when asked) in name order; the list is shared, never changed, until the next add. */
    List<StoredRepo> ordered(boolean includeGhosts) {
        List<String> ids = includeGhosts ? allOrder() : liveOrder();
        return new ResolvedList(ids);
    }

    int liveCount() {
        return liveIdByName.size();
    }

    long liveCountOnBucket(String bucketId) {
        return liveIdByName.values().stream()
                .map(byId::get)
                .filter(r -> bucketId.equals(r.bucketId()))
                .count();
    }

    private List<String> liveOrder() {
        if (liveOrder == null) {
            List<String> ids = new ArrayList<>(liveIdByName.size());
            for (String id : order.values()) {
                if (!byId.get(id).ghost()) {
                    ids.add(id);
                }
            }
            liveOrder = ids;
        }
        return liveOrder;
    }

    private List<String> allOrder() {
        if (allOrder == null) {
            allOrder = new ArrayList<>(order.values());
        }
        return allOrder;
    }

    private void invalidateOrder() {
        liveOrder = null;
        allOrder = null;
    }

    /** A view that looks each repo up when read, so a modify (which keeps the order) is seen without a rebuild. */
    private final class ResolvedList extends java.util.AbstractList<StoredRepo> implements java.util.RandomAccess {
        private final List<String> ids;

        ResolvedList(List<String> ids) {
            this.ids = ids;
        }

        @Override
        public StoredRepo get(int index) {
            return byId.get(ids.get(index));
        }

        @Override
        public int size() {
            return ids.size();
        }
    }
}
