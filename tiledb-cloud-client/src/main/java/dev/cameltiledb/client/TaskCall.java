package dev.cameltiledb.client;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.rest.AsyncCalls;

/**
 * A call that runs a task on TileDB Cloud (SQL, a UDF), ready to send: nothing is sent until one of its methods is
 * called, and each sends it once more. Whichever is used, the call is never sent twice by the client's retries once it
 * may have reached the service (only a 429 or a connection that could not be opened is retried), since it does its
 * work each time.
 * <ul>
 *   <li>{@link #result()}: the whole result in memory, within {@code callTimeout} and {@code maxResponseSize};
 *   <li>{@link #rows()}: a {@code json} result row by row, parsed as it arrives;
 *   <li>{@link #stream()}: the result's bytes as they arrive (an Arrow IPC stream, say);
 *   <li>{@link #resultAsync()}: {@link #result()} on the client's threads (TileDB's Python {@code exec_async}).
 * </ul>
 */
public final class TaskCall {

    /** The task id header, as answers' headers are keyed (lower case). */
    static final String TASK_ID = RestTransport.TASK_ID_HEADER.toLowerCase(Locale.ROOT);

    static final String WHOLE_RESULT_ADVICE =
            "; read a large result row by row (rows()) or as a stream (stream()) instead";

    private final RestTransport transport;
    private final RestRequest request;
    private final ResultFormat format;
    private final String formatOption;
    private final Supplier<AsyncCalls<TileDBClient>> async;

    /**
     * @param format       the result format the request asks for
     * @param formatOption the option that sets it, for the message of {@link #rows()} on another format
     */
    TaskCall(
            RestTransport transport,
            RestRequest request,
            ResultFormat format,
            String formatOption,
            Supplier<AsyncCalls<TileDBClient>> async) {
        this.transport = transport;
        this.request = request.once();
        this.format = format;
        this.formatOption = formatOption;
        this.async = async;
    }

    /** Sends the call and reads its whole result. */
    public TaskResult result() {
        return transport.readBody(request, WHOLE_RESULT_ADVICE, TaskResult::read);
    }

    /**
     * Sends the call and hands over its result's rows as they arrive: the result must be {@code json} (a JSON array of
     * objects, as SQL answers); an answer with no content (204) has no rows.
     */
    public RowStream rows() {
        if (format != ResultFormat.JSON) {
            throw new TileDBConfigurationException("Rows are read from a json result, but " + formatOption + " is "
                    + format.wireName() + "; read it as a stream instead, or set " + formatOption + " to json");
        }
        return JsonRowStream.of(
                transport.openAnswer(request), request.method() + " " + request.path(), transport.maxResponseBytes());
    }

    /** Sends the call and hands over its result's bytes as they arrive; close the stream when done. */
    public ResultStream stream() {
        return ResultStream.of(transport.openAnswer(request));
    }

    /** {@link #result()} on the client's threads ({@link TileDBClient#async()}); cancelling it aborts the call. */
    public CompletableFuture<TaskResult> resultAsync() {
        return async.get().call(client -> result());
    }

    /** The format the call asks its result in. */
    public ResultFormat format() {
        return format;
    }
}
