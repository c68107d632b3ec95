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

    ClientSettings create(TileDBConfiguration configuration, CamelContext camel) throws Exception {
        ConnectionOptions c = configuration.getConnection();
        ResolvedConnection connection = resolver.resolve(new CredentialOptions(
                c.getHost(),
                c.getApiKey(),
                c.getUsername(),
                c.getPassword(),
                c.isNoSession(),
                c.getVerifySsl(),
                c.getCaFile(),
                c.getProfileName(),
                c.getProfileDir(),
                configuration.getWorkspaceOptions().getWorkspace(),
                c.getAccessToken()));
        return ClientSettings.builder()
                .host(connection.host())
                .credentials(connection.credentials())
                .verifySsl(connection.verifySsl())
                .caFile(connection.caFile())
                .sslContext(
                        c.getSslContextParameters() == null
                                ? null
                                : c.getSslContextParameters().createSSLContext(camel))
                .timeouts(c.getConnectTimeout(), c.getResponseTimeout(), c.getConnectionRequestTimeout())
                .maxConnections(c.getMaxConnections())
                .limits(c.getCallTimeout(), c.getMaxResponseSize())
                .userAgent(c.getUserAgent())
                .retryPolicy(new RetryPolicy(
                        c.getRetryMode(),
                        c.getMaxRetries(),
                        c.getRetryBackoffBase(),
                        c.getRetryBackoffMax(),
                        c.getRetryAfterMax(),
                        c.isRetryJitter(),
                        c.getMaxRetryTime()))
                .redirectAllowedHosts(split(c.getRedirectAllowedHosts()))
                .proxy(proxy(c))
                .clientConfigurer(c.getHttpClientConfigurer())
                .serverGeneration(c.getServerGeneration())
                .workspace(connection.workspace())
                .build();
    }

    private static ProxySettings proxy(ConnectionOptions c) {
        if (c.getProxyHost() == null || c.getProxyHost().isBlank()) {
            if (c.getProxyPort() != null || c.getProxyUser() != null) {
                throw new TileDBConfigurationException("proxyPort and proxyUser need proxyHost");
            }
            return null;
        }
        if (c.getProxyPort() == null) {
            throw new TileDBConfigurationException("proxyHost " + c.getProxyHost() + " needs proxyPort");
        }
        return new ProxySettings(c.getProxyHost(), c.getProxyPort(), c.getProxyUser(), c.getProxyPassword());
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
