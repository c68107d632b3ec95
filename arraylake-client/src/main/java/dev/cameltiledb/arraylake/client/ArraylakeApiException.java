package dev.cameltiledb.arraylake.client;

/**
 * The service answered with an error status. The message carries the service's {@code detail} and the
 * {@code x-request-id} Earthmover support asks for; the path never includes the query string, which for some calls
 * holds a token.
 */
public class ArraylakeApiException extends ArraylakeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String detail;
    private final String requestId;
    private final String method;
    private final String path;

    public ArraylakeApiException(int status, String detail, String requestId, String method, String path) {
        super(message(status, detail, requestId, method, path));
        this.status = status;
        this.detail = detail;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
    }

    private static String message(int status, String detail, String requestId, String method, String path) {
        return method + " " + path + " answered " + status + (detail == null || detail.isEmpty() ? "" : ": " + detail)
                + (requestId == null ? "" : " (x-request-id " + requestId + ")");
    }

    public int status() {
        return status;
    }

    /** The service's explanation; for 422 the validation problems rendered {@code body.name: msg; ...}. */
    public String detail() {
        return detail;
    }

    /** The service's {@code x-request-id} of the failed answer; null if it sent none. */
    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    /** The request path without query. */
    public String path() {
        return path;
    }
}
