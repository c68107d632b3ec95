package dev.cameltiledb.client;

/** The service asked the caller to slow down (429). */
public class TileDBRateLimitedException extends TileDBApiException {

    public TileDBRateLimitedException(
            int statusCode, Long errorCode, String serviceMessage, String requestId, String method, String path) {
        super(statusCode, errorCode, serviceMessage, requestId, method, path);
    }
}
