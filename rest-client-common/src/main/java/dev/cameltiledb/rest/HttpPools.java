package dev.cameltiledb.rest;

import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.util.Timeout;

/** The pooled HttpClient both clients start from; each adds its TLS, proxy and headers, then builds. */
public final class HttpPools {

    private HttpPools() {}

    /**
     * A pool of {@code maxConnections} for one service (one route in practice, so the per-route limit is the whole
     * pool): connections idle for 2 s are checked before reuse (a load balancer may have dropped them), and none is
     * kept past 5 minutes.
     */
    public static PoolingHttpClientConnectionManagerBuilder pool(
            int maxConnections, Timeout connectTimeout, Timeout socketTimeout) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(socketTimeout)
                        .setValidateAfterInactivity(Timeout.ofSeconds(2))
                        .setTimeToLive(5, TimeUnit.MINUTES)
                        .build());
    }

    /**
     * A client on {@code pool} with nothing automatic: retries and redirects follow each client's own policy, never
     * HttpClient's, and no cookie is kept. Cancelling an {@link AsyncCalls} future aborts the request it has in
     * flight. {@code stats} counts the connections of {@code pool}.
     */
    public static HttpClientBuilder client(
            HttpClientConnectionManager pool,
            ClientStats stats,
            Timeout connectionRequestTimeout,
            Timeout responseTimeout) {
        stats.watch(pool);
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connectionRequestTimeout)
                        .setResponseTimeout(responseTimeout)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .addExecInterceptorFirst("call-cancellation", CallCancellation.TRACKER);
    }
}
