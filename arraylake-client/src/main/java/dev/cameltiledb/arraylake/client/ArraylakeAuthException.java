package dev.cameltiledb.arraylake.client;

/**
 * 401 (no, unknown or expired token, also after one refresh) or 403 (the token's principal lacks the right).
 * Retrying does not help; a new token or another role does.
 */
public class ArraylakeAuthException extends ArraylakeApiException {

    private static final long serialVersionUID = 1L;

    public ArraylakeAuthException(int status, String detail, String requestId, String method, String path) {
        super(status, detail, requestId, method, path);
    }
}
