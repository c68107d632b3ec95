package dev.cameltiledb.component.producer;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.RowStream;

/**
 * Streamed rows handed over {@code size} at a time ({@code batchSize}): each item a List of up to that many rows, the
 * last one shorter, read from the stream only when it is asked for. A splitter over it makes one exchange a batch
 * instead of one a row, which is where a route over millions of rows spends its time. Closing it closes the rows
 * (Camel's splitter closes a {@link Closeable} iterator when it is done with it).
 */
final class RowBatches implements Iterator<List<Map<String, Object>>>, Closeable {

    /** A batch's list starts no larger than this, so a large batchSize over a small result allocates little. */
    private static final int FIRST_CAPACITY = 1024;

    private final RowStream rows;
    private final int size;

    RowBatches(RowStream rows, int size) {
        this.rows = rows;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public List<Map<String, Object>> next() {
        List<Map<String, Object>> batch = new ArrayList<>(Math.min(size, FIRST_CAPACITY));
        batch.add(rows.next()); // none left: the stream's NoSuchElementException, naming the call
        while (batch.size() < size && rows.hasNext()) {
            batch.add(rows.next());
        }
        return batch;
    }

    @Override
    public void close() {
        rows.close();
    }
}
