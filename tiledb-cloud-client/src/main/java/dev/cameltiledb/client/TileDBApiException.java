package dev.cameltiledb.client;

/**
 * The service answered with an error status. Carries what the service said: the HTTP status, TileDB's own error
 * code, its message and the request id to quote to TileDB support.
 */
public class TileDBApiException extends TileDBException {

    private final int statusCode;
    private final Long errorCode;
    private final String serviceMessage;
    private final String requestId;
    private final String method;
    private final String path;
    /** The task the failed call started ({@code X-TILEDB-CLOUD-TASK-ID}, sent with a UDF's error); null otherwise. */
    private String taskId;

    public TileDBApiException(
            int statusCode, Long errorCode, String serviceMessage, String requestId, String method, String path) {
        this(statusCode, errorCode, serviceMessage, requestId, method, path, null);
    }

    /** {@code context} is appended to the message, e.g. which credentials were refused by which host. */
    public TileDBApiException(
            int statusCode,
            Long errorCode,
            String serviceMessage,
            String requestId,
            String method,
            String path,
            String context) {
        super(describe(statusCode, errorCode, serviceMessage, requestId, method, path)
                + (context == null ? "" : "; " + context));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
    }

    /** The subclass that fits the status, so callers can catch what they can handle. */
    static TileDBApiException of(
            int status,
            Long errorCode,
            String message,
            String requestId,
            String method,
            String path,
            String credentialsContext) {
        if (status == 401 || status == 403) {
            return new TileDBAuthenticationException(
                    status, errorCode, message, requestId, method, path, credentialsContext);
        }
        if (status == 404) {
            return new TileDBNotFoundException(status, errorCode, message, requestId, method, path);
        }
        if (status == 429) {
            return new TileDBRateLimitedException(status, errorCode, message, requestId, method, path);
        }
        if (status >= 500) {
            return new TileDBServerException(status, errorCode, message, requestId, method, path);
        }
        return new TileDBApiException(status, errorCode, message, requestId, method, path);
    }

    private static String describe(
            int status, Long code, String message, String requestId, String method, String path) {
        StringBuilder sb = new StringBuilder("TileDB Cloud answered HTTP ")
                .append(status)
                .append(" to ")
                .append(method)
                .append(' ')
                .append(path);
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(message);
        }
        if (code != null) {
            sb.append(" (code ").append(code);
            sb.append(requestId != null ? ", request id " + requestId + ")" : ")");
        } else if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        return sb.toString();
    }

    /** Records the task the failed call started, so that its logs can be fetched; the message then names it. */
    TileDBApiException withTaskId(String taskId) {
        this.taskId = taskId;
        return this;
    }

    /** The id of the task the failed call started (a UDF that raised), or null: its logs hold the whole story. */
    public String getTaskId() {
        return taskId;
    }

    @Override
    public String getMessage() {
        return taskId == null ? super.getMessage() : super.getMessage() + " [task " + taskId + "]";
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** TileDB's own error code from the {@code Error} body, or null when the body had none. */
    public Long getErrorCode() {
        return errorCode;
    }

    public String getServiceMessage() {
        return serviceMessage;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }
}
