package dev.cameltiledb.emulator.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A data-plane call that cannot be answered: the HTTP status, TileDB's numeric code and a message for the spec's
 * {@code Error} body, and the id of the task the call left behind (for the {@code X-TILEDB-CLOUD-TASK-ID} header), if
 * it started one. Codes follow the rest of the emulator: the status times ten.
 */
public final class EngineException extends RuntimeException {

    private final int status;
    private final String taskId;

    public EngineException(int status, String message) {
        this(status, message, null);
    }

    private EngineException(int status, String message, String taskId) {
        super(message, null, false, false);
        this.status = status;
        this.taskId = taskId;
    }

    /** The same failure, naming the task that recorded it. */
    public EngineException withTask(String id) {
        return new EngineException(status, getMessage(), id);
    }

    public int status() {
        return status;
    }

    public long code() {
        return status * 10L;
    }

    /** The task this failure belongs to, or null when none was started (a request refused before it ran). */
    public String taskId() {
        return taskId;
    }

    /** The spec's {@code Error} body a route answers for this failure, with the request's id. */
    public ErrorBody body(String requestId) {
        return new ErrorBody(code(), getMessage(), requestId);
    }

    /** The spec's {@code Error}: {@code {"code", "message", "request_id"}}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorBody(long code, String message, String requestId) {}

    public static EngineException badRequest(String message) {
        return new EngineException(400, message);
    }

    public static EngineException forbidden(String message) {
        return new EngineException(403, message);
    }

    public static EngineException notFound(String message) {
        return new EngineException(404, message);
    }

    public static EngineException conflict(String message) {
        return new EngineException(409, message);
    }
}
