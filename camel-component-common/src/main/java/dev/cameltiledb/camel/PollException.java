package dev.cameltiledb.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A poll the service refused, carrying its HTTP status to Camel's consumer health check ({@code http.response.code}).
 * The REST clients know no Camel type; a consumer wraps its client's exception here.
 */
public final class PollException extends RuntimeCamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int status;
    private String statusText;

    /** {@code cause}'s message, its HTTP status and the service's own words for it. */
    public PollException(RuntimeException cause, int status, String statusText) {
        super(cause.getMessage(), cause);
        this.status = status;
        this.statusText = statusText;
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
