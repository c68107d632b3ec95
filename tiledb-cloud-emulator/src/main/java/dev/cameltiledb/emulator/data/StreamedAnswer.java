package dev.cameltiledb.emulator.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The answer of a data-plane call, decided (status, content type, task id) before its body is produced, so a route
 * sends the headers and then lets the body stream: {@code answer.writeTo(exchange.getOutputStream())}. The body is
 * produced while it is written, never held whole (an SQL result of millions of rows passes through a fixed amount of
 * memory). Always close it (try-with-resources), written or not: an answer holds a database connection until then.
 */
public interface StreamedAnswer extends AutoCloseable {

    /** 200, or 204 when there is no body (an SQL statement without a result, results not to be downloaded). */
    int status();

    /** The MIME type of the body: the result format's ({@code application/json}, Arrow's stream type...). */
    String contentType();

    /** The id of the task that the call left ({@code X-TILEDB-CLOUD-TASK-ID}). */
    String taskId();

    /**
     * Writes the body; at most once. The task is completed when the body has been written, and failed when writing
     * fails (a client gone mid-stream).
     */
    void writeTo(OutputStream out) throws IOException;

    @Override
    void close();
}
