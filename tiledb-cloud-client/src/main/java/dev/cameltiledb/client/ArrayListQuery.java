package dev.cameltiledb.client;

import java.util.List;

/**
 * An array browser listing's filters: the common ones and those only arrays have.
 *
 * @param filters          search, namespace, tags, paging...
 * @param fileTypes        only these file types ({@code notebook}, {@code ml_model}, ...)
 * @param excludeFileTypes no arrays of these file types
 * @param fileProperties   {@code key,value} pairs the arrays' file properties must have
 */
public record ArrayListQuery(
        ListingFilters filters, List<String> fileTypes, List<String> excludeFileTypes, List<String> fileProperties) {

    /** The file type of notebook arrays. */
    public static final String NOTEBOOK = "notebook";
}
