package dev.cameltiledb.arraylake.component;

/**
 * A route or message that asks for something the component cannot do as written: an operation the resource lacks, a
 * missing or malformed option. Raised before any request is sent; the message names the option and its header.
 */
public class ArraylakeOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ArraylakeOptionException(String message) {
        super(message);
    }

    public ArraylakeOptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
