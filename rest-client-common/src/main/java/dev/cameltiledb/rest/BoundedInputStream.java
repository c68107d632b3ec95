package dev.cameltiledb.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes of an answer; one more is a {@link TooLarge}, raised at once. Never closes. An
 * answer streamed item by item (rows of a result) is bounded per item instead ({@link #perItem}): the count starts
 * again at each {@link #nextItem()}, so a result of millions of rows streams while no single row may pass the limit.
 */
public final class BoundedInputStream extends FilterInputStream {

    /** The answer passed the limit; its message names the call and the option that sets the limit. */
    public static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** Parsed, an answer takes about three times its bytes on the heap (64 MiB of listing JSON peaked at 185 MiB). */
    private static final long HEAP_SHARE = 64;

    private static final long MIN_DEFAULT = 1L << 20;
    private static final long MAX_DEFAULT = 64L << 20;

    private final long limit;
    private final String call;
    private final String option;
    private final String advice;
    /** What one item is called ({@code row}) when the limit applies per item; null when it bounds the whole answer. */
    private final String item;

    private long count;

    /**
     * @param call   the call as messages show it ({@code GET /v1/arrays})
     * @param option the option that sets the limit ({@code maxResponseSize})
     */
    public BoundedInputStream(InputStream in, long limit, String call, String option) {
        this(in, limit, call, option, "");
    }

    /** With {@code advice} closing the error message: what to do instead. */
    public BoundedInputStream(InputStream in, long limit, String call, String option, String advice) {
        this(in, limit, call, option, advice, null);
    }

    private BoundedInputStream(InputStream in, long limit, String call, String option, String advice, String item) {
        super(in);
        this.limit = limit;
        this.call = call;
        this.option = option;
        this.advice = advice;
        this.item = item;
    }

    /**
     * A stream whose limit bounds each {@code item} ({@code row}) of the answer rather than the whole: the reader calls
     * {@link #nextItem()} where an item starts. What the reader buffered before that call is not counted again, and a
     * reader reads only once it has used up what it has, so an item within the limit never trips it and one larger
     * than the limit always does, once the reader wants more than the limit.
     */
    public static BoundedInputStream perItem(InputStream in, long limit, String call, String option, String item) {
        return new BoundedInputStream(in, limit, call, option, "", item);
    }

    /** Starts the count of a new item (only meaningful for a {@link #perItem} stream). */
    public void nextItem() {
        count = 0;
    }

    /**
     * The default limit of a JSON answer, sized by the heap so that it bounds memory, not only bytes: a sixty-fourth of
     * the JVM's maximum heap, at least 1 MiB and at most 64 MiB (reached from a 4 GiB heap). At about three times its
     * size once parsed, one answer at the limit takes about a twentieth of the heap; twenty read at once (a full pool
     * of 20) can still exhaust a small heap (ListingHeapTest saw it at -Xmx96m), so the fault matrix says so.
     */
    public static long defaultLimit() {
        return defaultLimit(Runtime.getRuntime().maxMemory());
    }

    /** The default limit for a JVM whose maximum heap is {@code maxHeapBytes}. */
    public static long defaultLimit(long maxHeapBytes) {
        return Math.max(MIN_DEFAULT, Math.min(MAX_DEFAULT, maxHeapBytes / HEAP_SHARE));
    }

    @Override
    public int read() throws IOException {
        if (item != null && count >= limit) {
            throw tooLarge();
        }
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // a whole answer may read one byte past the limit, which tells it is larger; an item reads up to the limit and
        // is larger when its reader still wants more, since a reader only reads once it used up what it has
        long room = item == null ? limit - count + 1 : limit - count;
        if (length > 0 && room <= 0) {
            throw tooLarge();
        }
        int n = super.read(buffer, offset, (int) Math.min(length, room));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    /**
     * Does nothing: closing the underlying stream would read the rest of the answer to return its connection to the
     * pool, which for an endless answer never ends. The caller closes the response when the body was read whole, and
     * aborts the connection otherwise (Jackson closes its source even when parsing fails).
     */
    @Override
    public void close() {}

    private void count(long n) throws TooLarge {
        count += n;
        if (count > limit) {
            throw tooLarge();
        }
    }

    private TooLarge tooLarge() {
        if (item != null) {
            return new TooLarge("A " + item + " of the answer to " + call + " is larger than " + option + " (" + limit
                    + " bytes); the answer was abandoned there");
        }
        return new TooLarge("The answer to " + call + " is larger than " + option + " (" + limit + " bytes); it was"
                + " abandoned unread" + advice);
    }
}
