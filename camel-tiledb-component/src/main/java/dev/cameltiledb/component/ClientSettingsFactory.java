package dev.cameltiledb.component;

import java.util.Arrays;
import java.util.List;

import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.CredentialOptions;
import dev.cameltiledb.client.CredentialsResolver;
import dev.cameltiledb.client.ProxySettings;
import dev.cameltiledb.client.ResolvedConnection;
import dev.cameltiledb.client.RetryPolicy;
import dev.cameltiledb.client.TileDBConfigurationException;
import org.apache.camel.CamelContext;

/** Turns an endpoint's options into client settings, consulting the environment and credential files as needed. */
final class ClientSettingsFactory {

    private final CredentialsResolver resolver;

    ClientSettingsFactory(CredentialsResolver resolver) {
        this.resolver = resolver;
    }

    ClientSettings create(TileDBConfiguration c, CamelContext camel) throws Exception {
        ResolvedConnection connection = resolver.resolve(new CredentialOptions(
                c.getConnection().getHost(),
                c.getConnection().getApiKey(),
                c.getConnection().getUsername(),
                c.getConnection().getPassword(),
                c.getConnection().isNoSession(),
                c.getConnection().getVerifySsl(),
                c.getConnection().getCaFile(),
                c.getConnection().getProfileName(),
                c.getConnection().getProfileDir()));
        return ClientSettings.builder()
                .host(connection.host())
                .credentials(connection.credentials())
                .verifySsl(connection.verifySsl())
                .caFile(connection.caFile())
                .sslContext(
                        c.getConnection().getSslContextParameters() == null
                                ? null
                                : c.getConnection().getSslContextParameters().createSSLContext(camel))
                .timeouts(
                        c.getConnection().getConnectTimeout(),
                        c.getConnection().getResponseTimeout(),
                        c.getConnection().getConnectionRequestTimeout())
                .maxConnections(c.getConnection().getMaxConnections())
                .limits(c.getConnection().getCallTimeout(), c.getConnection().getMaxResponseSize())
                .userAgent(c.getConnection().getUserAgent())
                .retryPolicy(new RetryPolicy(
                        c.getConnection().getRetryMode(),
                        c.getConnection().getMaxRetries(),
                        c.getConnection().getRetryBackoffBase(),
                        c.getConnection().getRetryBackoffMax(),
                        c.getConnection().getRetryAfterMax(),
                        c.getConnection().isRetryJitter(),
                        c.getConnection().getMaxRetryTime()))
                .redirectAllowedHosts(split(c.getConnection().getRedirectAllowedHosts()))
                .proxy(proxy(c))
                .clientConfigurer(c.getConnection().getHttpClientConfigurer())
                .build();
    }

    private static ProxySettings proxy(TileDBConfiguration c) {
        if (c.getConnection().getProxyHost() == null
                || c.getConnection().getProxyHost().isBlank()) {
            if (c.getConnection().getProxyPort() != null || c.getConnection().getProxyUser() != null) {
                throw new TileDBConfigurationException("proxyPort and proxyUser need proxyHost");
            }
            return null;
        }
        if (c.getConnection().getProxyPort() == null) {
            throw new TileDBConfigurationException(
                    "proxyHost " + c.getConnection().getProxyHost() + " needs proxyPort");
        }
        return new ProxySettings(
                c.getConnection().getProxyHost(),
                c.getConnection().getProxyPort(),
                c.getConnection().getProxyUser(),
                c.getConnection().getProxyPassword());
    }

    private static List<String> split(String csv) {
        return csv == null
                ? List.of()
                : Arrays.stream(csv.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
