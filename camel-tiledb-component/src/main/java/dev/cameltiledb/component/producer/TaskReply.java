package dev.cameltiledb.component.producer;

import java.io.Closeable;
import java.io.IOException;

import dev.cameltiledb.client.ResultStream;
import dev.cameltiledb.client.RowStream;
import dev.cameltiledb.client.TaskCall;
import dev.cameltiledb.client.TaskResult;
import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.component.TileDBConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The one way work the service runs answers a route (SQL, the UDF runs, a JSON query): a {@code json} result parsed,
 * or read lazily row by row (or {@code batchSize} rows at a time) with {@code streamResults}; any other format ({@code arrow}...) as the live answer, an
 * {@code InputStream} nothing buffers. The task's id goes in {@code CamelTileDBTaskId}. What reads the answer as it
 * arrives is closed when the exchange completes, read to its end or not, so a route that stops early (or fails)
 * gives its connection back to the pool.
 */
final class TaskReply {

    /** How a {@code json} result is read when it is not streamed. */
    enum Json {
        /** A JSON array of row objects (SQL, a JSON query): a List of Map, up to maxResults rows. */
        ROWS,
        /** Any JSON value (a UDF's return value), read whole within maxResponseSize. */
        VALUE
    }

    private TaskReply() {}

    /** Sends {@code call} and writes its result to {@code message}. */
    static void write(Message message, MessageOptions options, TaskCall call, Json json) {
        if (call.format() != ResultFormat.JSON) {
            ResultStream stream = call.stream();
            closeWithExchange(message, stream);
            reply(message, stream, stream.taskId());
        } else if (options.listing().isStreamResults()) {
            streamed(message, options, call.rows());
        } else if (json == Json.ROWS) {
            collectRows(message, options, call.rows());
        } else {
            TaskResult result = call.result();
            reply(message, result.json(), result.taskId());
        }
    }

    /** Rows as the answer of a route: lazily with {@code streamResults}, else collected up to maxResults. */
    static void rows(Message message, MessageOptions options, RowStream rows) {
        if (options.listing().isStreamResults()) {
            streamed(message, options, rows);
        } else {
            collectRows(message, options, rows);
        }
    }

    /** The rows as a lazy body: one Map an item, or with a batchSize above 1, a List of up to that many. */
    private static void streamed(Message message, MessageOptions options, RowStream rows) {
        closeWithExchange(message, rows);
        int batchSize = options.data().getBatchSize();
        reply(message, batchSize > 1 ? new RowBatches(rows, batchSize) : rows, rows.taskId());
    }

    private static void collectRows(Message message, MessageOptions options, RowStream rows) {
        try (rows) {
            reply(message, ListingReply.collect(rows, options.listing().getMaxResults(), "result"), rows.taskId());
        }
    }

    private static void reply(Message message, Object body, String taskId) {
        message.setBody(body);
        message.setHeader(TileDBConstants.TASK_ID, taskId);
    }

    /**
     * Closes {@code resource} when the exchange completes, whatever its outcome: a lazy body the route did not read to
     * its end still frees its connection or file. Closing twice is harmless.
     */
    static void closeWithExchange(Message message, Closeable resource) {
        Exchange exchange = message.getExchange();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    resource.close();
                } catch (IOException | RuntimeException ignored) {
                    // the connection is dropped either way
                }
            }

            @Override
            public String toString() {
                return "close the TileDB result " + resource;
            }
        });
    }
}
