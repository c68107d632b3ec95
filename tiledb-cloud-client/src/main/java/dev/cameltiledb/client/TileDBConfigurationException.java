package dev.cameltiledb.client;

/** The client cannot be used as configured: missing credentials, an invalid option or input. Nothing was sent. */
public class TileDBConfigurationException extends TileDBException {

    public TileDBConfigurationException(String message) {
        super(message);
    }

    public TileDBConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
