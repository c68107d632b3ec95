package dev.cameltiledb.client;

/** The service could not be reached, or the connection broke before a complete answer arrived. */
public class TileDBConnectionException extends TileDBException {

    public TileDBConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
