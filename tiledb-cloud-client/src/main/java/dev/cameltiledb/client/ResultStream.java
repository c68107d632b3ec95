package dev.cameltiledb.client;

import java.io.FilterInputStream;
import java.io.InputStream;

import dev.cameltiledb.client.model.ResultFormat;

/**
 * A task's result as it arrives, read straight from the connection: an Arrow IPC stream, bytes, or JSON to parse
 * yourself. Close it when done (try-with-resources): until it is closed or read to its end it holds one of the
 * pool's connections, and the pool's error says so when they run out.
 */
public final class ResultStream extends FilterInputStream {

    private final String taskId;
    private final boolean ready;
    private final String contentType;

    ResultStream(InputStream live, String taskId, boolean ready, String contentType) {
        super(live);
        this.taskId = taskId;
        this.ready = ready;
        this.contentType = contentType;
    }

    /** The result a streamed answer carries: a 202 says the task still runs. */
    static ResultStream of(RestTransport.StreamedAnswer answer) {
        return new ResultStream(
                answer.body(),
                answer.headers().get(TaskCall.TASK_ID),
                answer.status() != 202,
                answer.headers().get("content-type"));
    }

    /** The task ({@code X-TILEDB-CLOUD-TASK-ID}); null when the service named none. */
    public String taskId() {
        return taskId;
    }

    /** False while the task still runs (a stored result asked for too early: 202); the stream is then empty. */
    public boolean ready() {
        return ready;
    }

    /** The answer's media type, as the service labelled it. */
    public String contentType() {
        return contentType;
    }

    /** The format the content type names, or null. */
    public ResultFormat format() {
        return ResultFormat.ofMediaType(contentType);
    }
}
