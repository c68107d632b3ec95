package dev.cameltiledb.arraylake.client;

/** Anything the Arraylake client reports; unchecked, as callers mostly let it reach a route's error handler. */
public class ArraylakeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArraylakeException(String message) {
        super(message);
    }

    public ArraylakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
