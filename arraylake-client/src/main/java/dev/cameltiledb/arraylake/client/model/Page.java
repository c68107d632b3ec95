package dev.cameltiledb.arraylake.client.model;

import java.util.List;

/** One page of a paginated listing; {@code pages} is the service's count of pages at this page size. */
public record Page<T>(List<T> items, long total, int page, int size, int pages) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether a page after this one exists. */
    public boolean hasNext() {
        return page < pages;
    }
}
