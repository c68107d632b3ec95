package dev.cameltiledb.arraylake.client;

/** 404: the org, repo or bucket does not exist (or is not visible to this token). */
public class ArraylakeNotFoundException extends ArraylakeApiException {

    private static final long serialVersionUID = 1L;

    public ArraylakeNotFoundException(int status, String detail, String requestId, String method, String path) {
        super(status, detail, requestId, method, path);
    }
}
