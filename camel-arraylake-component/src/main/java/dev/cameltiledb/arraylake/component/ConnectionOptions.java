package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach Arraylake and as whom: read once when an endpoint starts, never from a message. Without token and
 * tokenFile the credentials come from ARRAYLAKE_TOKEN, then the Python client's token file in the .arraylake folder of
 * the home directory (what its login wrote); the service URI from ARRAYLAKE_SERVICE__URI, then service.uri in that
 * folder's config.yaml, then https://api.earthmover.io.
 */
@UriParams
public class ConnectionOptions extends EndpointOptions<ConnectionOptions> {

    @UriParam(
            label = "common",
            description =
                    "The Arraylake API, such as https://api.earthmover.io. When unset: ARRAYLAKE_SERVICE__URI, service.uri of config.yaml in the .arraylake folder of the home directory, then https://api.earthmover.io.")
    private String serviceUri;

    @UriParam(
            label = "security",
            secret = true,
            description =
                    "The token sent as Bearer: a service-account token (ema_...) or a user's id token. Masked wherever Camel prints a URI; better given as a property placeholder. When unset: tokenFile, ARRAYLAKE_TOKEN, then token.json in the .arraylake folder of the home directory.")
    private String token;

    @UriParam(
            label = "security",
            description =
                    "A token.json as the Python client's login writes it (access, id and refresh tokens): the id token is sent and refreshed once on a 401; the file is never rewritten.")
    private String tokenFile;

    @UriParam(
            label = "advanced",
            defaultValue = "10000",
            description = "Milliseconds to wait for a connection to be established.")
    private long connectTimeout = 10_000L;

    @UriParam(
            label = "advanced",
            defaultValue = "300000",
            description = "Milliseconds a request may take before it fails (the Python client's 300 s).")
    private long requestTimeout = 300_000L;

    @UriParam(
            label = "advanced",
            defaultValue = "15",
            description =
                    "The most attempts of one call when the service answers 429, 502, 503 or 504 (and 500 for reads), as the Python client does.")
    private int maxRetries = 15;

    @UriParam(
            label = "advanced",
            defaultValue = "10000",
            description =
                    "The longest wait in milliseconds between two attempts (the backoff starts at 100 ms and doubles).")
    private long maxBackoff = 10_000L;

    @UriParam(
            label = "advanced",
            defaultValue = "60000",
            description =
                    "The longest wait in milliseconds that a Retry-After answer is honoured with; a longer one is cut to this.")
    private long maxRetryAfter = 60_000L;

    @UriParam(
            label = "advanced",
            description =
                    "A client of your own (arraylake-client) for this endpoint, e.g. #myClient; the other connection options are then not read, and the endpoint does not close it.")
    private ArraylakeClient arraylakeClient;

    public ArraylakeClient getArraylakeClient() {
        return arraylakeClient;
    }

    public void setArraylakeClient(ArraylakeClient arraylakeClient) {
        this.arraylakeClient = arraylakeClient;
    }

    public String getServiceUri() {
        return serviceUri;
    }

    public void setServiceUri(String serviceUri) {
        this.serviceUri = serviceUri;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getTokenFile() {
        return tokenFile;
    }

    public void setTokenFile(String tokenFile) {
        this.tokenFile = tokenFile;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }
}
