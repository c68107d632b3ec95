package dev.cameltiledb.client;

/** Base of every error the TileDB client raises. Messages never contain credentials. */
public class TileDBException extends RuntimeException {

    public TileDBException(String message) {
        super(message);
    }

    public TileDBException(String message, Throwable cause) {
        super(message, cause);
    }
}
