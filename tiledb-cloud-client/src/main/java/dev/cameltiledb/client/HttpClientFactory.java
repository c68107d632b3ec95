package dev.cameltiledb.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.cameltiledb.rest.ClientStats;
import dev.cameltiledb.rest.HttpPools;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the one pooled HttpClient of a {@link TileDBClient}: pool, timeouts, TLS, proxy, then the user's hook. */
final class HttpClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClientFactory.class);
    /** Hosts already warned about disabled certificate checks: the warning is given once, not per client. */
    private static final Set<String> WARNED_INSECURE = ConcurrentHashMap.newKeySet();

    private HttpClientFactory() {}

    static CloseableHttpClient create(ClientSettings settings, ClientStats stats) {
        PoolingHttpClientConnectionManagerBuilder pool = HttpPools.pool(
                settings.maxConnections(),
                Timeout.ofMilliseconds(settings.connectTimeoutMillis()),
                Timeout.ofMilliseconds(settings.responseTimeoutMillis()));
        tlsStrategy(settings, pool);
        // retries and redirects follow the client's own policies (RestTransport), never HttpClient's
        HttpClientBuilder builder = HttpPools.client(
                        pool.build(),
                        stats,
                        Timeout.ofMilliseconds(settings.connectionRequestTimeoutMillis()),
                        Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                .setUserAgent(settings.userAgent());
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            builder.setProxy(new HttpHost(proxy.host(), proxy.port()));
            if (proxy.username() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(
                        new AuthScope(proxy.host(), proxy.port()),
                        new UsernamePasswordCredentials(
                                proxy.username(), proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        if (settings.clientConfigurer() != null) {
            settings.clientConfigurer().configure(builder);
        }
        return builder.build();
    }

    private static void tlsStrategy(ClientSettings settings, PoolingHttpClientConnectionManagerBuilder pool) {
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        } else if (!settings.verifySsl()) {
            if (WARNED_INSECURE.add(settings.host())) {
                LOG.warn(
                        "TLS certificate and host name checks are OFF for {} (verifySsl=false): anyone on the network"
                                + " path can read and change the traffic, credentials included",
                        settings.host());
            }
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(
                    trustAll(), HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE));
        } else if (settings.caFile() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(trusting(Path.of(settings.caFile()))));
        }
    }

    /** A TLS context that trusts exactly the certificates of a PEM file. */
    static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new TileDBConfigurationException("The CA file " + caFile + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException e) {
            throw new TileDBConfigurationException("Cannot read the CA file " + caFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TileDBConfigurationException(
                    "The CA file " + caFile + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    private static SSLContext trustAll() {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // verifySsl=false: the user chose to trust any certificate
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // verifySsl=false: the user chose to trust any certificate
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }
}
