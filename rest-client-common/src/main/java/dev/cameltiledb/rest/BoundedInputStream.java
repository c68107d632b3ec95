package dev.cameltiledb.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limit} bytes of an answer; one more is a {@link TooLarge}, raised at once. Never closes. */
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
        super(in);
        this.limit = limit;
        this.call = call;
        this.option = option;
        this.advice = advice;
    }

    /**
     * The default limit of a JSON answer, sized by the heap so that it bounds memory, not only bytes: a sixty-fourth of
     * the JVM's maximum heap, at least 1 MiB and at most 64 MiB (reached from a 4 GiB heap). At about three times its
     * size once parsed, twenty answers at the limit read at once (a full pool of 20) still fit in the heap.
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
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
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
            throw new TooLarge("The answer to " + call + " is larger than " + option + " (" + limit + " bytes); it was"
                    + " abandoned unread" + advice);
        }
    }
}
