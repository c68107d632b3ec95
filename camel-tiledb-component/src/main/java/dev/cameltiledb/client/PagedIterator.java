package dev.cameltiledb.client;

import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.cameltiledb.client.model.PaginationMetadata;

/**
 * Walks a paged listing lazily: the next page is fetched only when the items of the current one are used up, so a
 * listing of 100,000 arrays never sits in memory at once. Stops at the last page the service reports, at an empty
 * or short page, or after {@code maxResults} items (0 = no limit).
 */
public final class PagedIterator<T> implements Iterator<T> {

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
