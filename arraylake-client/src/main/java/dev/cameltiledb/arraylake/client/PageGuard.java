package dev.cameltiledb.arraylake.client;

import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.rest.PageChecks;

/**
 * Checks each page of a listing before anything follows it: a page number missing or not the one asked for, negative
 * counts, more than {@link PageChecks#MAX_PAGES} pages, or a {@code total} that does not make the announced
 * {@code pages} at the page's {@code size} are named errors, never an endless walk, a heap filled with one repo, or a
 * listing that silently ends after its first page.
 */
final class PageGuard {

    private PageGuard() {}

    /** {@code page}, the answer of {@code call} to the request for page {@code asked}, when it can be followed. */
    static <T> Page<T> checked(Page<T> page, int asked, String call) {
        if (page.page() == 0) {
            throw new ArraylakeException(
                    call + " answered page " + asked + " without a page number; its pages" + " cannot be followed");
        }
        if (page.page() != asked) {
            throw new ArraylakeException(PageChecks.wrongPage(page.page(), asked) + " (" + call + ")");
        }
        if (page.total() < 0 || page.pages() < 0 || page.size() < 0) {
            throw new ArraylakeException(call + " answered negative paging counts (" + counts(page) + ")");
        }
        if (page.pages() > PageChecks.MAX_PAGES) {
            throw new ArraylakeException(
                    PageChecks.tooManyPages(page.pages(), "filter the repos (filterMetadata) or ask for one page")
                            + " (" + call + ")");
        }
        if (!page.items().isEmpty() && !consistent(page)) {
            throw new ArraylakeException(call + " answered page " + asked + " with paging counts that do not agree ("
                    + counts(page) + ", " + page.items().size() + " items): the listing's end cannot be known");
        }
        return page;
    }

    /** Whether a page that holds items has a size, holds no more than it, and totals that make its page count. */
    private static boolean consistent(Page<?> page) {
        if (page.size() == 0
                || page.items().size() > page.size()
                || page.total() < page.items().size()) {
            return false;
        }
        long pages = (page.total() + page.size() - 1) / page.size();
        return page.pages() == pages && page.page() <= page.pages();
    }

    private static String counts(Page<?> page) {
        return "total " + page.total() + ", pages " + page.pages() + ", size " + page.size();
    }
}
