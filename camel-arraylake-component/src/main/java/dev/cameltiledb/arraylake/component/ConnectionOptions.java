package dev.cameltiledb.arraylake.component;

import dev.cameltiledb.arraylake.client.ArraylakeClient;
import dev.cameltiledb.arraylake.client.ArraylakeSettings;
import dev.cameltiledb.camel.OptionGroup;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach Arraylake and as whom: read once when an endpoint starts, never from a message. Without token and
 * tokenFile the credentials come from ARRAYLAKE_TOKEN, then the Python client's token file in the .arraylake folder of
 * the home directory (what its login wrote); the service URI from ARRAYLAKE_SERVICE__URI, then service.uri in that
 * folder's config.yaml, then https://api.earthmover.io.
 */
@UriParams
public class ConnectionOptions extends OptionGroup<ConnectionOptions> {

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
            javaType = "java.time.Duration",
            description =
                    "The most one call may take, its retries and the reading of its answer included (milliseconds, or a duration such as 5m); past it the call is cancelled and its connection closed. Socket timeouts count silence only, so this is what stops a server that sends a byte a second. Unless set, the requestTimeout. For services logs it bounds the wait for the answer's headers; the lines then come at the route's pace.")
    private Long callTimeout;

    @UriParam(
            label = "advanced",
            defaultValue = "120000",
            javaType = "java.time.Duration",
            description =
                    "The most one call spends on its attempts and the waits between them (milliseconds, or a duration such as 2m) before it stops retrying and fails with the last answer: a retry is sent only while its wait fits, and may only take what is left.")
    private long maxRetryTime = ArraylakeSettings.DEFAULT_MAX_RETRY_TIME.toMillis();

    @UriParam(
            label = "advanced",
            description =
                    "The largest answer read, in bytes; a larger one fails the call at once and its connection is closed rather than read to its end. By default a sixty-fourth of the JVM's maximum heap, between 1 MiB and 64 MiB, so that it bounds memory (a parsed answer takes about three times its size). A services log is not read whole: this bounds each of its lines.")
    private long maxResponseSize = ArraylakeSettings.DEFAULT_MAX_RESPONSE_SIZE;

    @UriParam(
            label = "advanced",
            description =
                    "A client of your own (arraylake-client) for this endpoint, e.g. #myClient; the other connection options are then not read, and the endpoint does not close it.")
    private ArraylakeClient arraylakeClient;

    public Long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public long getMaxRetryTime() {
        return maxRetryTime;
    }

    public void setMaxRetryTime(long maxRetryTime) {
        this.maxRetryTime = maxRetryTime;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

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
