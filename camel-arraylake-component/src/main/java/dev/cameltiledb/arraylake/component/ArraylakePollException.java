package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.ArraylakeApiException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A poll the service refused, so Camel's consumer health check shows the status as {@code http.response.code}. The
 * client knows no Camel type; the component wraps its exception here.
 */
final class ArraylakePollException extends RuntimeCamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int code;
    private String status;

    ArraylakePollException(ArraylakeApiException cause) {
        super(cause.getMessage(), cause);
        this.code = cause.status();
        this.status = cause.detail();
    }

    @Override
    public int getHttpResponseCode() {
        return code;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.code = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return status;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.status = status;
    }
}
