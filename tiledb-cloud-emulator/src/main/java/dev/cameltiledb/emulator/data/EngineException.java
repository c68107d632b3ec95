package dev.cameltiledb.emulator.data;

/**
 * A data-plane call that cannot be answered: the HTTP status and message of the spec's {@code Error} body (the routes
 * answer it as every other failure, code = status times ten), and the id of the task the call left behind (for the
 * {@code X-TILEDB-CLOUD-TASK-ID} header), if it started one.
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

    /** The task this failure belongs to, or null when none was started (a request refused before it ran). */
    public String taskId() {
        return taskId;
    }

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
