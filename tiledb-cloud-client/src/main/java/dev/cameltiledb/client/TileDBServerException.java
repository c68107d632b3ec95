package dev.cameltiledb.client;

/** The service failed (5xx); the same request may succeed later. */
public class TileDBServerException extends TileDBApiException {

    public TileDBServerException(
            int statusCode, Long errorCode, String serviceMessage, String requestId, String method, String path) {
        super(statusCode, errorCode, serviceMessage, requestId, method, path);
    }
}
