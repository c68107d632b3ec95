package dev.cameltiledb.arraylake.client.model;

import java.util.Map;

/**
 * What to list. {@code page} and {@code size} pick one page (null: the service's defaults, or every page when
 * streaming); {@code filterMetadata} keeps repos whose metadata has every given key with that value (a list value in
 * the repo matches when it contains the given value); ghosts are soft-deleted repos.
 */
public record RepoQuery(Integer page, Integer size, Map<String, Object> filterMetadata, boolean includeGhosts) {

    public RepoQuery {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page starts at 1, got " + page);
        }
        if (size != null && (size < 1 || size > 100)) {
            throw new IllegalArgumentException("size must be 1..100, got " + size);
        }
        filterMetadata = filterMetadata == null ? Map.of() : Map.copyOf(filterMetadata);
    }

    /** Every live repo. */
    public static RepoQuery all() {
        return new RepoQuery(null, null, Map.of(), false);
    }

    public RepoQuery withPage(Integer page, Integer size) {
        return new RepoQuery(page, size, filterMetadata, includeGhosts);
    }

    public RepoQuery withFilterMetadata(Map<String, Object> filter) {
        return new RepoQuery(page, size, filter, includeGhosts);
    }

    public RepoQuery withGhosts(boolean include) {
        return new RepoQuery(page, size, filterMetadata, include);
    }
}
