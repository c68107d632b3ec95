package dev.cameltiledb.arraylake.client;

/** The service could not be reached, or the connection broke, after the retries connection failures get. */
public class ArraylakeConnectionException extends ArraylakeException {

    private static final long serialVersionUID = 1L;

    public ArraylakeConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
