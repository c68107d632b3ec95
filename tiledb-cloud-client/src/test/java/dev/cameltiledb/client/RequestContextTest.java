package dev.cameltiledb.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cameltiledb.testing.LocalWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a {@link RequestContext} adds to the calls made inside it: attempts told to its listener, extra headers. */
class RequestContextTest {

    @RegisterExtension
    static final LocalWireMock SERVER = new LocalWireMock();

    private static final String INFO = "/v1/arrays/ns/a/metadata";
    private static final String INFO_JSON = "{\"name\": \"a\", \"namespace\": \"ns\"}";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static TileDBClient client() {
        return new TileDBClient(
                ClientSettings.builder()
                        .host(SERVER.url())
                        .credentials(new Credentials.ApiKey("context-token", "test"))
                        .serverGeneration(ServerGeneration.CLASSIC)
                        .build(),
                millis -> {});
    }

    @Test
    void everyAttemptIsToldWithItsStatusAndWhetherItIsRetried() {
        SERVER.server()
                .stubFor(get(urlPathEqualTo(INFO))
                        .inScenario("attempts")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("reset"));
        SERVER.server()
                .stubFor(get(urlPathEqualTo(INFO))
                        .inScenario("attempts")
                        .whenScenarioStateIs("reset")
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                        .willSetStateTo("ok"));
        SERVER.server()
                .stubFor(get(urlPathEqualTo(INFO))
                        .inScenario("attempts")
                        .whenScenarioStateIs("ok")
                        .willReturn(aResponse().withStatus(200).withBody(INFO_JSON)));
        List<RequestListener.RequestAttempt> attempts = new CopyOnWriteArrayList<>();
        try (TileDBClient client = client();
                RequestContext.Scope scope = RequestContext.open(attempts::add, null)) {
            assertEquals("a", client.arrays().info(new AssetRef("ns", "a")).name());
        }
        assertEquals(3, attempts.size(), attempts.toString());
        assertEquals(
                List.of(503, 0, 200),
                attempts.stream().map(RequestListener.RequestAttempt::status).toList());
        assertEquals(
                List.of(1, 2, 3),
                attempts.stream().map(RequestListener.RequestAttempt::attempt).toList());
        assertEquals(
                List.of(true, true, false),
                attempts.stream().map(RequestListener.RequestAttempt::retrying).toList());
        assertTrue(attempts.stream().allMatch(a -> a.method().equals("GET") && a.durationNanos() >= 0));
    }

    @Test
    void extraHeadersAreSentButNeverReplaceTheClientsOwn() {
        SERVER.server().stubFor(get(urlPathEqualTo(INFO)).willReturn(aResponse().withBody(INFO_JSON)));
        try (TileDBClient client = client()) {
            try (RequestContext.Scope scope = RequestContext.open(
                    attempt -> {
                        throw new IllegalStateException("a failing listener must not fail the call");
                    },
                    Map.of("traceparent", TRACEPARENT, "X-TILEDB-REST-API-KEY", "forged", "Accept", "text/html"))) {
                client.arrays().info(new AssetRef("ns", "a"));
            }
            client.arrays().info(new AssetRef("ns", "a")); // the scope is closed: nothing extra
        }
        SERVER.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(INFO))
                                .withHeader("traceparent", equalTo(TRACEPARENT))
                                .withHeader("X-TILEDB-REST-API-KEY", equalTo("context-token"))
                                .withHeader("Accept", equalTo("application/json")));
        SERVER.server().verify(1, getRequestedFor(urlPathEqualTo(INFO)).withHeader("traceparent", absent()));
    }

    @Test
    void anErrorAnswerIsToldOnce() {
        SERVER.server().stubFor(get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(404)));
        List<RequestListener.RequestAttempt> attempts = new CopyOnWriteArrayList<>();
        try (TileDBClient client = client();
                RequestContext.Scope scope = RequestContext.open(attempts::add, null)) {
            assertThrows(TileDBNotFoundException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
        }
        assertEquals(1, attempts.size());
        assertEquals(404, attempts.get(0).status());
        assertEquals(false, attempts.get(0).retrying());
    }
}
