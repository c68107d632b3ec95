package dev.cameltiledb.client;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A result row by row, one {@code Map} (column name to value, in the answer's order) at a time, parsed as it arrives:
 * a result of millions of rows never sits in memory. Each row is bounded by {@code maxResponseSize}. Reaching the
 * end releases what the stream holds (a pooled connection, a temporary file); stopping early needs
 * {@link #close()} (try-with-resources; Camel's splitter closes a {@link Closeable} iterator by itself). A row that
 * cannot be read (a broken or malformed answer) is a {@link TileDBException} naming the call and the row.
 */
public interface RowStream extends Iterator<Map<String, Object>>, Closeable {

    /** The task that produced the rows ({@code X-TILEDB-CLOUD-TASK-ID}); null when the service named none. */
    String taskId();

    /** Releases the connection or file behind the rows; the rows not read yet are dropped. */
    @Override
    void close();

    /** The rows as a {@link Stream}, which closes this when it is closed. */
    default Stream<Map<String, Object>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }
}
