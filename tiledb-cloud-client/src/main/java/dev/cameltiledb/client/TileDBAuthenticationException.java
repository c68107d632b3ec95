package dev.cameltiledb.client;

/** The credentials were refused (401) or do not allow the operation (403). */
public class TileDBAuthenticationException extends TileDBApiException {

    public TileDBAuthenticationException(
            int statusCode,
            Long errorCode,
            String serviceMessage,
            String requestId,
            String method,
            String path,
            String credentialsContext) {
        super(statusCode, errorCode, serviceMessage, requestId, method, path, credentialsContext);
    }
}
