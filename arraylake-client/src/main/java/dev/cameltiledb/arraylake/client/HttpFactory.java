package dev.cameltiledb.arraylake.client;

import java.util.List;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The client's one HttpClient: a connection pool, the Python client's timeouts, the headers every call carries, and
 * nothing automatic (retries, redirects, cookies) so that the {@link Transport} alone decides what is sent again.
 * Connections write request lines through {@link TokenInQuery.Writer}, which keeps tokens out of HttpClient's
 * request-line logging.
 */
final class HttpFactory {

    static final String ACCEPT = "application/vnd.earthmover+json";
    static final String CLIENT_NAME = "camel-arraylake";

    private HttpFactory() {}

    static CloseableHttpClient create(ArraylakeSettings settings) {
        Timeout requestTimeout = Timeout.of(settings.requestTimeout());
        HttpClientBuilder builder = HttpClients.custom()
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setConnectionManager(pool(settings))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(requestTimeout)
                        .setConnectionRequestTimeout(requestTimeout)
                        .build())
                .setDefaultHeaders(List.of(
                        new BasicHeader(HttpHeaders.ACCEPT, ACCEPT),
                        new BasicHeader("client-name", CLIENT_NAME),
                        new BasicHeader("client-version", ClientVersion.VALUE)))
                .setUserAgent(CLIENT_NAME + "/" + ClientVersion.VALUE)
                // so that cancelling an asynchronous call's future aborts its request in flight (AsyncCalls)
                .addExecInterceptorFirst("arraylake-call-cancellation", CallCancellation.TRACKER);
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        return builder.build();
    }

    /** One route (the service) in practice, so the per-route limit is the whole pool. */
    private static PoolingHttpClientConnectionManager pool(ArraylakeSettings settings) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                // a pooled connection that a load balancer dropped while idle is checked before reuse
                .setValidateAfterInactivity(Timeout.ofSeconds(2))
                .setTimeToLive(TimeValue.ofMinutes(5))
                .build();
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connections)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .requestWriterFactory(TokenInQuery.Writer::new)
                        .build())
                .setMaxConnPerRoute(settings.maxConnections())
                .setMaxConnTotal(settings.maxConnections())
                .build();
    }
}
