package dev.cameltiledb.arraylake.client;

/** 409: the name or prefix is taken, or the bucket is still in use. */
public class ArraylakeConflictException extends ArraylakeApiException {

    private static final long serialVersionUID = 1L;

    public ArraylakeConflictException(int status, String detail, String requestId, String method, String path) {
        super(status, detail, requestId, method, path);
    }
}
