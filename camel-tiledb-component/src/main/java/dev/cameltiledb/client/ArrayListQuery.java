package dev.cameltiledb.client;

import java.util.List;

/**
 * Filters of the array browser listings, as the spec names them. Null or empty fields are not sent.
 *
 * @param search           matches name, namespace or description
 * @param namespace        only this namespace
 * @param orderBy          sort field, e.g. {@code name} or {@code size}
 * @param permissions      {@code read}, {@code read_write}, {@code write} or {@code admin}
 * @param tags             only arrays with these tags
 * @param excludeTags      no arrays with these tags
 * @param fileTypes        only these file types ({@code notebook}, {@code ml_model}, ...)
 * @param excludeFileTypes no arrays of these file types
 * @param fileProperties   {@code key,value} pairs the arrays' file properties must have
 * @param sharedTo         only arrays shared with these namespaces (the shared listing only)
 * @param withMetadata     include each array's metadata
 * @param perPage          page size
 */
public record ArrayListQuery(
        String search, String namespace, String orderBy, String permissions,
        List<String> tags, List<String> excludeTags, List<String> fileTypes, List<String> excludeFileTypes,
        List<String> fileProperties, List<String> sharedTo, Boolean withMetadata, Integer perPage) {

    /** No filters, the service's default page size. */
    public static ArrayListQuery all() {
        return new ArrayListQuery(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
