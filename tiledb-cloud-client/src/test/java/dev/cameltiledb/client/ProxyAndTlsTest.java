package dev.cameltiledb.client;

import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An authenticating HTTP proxy, and TLS with certificate checks on, off, and against a CA file. */
class ProxyAndTlsTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture("proxy-secret");

    private static final String INFO = "/v1/arrays/ns/a/metadata";

    @TempDir
    static Path dir;

    private static WireMockServer proxy;
    private static WireMockServer tls;
    private static Path caFile;

    @BeforeAll
    static void start() throws Exception {
        proxy = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .enableBrowserProxying(true));
        proxy.start();
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("proxy-user:proxy-secret".getBytes());
        proxy.stubFor(get(urlPathEqualTo(INFO))
                .withHeader("Proxy-Authorization", absent())
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
        proxy.stubFor(get(urlPathEqualTo(INFO))
                .withHeader("Proxy-Authorization", equalTo(expected))
                .willReturn(aResponse().withStatus(200).withBody("{\"name\": \"through-proxy\"}")));

        Path keystore = dir.resolve("server.jks");
        caFile = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "JKS",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                caFile.toString());
        tls = new WireMockServer(WireMockConfiguration.options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(keystore.toString())
                .keystorePassword("changeit")
                .keyManagerPassword("changeit")
                .keystoreType("JKS"));
        tls.start();
        tls.stubFor(
                get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(200).withBody("{\"name\": \"over-tls\"}")));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    @AfterAll
    static void stop() {
        proxy.stop();
        tls.stop();
    }

    private static ClientSettings.Builder settings(String host) {
        return ClientSettings.builder()
                .host(host)
                .credentials(new Credentials.ApiKey("t", "test"))
                .retryPolicy(RetryPolicy.NONE);
    }

    @Test
    void requestsGoThroughTheProxyWithItsCredentials() {
        try (TileDBClient client = new TileDBClient(settings("http://tiledb.invalid")
                .proxy(new ProxySettings("127.0.0.1", proxy.port(), "proxy-user", "proxy-secret"))
                .build())) {
            assertEquals(
                    "through-proxy",
                    client.arrays().info(new AssetRef("ns", "a")).name());
        }
        assertEquals(
                2,
                proxy.findAll(getRequestedFor(urlPathEqualTo(INFO))).size(),
                "challenge, then the authenticated retry");
    }

    @Test
    void untrustedCertificateIsRefusedByDefault() {
        try (TileDBClient client = new TileDBClient(
                settings("https://127.0.0.1:" + tls.httpsPort()).build())) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertTrue(
                    e.getMessage().contains("SSL")
                            || e.getMessage().contains("PKIX")
                            || e.getMessage().contains("certification"),
                    e.getMessage());
        }
    }

    @Test
    void caFileMakesTheCertificateTrusted() {
        try (TileDBClient client = new TileDBClient(settings("https://127.0.0.1:" + tls.httpsPort())
                .caFile(caFile.toString())
                .build())) {
            assertEquals(
                    "over-tls", client.arrays().info(new AssetRef("ns", "a")).name());
        }
    }

    @Test
    void verifySslOffTrustsAnyCertificateAndWarnsOnce() {
        for (int i = 0; i < 2; i++) {
            try (TileDBClient client = new TileDBClient(settings("https://localhost:" + tls.httpsPort())
                    .verifySsl(false)
                    .build())) {
                assertEquals(
                        "over-tls",
                        client.arrays().info(new AssetRef("ns", "a")).name());
            }
        }
        assertEquals(
                1,
                LOGS.lines().stream()
                        .filter(l -> l.contains("TLS certificate and host name checks are OFF for https://localhost:"
                                + tls.httpsPort()))
                        .count());
    }

    /**
     * configure's ca_file and verify_ssl reach the connection: a profile naming the CA file trusts the server's
     * certificate, one with verify_ssl off trusts it without, and a profile with neither refuses it.
     */
    @Test
    void aProfileWrittenByConfigureCarriesItsTlsChoicesToTheConnection() {
        Path profiles = dir.resolve("profiles");
        ProfileWriter.configure()
                .token("tls-token")
                .workspace("w")
                .host("https://127.0.0.1:" + tls.httpsPort())
                .caFile(caFile.toString())
                .profileName("with-ca")
                .profileDir(profiles)
                .save();
        ProfileWriter.configure()
                .token("tls-token")
                .workspace("w")
                .host("https://localhost:" + tls.httpsPort())
                .verifySsl(false)
                .profileName("unverified")
                .profileDir(profiles)
                .save();
        ProfileWriter.configure()
                .token("tls-token")
                .workspace("w")
                .host("https://127.0.0.1:" + tls.httpsPort())
                .profileName("plain")
                .profileDir(profiles)
                .save();

        assertEquals("over-tls", infoThroughProfile("with-ca", profiles));
        assertEquals("over-tls", infoThroughProfile("unverified", profiles));
        assertThrows(TileDBConnectionException.class, () -> infoThroughProfile("plain", profiles));
    }

    private static String infoThroughProfile(String profileName, Path profiles) {
        ResolvedConnection connection = new CredentialsResolver(java.util.Map.of(), dir.resolve("no-home"))
                .resolve(new CredentialOptions(
                        null, null, null, null, false, null, null, profileName, profiles.toString()));
        try (TileDBClient client = new TileDBClient(ClientSettings.builder()
                .host(connection.host())
                .credentials(connection.credentials())
                .verifySsl(connection.verifySsl())
                .caFile(connection.caFile())
                .retryPolicy(RetryPolicy.NONE)
                .build())) {
            return client.arrays().info(new AssetRef("ns", "a")).name();
        }
    }

    @Test
    void unreadableCaFileIsAConfigurationError() {
        TileDBConfigurationException e = assertThrows(
                TileDBConfigurationException.class,
                () -> new TileDBClient(settings("https://x")
                        .caFile(dir.resolve("missing.pem").toString())
                        .build()));
        assertTrue(e.getMessage().startsWith("Cannot read the CA file"), e.getMessage());
    }
}
