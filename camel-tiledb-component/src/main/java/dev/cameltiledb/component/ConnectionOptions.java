package dev.cameltiledb.component;

import dev.cameltiledb.camel.OptionGroup;
import dev.cameltiledb.camel.ValueRange;
import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.HttpClientConfigurer;
import dev.cameltiledb.client.RetryMode;
import dev.cameltiledb.client.ServerGeneration;
import dev.cameltiledb.client.TileDBClient;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * How to reach TileDB Cloud: host, credentials, TLS, proxy, timeouts, pool and retries. Read once when an endpoint
 * starts; never per message.
 */
@UriParams
public class ConnectionOptions extends OptionGroup<ConnectionOptions> {

    @UriParam(
            label = "common",
            defaultValue = "https://api.tiledb.com",
            description =
                    "The TileDB Cloud REST host. A host without scheme gets https://; regional hosts such as https://us-east-1.aws.api.tiledb.com work too. When unset: TILEDB_REST_HOST, cloud.json in the .tiledb folder of the home directory, the profile, then https://api.tiledb.com.")
    private String host;

    @UriParam(
            label = "security",
            secret = true,
            description =
                    "The TileDB Cloud API key (the REST token), sent as the X-TILEDB-REST-API-KEY header. Named apiKey because Camel masks that name everywhere it prints configuration or URIs. When neither it nor username is set: TILEDB_REST_TOKEN (or TILEDB_REST_USERNAME and TILEDB_REST_PASSWORD), cloud.json in the .tiledb folder of the home directory, then the profile.")
    private String apiKey;

    @UriParam(
            label = "security",
            secret = true,
            description =
                    "An OAuth2 access token, sent as the Authorization: Bearer header: the third way the TileDB REST API authenticates, beside apiKey and username with password. Used when apiKey is not set. Named accessToken because Camel masks that name everywhere it prints configuration or URIs. Read from this option only: TileDB's own clients take it from no variable or file.")
    private String accessToken;

    @UriParam(
            label = "advanced",
            defaultValue = "10000",
            description = "Milliseconds to wait for a connection to be established.")
    @ValueRange(min = 1)
    private int connectTimeout = 10000;

    @UriParam(
            label = "advanced",
            defaultValue = "60000",
            description = "Milliseconds to wait for response data before the request fails.")
    @ValueRange(min = 1)
    private int responseTimeout = 60000;

    @UriParam(
            label = "advanced",
            defaultValue = "30000",
            description = "Milliseconds to wait for a free connection from the pool.")
    @ValueRange(min = 1)
    private int connectionRequestTimeout = 30000;

    @UriParam(
            label = "advanced",
            defaultValue = "20",
            description =
                    "The size of the connection pool shared by all endpoints with the same host, credentials and HTTP options (the Python client's threads).")
    @ValueRange(min = 1)
    private int maxConnections = 20;

    @UriParam(
            label = "advanced",
            defaultValue = "camel-tiledb",
            description = "The User-Agent header sent with every request.")
    private String userAgent = "camel-tiledb";

    @UriParam(label = "security", description = "A TileDB Cloud user name, with password, instead of apiKey.")
    private String username;

    @UriParam(
            label = "security",
            secret = true,
            description = "The password of username. Exchanged once for a session token unless noSession is set.")
    private String password;

    @UriParam(
            label = "security",
            defaultValue = "false",
            description =
                    "With username and password: send HTTP basic auth on every request instead of logging in once for a session token (the Python client's no_session).")
    private boolean noSession = false;

    @UriParam(
            label = "security",
            description =
                    "A profile of profiles.json (written by tiledb.client.configure) to take the host and credentials from; it must exist. Without it the profile named default is the last resort.")
    private String profileName;

    @UriParam(
            label = "security",
            description =
                    "The folder of profiles.json. Default: TILEDB_PROFILE_DIR, else the .tiledb folder of the home directory.")
    private String profileDir;

    @UriParam(
            label = "security",
            defaultValue = "true",
            description =
                    "Verify TLS certificates and host names. false trusts any certificate and logs a warning once. When unset: TILEDB_REST_IGNORE_SSL_VALIDATION, then the credential files, then true.")
    private Boolean verifySsl;

    @UriParam(
            label = "security",
            description =
                    "A PEM file of CA certificates to trust instead of the JDK's (TILEDB_SSL_CA_FILE when unset).")
    private String caFile;

