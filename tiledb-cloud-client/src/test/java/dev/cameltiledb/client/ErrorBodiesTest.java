package dev.cameltiledb.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers the emulator never gives: proxy HTML pages, odd JSON, broken bodies. Each still reads clearly. */
class ErrorBodiesTest {

    private static WireMockServer server;
    private static TileDBClient client;

    @BeforeAll
    static void start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        client = new TileDBClient(settings("http://127.0.0.1:" + server.port()));
    }

    /** No retries: these tests are about how one answer reads (RetryTest covers retrying). */
    private static ClientSettings settings(String host) {
        return ClientSettings.builder()
                .host(host)
                .credentials(new Credentials.ApiKey("token-for-error-tests", "test"))
                .retryPolicy(RetryPolicy.NONE)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop();
    }

    private TileDBException infoFails(String array) {
        return assertThrows(TileDBException.class, () -> client.arrays().info(new AssetRef("ns", array)));
    }

    @Test
    void htmlErrorPageGivesAReadableMessage() {
        server.stubFor(get(urlPathEqualTo("/v1/arrays/ns/html/metadata"))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("X-Request-Id", "req-42")
                        .withBody("<html>\n<body><h1>502 Bad Gateway</h1>\n</body></html>")));
        TileDBServerException e = assertInstanceOf(TileDBServerException.class, infoFails("html"));
        assertEquals(502, e.getStatusCode());
        assertEquals("req-42", e.getRequestId());
        assertEquals(
                "TileDB Cloud answered HTTP 502 to GET /v1/arrays/ns/html/metadata: response body: <html> <body><h1>502 Bad"
                        + " Gateway</h1> </body></html> (request id req-42)",
                e.getMessage());
    }

    @Test
    void emptyErrorBodyUsesTheReasonPhrase() {
        server.stubFor(get(urlPathEqualTo("/v1/arrays/ns/empty/metadata"))
                .willReturn(aResponse().withStatus(503)));
        assertEquals(
                "TileDB Cloud answered HTTP 503 to GET /v1/arrays/ns/empty/metadata: Service Unavailable",
                infoFails("empty").getMessage());
    }

    @Test
    void jsonErrorBodyGivesCodeMessageAndRequestId() {
        server.stubFor(
                get(urlPathEqualTo("/v1/arrays/ns/json/metadata"))
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withBody(
                                                "{\"code\": 8001, \"message\": \"slow down\", \"request_id\": \"r-1\", \"extra\": true}")));
        TileDBRateLimitedException e = assertInstanceOf(TileDBRateLimitedException.class, infoFails("json"));
        assertEquals(8001L, e.getErrorCode());
        assertEquals("slow down", e.getServiceMessage());
        assertEquals(
                "TileDB Cloud answered HTTP 429 to GET /v1/arrays/ns/json/metadata: slow down (code 8001, request id r-1)",
                e.getMessage());
    }

    @Test
    void successWithMalformedJsonIsAnErrorNotAnEmptyResult() {
        server.stubFor(get(urlPathEqualTo("/v1/arrays/ns/broken/metadata"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\": \"x\", ")));
        TileDBException e = infoFails("broken");
        assertTrue(
                e.getMessage()
                        .startsWith("TileDB Cloud answered GET /v1/arrays/ns/broken/metadata with a body that is"
                                + " not the expected JSON (ArrayInfo)"),
                e.getMessage());
    }

    @Test
    void unreachableHostIsAConnectionError() {
        try (TileDBClient nowhere = new TileDBClient(settings("http://127.0.0.1:1"))) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> nowhere.arrays().info(new AssetRef("ns", "a")));
            assertTrue(
                    e.getMessage().startsWith("Could not complete GET http://127.0.0.1:1/v1/arrays/ns/a/metadata"),
                    e.getMessage());
        }
    }
}
