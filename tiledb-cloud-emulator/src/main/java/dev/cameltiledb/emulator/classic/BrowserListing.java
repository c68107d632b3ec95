package dev.cameltiledb.emulator.classic;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.ListedAsset;

/** The filters and orders the array and group browser listings share. */
final class BrowserListing {

    enum Listing {
        OWNED,
        SHARED,
        PUBLIC
    }

    private BrowserListing() {}

    /**
     * Which listing the asset belongs to, then search, namespace, tag, exclude_tag and (shared only) shared_to; the
     * namespace filters match in any case, as the service's do ({@code tiledb-inc} finds TileDB-Inc's assets).
     */
    static <T extends ListedAsset> Predicate<T> common(HttpCall call, Listing listing, Set<String> own) {
        Predicate<T> visible = switch (listing) {
            case OWNED -> a -> own.contains(a.namespace());
            case SHARED ->
                a -> !own.contains(a.namespace()) && a.sharedWith().stream().anyMatch(own::contains);
            case PUBLIC -> a -> a.sharedWith().contains(EmulatorState.PUBLIC);
        };
        String search =
                call.query("search") == null ? null : call.query("search").toLowerCase(Locale.ROOT);
        String namespace = call.query("namespace");
        List<String> tags = call.queryAll("tag");
        List<String> excludeTags = call.queryAll("exclude_tag");
        List<String> sharedTo = listing == Listing.SHARED ? call.queryAll("shared_to") : List.of();
        return visible.and(a -> search == null
                        || contains(a.name(), search)
                        || contains(a.namespace(), search)
                        || contains(a.description(), search))
                .and(a -> namespace == null || namespace.equalsIgnoreCase(a.namespace()))
                .and(a -> a.tags().containsAll(tags))
                .and(a -> excludeTags.stream().noneMatch(a.tags()::contains))
                .and(a -> sharedTo.isEmpty()
                        || sharedTo.stream()
                                .anyMatch(to -> a.sharedWith().stream().anyMatch(to::equalsIgnoreCase)));
    }

    /** {@code name} (default), {@code size} or {@code last_accessed} (newest first). */
    static <T extends ListedAsset> Comparator<T> order(String orderBy) {
        Comparator<T> byName = Comparator.comparing((T a) -> a.namespace()).thenComparing(ListedAsset::name);
        if (orderBy == null || orderBy.isBlank() || orderBy.equals("name")) {
            return byName;
        }
        if (orderBy.equals("size")) {
            return Comparator.comparingLong((T a) -> a.sizeForOrder()).thenComparing(byName);
        }
        if (orderBy.equals("last_accessed")) {
            return Comparator.comparing((T a) -> a.lastTouched()).reversed().thenComparing(byName);
        }
        throw ApiFailure.badRequest("orderby must be name, size or last_accessed, was '" + orderBy + "'");
    }

    /** An {@code ArrayBrowserSidebar} (or the groups' like it) from the listing's count per namespace, in name order. */
    static java.util.Map<String, Object> sidebar(java.util.SortedMap<String, Integer> countsByNamespace) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("namespaces", List.copyOf(countsByNamespace.keySet()));
        m.put(
                "result_count_for_all",
                countsByNamespace.values().stream().mapToInt(Integer::intValue).sum());
        m.put("result_count_by_namespace", countsByNamespace);
        return m;
    }

    private static boolean contains(String field, String lowerNeedle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
