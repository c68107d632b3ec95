package dev.cameltiledb.rest;

/**
 * The named errors of a paged listing that cannot be followed: walking it anyway would send requests without end
 * (a page number the server ignores) or hold more than memory can (a claim of a billion pages).
 */
public final class PageChecks {

    /** 10 million items at 100 a page; a listing claiming more is taken for a broken answer. */
    public static final long MAX_PAGES = 100_000;

    private PageChecks() {}

    /** The server answered another page than the one asked for. */
    public static String wrongPage(long answered, long asked) {
        return "The listing answered page " + answered + " to the request for page " + asked
                + "; its pages cannot be followed";
    }

    /** The listing claims more pages than {@link #MAX_PAGES}; {@code advice} says what to do instead. */
    public static String tooManyPages(long pages, String advice) {
        return "The listing claims " + pages + " pages, more than the " + MAX_PAGES + " this client follows; " + advice;
    }
}
