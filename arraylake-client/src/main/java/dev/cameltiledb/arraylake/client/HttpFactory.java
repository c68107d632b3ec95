package dev.cameltiledb.arraylake.client;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * The client's one HttpClient: a connection pool, the Python client's timeouts, the headers every call carries, and
 * nothing automatic (retries, redirects, cookies) so that the {@link Transport} alone decides what is sent again.
 */
final class HttpFactory {

    static final String ACCEPT = "application/vnd.earthmover+json";
    static final String CLIENT_NAME = "camel-arraylake";

    private HttpFactory() {}

    static CloseableHttpClient create(ArraylakeSettings settings) {
        Timeout requestTimeout = Timeout.of(settings.requestTimeout());
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(requestTimeout)
                        // a pooled connection the service or a load balancer closed meanwhile is checked, not reused
                        // blind
                        .setValidateAfterInactivity(Timeout.ofSeconds(2))
                        .setTimeToLive(5, TimeUnit.MINUTES)
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(requestTimeout)
                        .setConnectionRequestTimeout(requestTimeout)
                        .build())
                .setDefaultHeaders(List.of(
                        new BasicHeader(HttpHeaders.ACCEPT, ACCEPT),
                        new BasicHeader("client-name", CLIENT_NAME),
                        new BasicHeader("client-version", ClientVersion.VALUE)))
                .setUserAgent(CLIENT_NAME + "/" + ClientVersion.VALUE)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        return builder.build();
    }
}
