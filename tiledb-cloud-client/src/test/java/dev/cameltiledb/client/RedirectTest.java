package dev.cameltiledb.client;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.rest.Sleeper;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A front emulator redirects every request, as api.tiledb.com sends callers to a regional host. Credentials follow
 * the redirect only to hosts the client trusts.
 */
class RedirectTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture("redirect-token-7d1e");

    private static final String TOKEN = "redirect-token-7d1e";
    private static TileDBEmulator regional;
    private static TileDBEmulator front;
    private static TileDBEmulator frontToForeign;
    private static WireMockServer foreign;

    @BeforeAll
    static void start() {
        regional = TileDBEmulator.builder()
                .recordExchanges()
                .user("rita", TOKEN)
                .array("rita", "data", List.of(), Map.of())
                .build()
                .start();
        front = TileDBEmulator.builder().redirectTo(regional.url(), 307).build().start();
        foreign =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        foreign.start();
        foreign.stubFor(get(urlPathEqualTo("/v1/arrays/rita/data/metadata"))
                .willReturn(aResponse().withStatus(200).withBody("{\"name\": \"fake\"}")));
        frontToForeign = TileDBEmulator.builder()
                .redirectTo("http://127.0.0.1:" + foreign.port(), 302)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        front.stop();
        frontToForeign.stop();
        regional.stop();
        foreign.stop();
    }

    private static TileDBClient client(String host, List<String> allowed) {
        return new TileDBClient(ClientSettings.builder()
                .host(host)
                .credentials(new Credentials.ApiKey(TOKEN, "test"))
                .redirectAllowedHosts(allowed)
                .build());
    }

    @Test
    void redirectToAnAllowedRegionalHostKeepsTheCredentials() {
        try (TileDBClient client = client(front.url(), List.of("127.0.0.1:" + regional.port()))) {
            assertEquals(
                    "data", client.arrays().info(new AssetRef("rita", "data")).name());
        }
        RecordedExchange seen = last(regional);
        assertEquals(List.of(TOKEN), seen.requestHeaders().get("x-tiledb-rest-api-key"));
        assertEquals(200, seen.status());
    }

    @Test
    void redirectToAHostNotAllowedDropsTheCredentials() {
        try (TileDBClient client = client(front.url(), List.of())) {
            TileDBAuthenticationException e = assertThrows(
                    TileDBAuthenticationException.class, () -> client.arrays().info(new AssetRef("rita", "data")));
            assertEquals(401, e.getStatusCode());
        }
        assertNull(last(regional).requestHeaders().get("x-tiledb-rest-api-key"), "another port is another host");
    }

    @Test
    void foreignLocationNeverSeesTheApiKey() {
        try (TileDBClient client = client(frontToForeign.url(), List.of())) {
            assertEquals(
                    "fake", client.arrays().info(new AssetRef("rita", "data")).name());
        }
        List<LoggedRequest> seen = foreign.findAll(getRequestedFor(urlPathEqualTo("/v1/arrays/rita/data/metadata")));
        assertEquals(1, seen.size());
        assertFalse(seen.get(0).containsHeader("X-TILEDB-REST-API-KEY"));
        assertFalse(seen.get(0).containsHeader("Authorization"));
    }

    @Test
    void tiledbHostsAreTrustedOnlyOverHttps() {
        try (RestTransport transport =
                new RestTransport(ClientSettings.of("https://api.tiledb.com", "t"), Sleeper.THREAD)) {
            assertTrue(transport.isTrusted(java.net.URI.create("https://us-east-1.aws.api.tiledb.com/v1/user")));
            assertFalse(transport.isTrusted(java.net.URI.create("http://us-east-1.aws.api.tiledb.com/v1/user")));
            assertFalse(transport.isTrusted(java.net.URI.create("https://api.tiledb.com.evil.example/v1/user")));
            assertFalse(transport.isTrusted(java.net.URI.create("https://eviltiledb.com/v1/user")));
            assertTrue(transport.isTrusted(java.net.URI.create("https://api.tiledb.com:443/v1/user")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static RecordedExchange last(TileDBEmulator emulator) {
        List<RecordedExchange> all = emulator.recordedExchanges();
        return all.get(all.size() - 1);
    }
}