    @UriParam(
            label = "security",
            description =
                    "Camel TLS configuration (key stores, trust stores, protocols); wins over verifySsl and caFile.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy", description = "An HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "proxy", description = "The user name for the proxy, if it asks for basic auth.")
    private String proxyUser;

    @UriParam(label = "proxy", secret = true, description = "The proxy password.")
    private String proxyPassword;

    @UriParam(
            label = "advanced",
            defaultValue = "auto",
            enums = "auto,classic,workspace",
            description =
                    "Which TileDB server this is: classic TileDB Cloud (tiledb://namespace/name addresses) or the workspace platform of TileDB-Server 3.x (tiledb://workspace/teamspace/path). auto asks the server once, with GET /v4/capabilities, as TileDB's own library does (a 404 means classic). An address that does not fit the server fails before it is sent.")
    private ServerGeneration serverGeneration = ServerGeneration.AUTO;

    @UriParam(
            label = "advanced",
            defaultValue = "default",
            enums = "default,forceful,disabled",
            description =
                    "Which answers are retried, as the Python client's retry_mode: default (429 and 503), forceful (also 400, 500, 501, 502) or disabled. Connection failures are retried only for GET, PUT, DELETE and other requests safe to repeat.")
    private RetryMode retryMode = RetryMode.DEFAULT;

    @UriParam(
            label = "advanced",
            defaultValue = "10",
            description = "How many times a request is retried after the first attempt (within maxRetryTime).")
    private int maxRetries = 10;

    @UriParam(
            label = "advanced",
            defaultValue = "300000",
            javaType = "java.time.Duration",
            description =
                    "The most one call may take, its retries and the reading of a JSON answer included (milliseconds, or a duration such as 5m); past it the call is cancelled and its connection closed. Socket timeouts count silence only, so this is what stops a server that sends a byte a second. A download into a string or bytes is bounded whole; for a download as a stream or into outputFile it bounds the wait for the answer's headers, and the body then streams at the route's pace.")
    @ValueRange(min = 1)
    private long callTimeout = 300_000L;

    @UriParam(
            label = "advanced",
            description =
                    "The largest answer read into memory, in bytes: a JSON answer, or a notebook or file download as a string or bytes; a larger one fails the call at once and its connection is closed rather than read to its end. By default a sixty-fourth of the JVM's maximum heap, between 1 MiB and 64 MiB, so that it bounds memory (a parsed answer takes about three times its size) and not only bytes. Downloads as a stream or into outputFile are not limited by it.")
    @ValueRange(min = 1)
    private long maxResponseSize = ClientSettings.DEFAULT_MAX_RESPONSE_BYTES;

    @UriParam(
            label = "advanced",
            defaultValue = "120000",
            javaType = "java.time.Duration",
            description =
                    "The most one call spends on its attempts and the waits between them (milliseconds, or a duration such as 2m) before it stops retrying and fails with the last error: a server that never answers, or answers 503 with a long Retry-After, costs one such budget per call.")
    private long maxRetryTime = 120_000L;

    @UriParam(
            label = "advanced",
            defaultValue = "250",
            description =
                    "Milliseconds before the first retry; each further retry waits twice as long, with full jitter.")
    private long retryBackoffBase = 250L;

    @UriParam(label = "advanced", defaultValue = "30000", description = "The longest backoff wait in milliseconds.")
    private long retryBackoffMax = 30000L;

    @UriParam(
            label = "advanced",
            defaultValue = "60000",
            description =
                    "The longest wait in milliseconds a Retry-After header on 429 or 503 can impose; a server asking for longer is retried after this.")
    private long retryAfterMax = 60000L;

    @UriParam(
            label = "advanced",
            defaultValue = "true",
            description = "Randomise retry waits (full jitter) so many clients do not retry in step.")
    private boolean retryJitter = true;

    @UriParam(
            label = "security",
            description =
                    "Hosts (host or host:port, comma-separated) that may receive credentials after a redirect, besides the configured host and the https hosts of the tiledb.com domain. Redirects elsewhere are followed without credentials.")
    private String redirectAllowedHosts;

    @UriParam(
            label = "advanced",
            description =
                    "A hook that changes anything of the Apache HttpClient builder after the component's own settings.")
    private HttpClientConfigurer httpClientConfigurer;

    @UriParam(
            label = "advanced",
            description =
                    "A ready TileDBClient (of the tiledb-cloud-client module) to use instead of building one; with it the"
                            + " connection, credential, TLS, proxy and retry options are not read. Found in the registry"
                            + " when it holds exactly one. The component does not close a client it was given.")
    @Metadata(autowired = true)
    private TileDBClient tiledbClient;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(int connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isNoSession() {
        return noSession;
    }

    public void setNoSession(boolean noSession) {
        this.noSession = noSession;
    }

    public String getProfileName() {
        return profileName;
    }

    public void setProfileName(String profileName) {
        this.profileName = profileName;
    }

    public String getProfileDir() {
        return profileDir;
    }

    public void setProfileDir(String profileDir) {
        this.profileDir = profileDir;
    }

    public Boolean getVerifySsl() {
        return verifySsl;
    }

    public void setVerifySsl(Boolean verifySsl) {
        this.verifySsl = verifySsl;
    }

    public String getCaFile() {
        return caFile;
    }

    public void setCaFile(String caFile) {
        this.caFile = caFile;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUser() {
        return proxyUser;
    }

    public void setProxyUser(String proxyUser) {
        this.proxyUser = proxyUser;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public ServerGeneration getServerGeneration() {
        return serverGeneration;
    }

    public void setServerGeneration(ServerGeneration serverGeneration) {
        this.serverGeneration = serverGeneration;
    }

    public RetryMode getRetryMode() {
        return retryMode;
    }

    public void setRetryMode(RetryMode retryMode) {
        this.retryMode = retryMode;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public long getMaxRetryTime() {
        return maxRetryTime;
    }

    public void setMaxRetryTime(long maxRetryTime) {
        this.maxRetryTime = maxRetryTime;
    }

    public long getRetryBackoffBase() {
        return retryBackoffBase;
    }

    public void setRetryBackoffBase(long retryBackoffBase) {
        this.retryBackoffBase = retryBackoffBase;
    }

    public long getRetryBackoffMax() {
        return retryBackoffMax;
    }

    public void setRetryBackoffMax(long retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
    }

    public long getRetryAfterMax() {
        return retryAfterMax;
    }

    public void setRetryAfterMax(long retryAfterMax) {
        this.retryAfterMax = retryAfterMax;
    }

    public boolean isRetryJitter() {
        return retryJitter;
    }

    public void setRetryJitter(boolean retryJitter) {
        this.retryJitter = retryJitter;
    }

    public String getRedirectAllowedHosts() {
        return redirectAllowedHosts;
    }

    public void setRedirectAllowedHosts(String redirectAllowedHosts) {
        this.redirectAllowedHosts = redirectAllowedHosts;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public TileDBClient getTiledbClient() {
        return tiledbClient;
    }

    public void setTiledbClient(TileDBClient tiledbClient) {
        this.tiledbClient = tiledbClient;
    }
}
