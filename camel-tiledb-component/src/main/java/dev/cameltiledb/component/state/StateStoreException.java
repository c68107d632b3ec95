package dev.cameltiledb.component.state;

/**
 * A consumer's state store could not read or write an entry. The message names the store and the key, never a
 * credential of the store's connection.
 */
public class StateStoreException extends RuntimeException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
