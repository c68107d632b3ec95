package dev.cameltiledb.arraylake.client;

import java.util.List;

import dev.cameltiledb.rest.ClientStats;
import dev.cameltiledb.rest.HttpPools;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
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

    static CloseableHttpClient create(ArraylakeSettings settings, ClientStats stats) {
        Timeout requestTimeout = Timeout.of(settings.requestTimeout());
        HttpClientBuilder builder = HttpPools.client(pool(settings), stats, requestTimeout, requestTimeout)
                .setDefaultHeaders(List.of(
                        new BasicHeader(HttpHeaders.ACCEPT, ACCEPT),
                        new BasicHeader("client-name", CLIENT_NAME),
                        new BasicHeader("client-version", ClientVersion.VALUE)))
                .setUserAgent(CLIENT_NAME + "/" + ClientVersion.VALUE);
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        return builder.build();
    }

    private static PoolingHttpClientConnectionManager pool(ArraylakeSettings settings) {
        return HttpPools.pool(
                        settings.maxConnections(),
                        Timeout.of(settings.connectTimeout()),
                        Timeout.of(settings.requestTimeout()))
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .requestWriterFactory(TokenInQuery.Writer::new)
                        .build())
                .build();
    }
}
