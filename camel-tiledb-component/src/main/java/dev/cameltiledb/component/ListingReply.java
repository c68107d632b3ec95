package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.PageSource;
import dev.cameltiledb.client.PagedIterator;
import dev.cameltiledb.client.model.PaginationMetadata;
import org.apache.camel.Message;

/**
 * The one way every paged listing answers (arrays, and later groups and notebooks): one page when {@code page} is
 * given, otherwise all pages up to {@code maxResults}, or a lazy {@link java.util.Iterator} with
 * {@code streamResults}. The reply headers describe the listing as the service reported it.
 */
final class ListingReply {

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
        List<T> all = new ArrayList<>();
        pages.forEachRemaining(all::add);
        message.setBody(all);
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
