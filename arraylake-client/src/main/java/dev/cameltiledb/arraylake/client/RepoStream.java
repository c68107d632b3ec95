package dev.cameltiledb.arraylake.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;

/**
 * Repos page after page, each page fetched only when the previous one is used up, so a consumer that stops early
 * never pays for the rest of an org with thousands of repos. Creating it sends nothing.
 */
public final class RepoStream implements Iterator<Repo> {

    private final IntFunction<Page<Repo>> fetch;
    private Page<Repo> first;
    private Page<Repo> current;
    private Iterator<Repo> items;

    RepoStream(IntFunction<Page<Repo>> fetch) {
        this.fetch = fetch;
    }

    /** The first page, for its totals (total, pages, size); fetched now if iteration has not started. */
    public Page<Repo> firstPage() {
        if (first == null) {
            advance(1);
        }
        return first;
    }

    @Override
    public boolean hasNext() {
        if (current == null) {
            advance(1);
        }
        // a short or empty page before the last is possible when repos were deleted meanwhile: keep going; the page
        // number only grows, so this ends at the last page the service announces
        while (!items.hasNext() && current.hasNext()) {
            advance(current.page() + 1);
        }
        return items.hasNext();
    }

    @Override
    public Repo next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more repos");
        }
        return items.next();
    }

    private void advance(int page) {
        current = fetch.apply(page);
        if (first == null) {
            first = current;
        }
        items = current.items().iterator();
    }
}
