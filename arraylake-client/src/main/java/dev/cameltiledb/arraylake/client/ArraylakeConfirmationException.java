package dev.cameltiledb.arraylake.client;

/** A destructive call was not confirmed, so nothing was sent. */
public class ArraylakeConfirmationException extends ArraylakeException {

    private static final long serialVersionUID = 1L;

    public ArraylakeConfirmationException(String message) {
        super(message);
    }
}
