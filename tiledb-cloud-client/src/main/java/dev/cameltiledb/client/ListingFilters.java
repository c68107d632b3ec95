package dev.cameltiledb.client;

import java.util.List;

/**
 * The filters every browser listing (arrays and groups) shares, as the spec names them. Null or empty fields are not
 * sent.
 *
 * @param search       matches name, namespace or description
 * @param namespace    only this namespace
 * @param orderBy      sort field, e.g. {@code name} or {@code size}
 * @param permissions  {@code read}, {@code read_write}, {@code write} or {@code admin}
 * @param tags         only assets with these tags
 * @param excludeTags  no assets with these tags
 * @param sharedTo     only assets shared with these namespaces (the shared listing only)
 * @param withMetadata include each asset's metadata
 * @param perPage      page size
 */
public record ListingFilters(
        String search,
        String namespace,
        String orderBy,
        String permissions,
        List<String> tags,
        List<String> excludeTags,
        List<String> sharedTo,
        Boolean withMetadata,
        Integer perPage) {

    public static final ListingFilters NONE = new ListingFilters(null, null, null, null, null, null, null, null, null);

    /** The browser request for one page of {@code listing}, with these filters. */
    RestRequest browse(String resource, Listing listing, int page) {
        if (sharedTo != null && !sharedTo.isEmpty() && listing != Listing.SHARED) {
            throw new TileDBConfigurationException(
                    "sharedTo filters only the shared listing, not the " + listing.path() + " one");
        }
        return RestRequest.get("v1", resource, "browser", listing.path())
                .query("page", page)
                .query("per_page", perPage)
                .query("search", search)
                .query("namespace", namespace)
                .query("orderby", orderBy)
                .query("permissions", permissions)
                .queryAll("tag", tags)
                .queryAll("exclude_tag", excludeTags)
                .queryAll("shared_to", sharedTo)
                .query("with_metadata", withMetadata);
    }
}
