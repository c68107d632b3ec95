package dev.cameltiledb.client;

import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.cameltiledb.client.model.PaginationMetadata;
import dev.cameltiledb.rest.PageChecks;

/**
 * Walks a paged listing lazily: the next page is fetched only when the items of the current one are used up, so a
 * listing of 100,000 arrays never sits in memory at once. Stops at the last page the service reports, at an empty
 * or short page, or after {@code maxResults} items (0 = no limit). Pagination metadata that cannot end a listing
 * (neither {@code total_pages} nor {@code per_page}), that answers another page than the one asked for, or that claims
 * more than {@link #MAX_PAGES} pages is a {@link TileDBException} naming the page, never an endless walk.
 */
public final class PagedIterator<T> implements Iterator<T> {

    /** 10 million items at 100 a page; a listing claiming more is taken for a broken answer. */
    static final long MAX_PAGES = PageChecks.MAX_PAGES;

    private final PageSource<T> source;
    private final long maxResults;
    private Page<T> current;
    private Iterator<T> items;
    private int pageNumber;
    private long delivered;

    public PagedIterator(PageSource<T> source, long maxResults) {
        this.source = source;
        this.maxResults = maxResults;
    }

    /** The first page, fetched now, so callers can read the listing's totals before iterating. */
    public Page<T> firstPage() {
        if (current == null) {
            advance();
        }
        return current;
    }

    @Override
    public boolean hasNext() {
        if (maxResults > 0 && delivered >= maxResults) {
            return false;
        }
        if (current == null) {
            advance();
        }
        while (!items.hasNext()) {
            if (isLastPage()) {
                return false;
            }
            advance();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more items in this TileDB listing");
        }
        delivered++;
        return items.next();
    }

    private void advance() {
        pageNumber++;
        current = source.fetch(pageNumber);
        items = current.items().iterator();
        PaginationMetadata meta = current.pagination();
        if (meta == null || current.items().isEmpty()) {
            return;
        }
        if (meta.page() > 0 && meta.page() != pageNumber) {
            throw new TileDBException(PageChecks.wrongPage(meta.page(), pageNumber), null);
        }
        if (meta.totalPages() > MAX_PAGES) {
            throw new TileDBException(
                    PageChecks.tooManyPages(meta.totalPages(), "narrow it with filters or ask for one page"), null);
        }
        if (meta.totalPages() <= 0 && meta.perPage() <= 0) {
            throw new TileDBException(
                    "Page " + pageNumber + " of the listing has pagination metadata without total_pages"
                            + " or per_page, so its end cannot be known; ask for one page instead",
                    null);
        }
    }

    private boolean isLastPage() {
        if (current.items().isEmpty()) {
            return true;
        }
        PaginationMetadata meta = current.pagination();
        if (meta == null) {
            // without paging information the answer cannot be trusted to change with the page number
            return true;
        }
        if (meta.totalPages() > 0) {
            return pageNumber >= meta.totalPages();
        }
        return current.items().size() < meta.perPage();
    }
}
