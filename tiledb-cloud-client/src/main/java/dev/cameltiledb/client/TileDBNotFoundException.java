package dev.cameltiledb.client;

/** The asset does not exist, or the caller may not see it (404). */
public class TileDBNotFoundException extends TileDBApiException {

    public TileDBNotFoundException(
            int statusCode, Long errorCode, String serviceMessage, String requestId, String method, String path) {
        super(statusCode, errorCode, serviceMessage, requestId, method, path);
    }
}
