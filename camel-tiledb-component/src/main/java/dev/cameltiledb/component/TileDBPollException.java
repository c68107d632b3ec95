package dev.cameltiledb.component;

import dev.cameltiledb.client.TileDBApiException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A failed poll, carrying the HTTP status to Camel's consumer health check ({@code http.response.code}). The REST
 * client stays free of Camel types; this wrapper is where the two meet.
 */
final class TileDBPollException extends RuntimeCamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int status;
    private String statusText;

    TileDBPollException(TileDBApiException cause) {
        super(cause.getMessage(), cause);
        this.status = cause.getStatusCode();
        this.statusText = cause.getServiceMessage();
    }

    @Override
    public int getHttpResponseCode() {
        return status;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.status = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }
}
