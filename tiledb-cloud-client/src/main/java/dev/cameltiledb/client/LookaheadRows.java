package dev.cameltiledb.client;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The iteration every {@link RowStream} shares: the next row is read when it is asked for, and once the rows ended,
 * failed or were closed, there are no more.
 */
abstract class LookaheadRows implements RowStream {

    private final String call;
    private Map<String, Object> next;
    private boolean done;

    /** @param call the call the rows answer, as messages name it ({@code POST /v1/sql/acme}) */
    LookaheadRows(String call) {
        this.call = call;
    }

    /** The next row, or null at the end (having released what the stream holds). */
    abstract Map<String, Object> advance();

    /** Releases the connection or file behind the rows. */
    abstract void release();

    final String call() {
        return call;
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public final Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in the answer to " + call);
        }
        Map<String, Object> row = next;
        next = null;
        return row;
    }

    @Override
    public final void close() {
        done = true;
        next = null;
        release();
    }
}
