package dev.cameltiledb.component.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.PageSource;
import dev.cameltiledb.client.PagedIterator;
import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.client.model.PaginationMetadata;
import dev.cameltiledb.component.OptionHeaders;
import dev.cameltiledb.component.TileDBConstants;
import org.apache.camel.Message;

/**
 * The one way every paged listing answers (arrays, and later groups and notebooks): one page when {@code page} is
 * given, otherwise all pages up to {@code maxResults}, or a lazy {@link java.util.Iterator} with
 * {@code streamResults}. The reply headers describe the listing as the service reported it.
 */
final class ListingReply {

    /**
     * The most items a listing without maxResults collects into one list: the page cap bounds requests, not memory,
     * and 99,999 full pages would fill any heap long before their end.
     */
    static final int MAX_LISTED_ITEMS = 100_000;

    private ListingReply() {}

    static <T> void write(Message message, MessageOptions options, PageSource<T> source) {
        Integer page = options.listing().getPage();
        if (page != null) {
            Page<T> one = source.fetch(page);
            setHeaders(message, one.pagination());
            message.setBody(one.items());
            return;
        }
        PagedIterator<T> pages = new PagedIterator<>(source, options.listing().getMaxResults());
        setHeaders(message, pages.firstPage().pagination());
        if (options.listing().isStreamResults()) {
            message.setBody(pages);
            return;
        }
        message.setBody(collect(pages, options.listing().getMaxResults()));
    }

    /**
     * The listing's items as a list; without {@code maxResults}, more than {@link #MAX_LISTED_ITEMS} is an error that
     * points to maxResults and streamResults, before the heap fills.
     */
    static <T> List<T> collect(Iterator<T> items, long maxResults) {
        return collect(items, maxResults, "listing");
    }

    /**
     * The first {@code maxResults} items of a listing or of a result's rows ({@code what}) as a list; without
     * {@code maxResults}, more than {@link #MAX_LISTED_ITEMS} is an error that points to maxResults and
     * streamResults, before the heap fills.
     */
    static <T> List<T> collect(Iterator<T> items, long maxResults, String what) {
        List<T> all = new ArrayList<>();
        while ((maxResults <= 0 || all.size() < maxResults) && items.hasNext()) {
            if (maxResults <= 0 && all.size() >= MAX_LISTED_ITEMS) {
                throw new TileDBException(
                        "The " + what + " holds more than " + MAX_LISTED_ITEMS + " items, more than one list in memory"
                                + " takes: set maxResults (header " + OptionHeaders.headerOf("maxResults")
                                + ") for the first ones, or streamResults=true (header "
                                + OptionHeaders.headerOf("streamResults") + ") to go through them one by one",
                        null);
            }
            all.add(items.next());
        }
        return all;
    }

    private static void setHeaders(Message message, PaginationMetadata meta) {
        if (meta != null) {
            message.setHeader(TileDBConstants.RESULT_PAGE, meta.page());
            message.setHeader(TileDBConstants.RESULT_PER_PAGE, meta.perPage());
            message.setHeader(TileDBConstants.TOTAL_PAGES, meta.totalPages());
            message.setHeader(TileDBConstants.TOTAL_ITEMS, meta.totalItems());
        }
    }
}
