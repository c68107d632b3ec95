package dev.cameltiledb.client;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cameltiledb.client.model.ArrayInfoUpdate;
import dev.cameltiledb.testing.LocalWireMock;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries and faults against WireMock. Every test counts the requests the server received; waits are recorded by a
 * {@link Sleeper} instead of spent, so nothing here depends on wall-clock time.
 */
class RetryTest {

    @RegisterExtension
    static final LocalWireMock SERVER = new LocalWireMock();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture("retry-token");

    private static final String INFO = "/v1/arrays/ns/a/metadata";
    private static final String INFO_JSON = "{\"name\": \"a\", \"namespace\": \"ns\"}";
    private final List<Long> waits = new ArrayList<>();

    private TileDBClient client(RetryPolicy policy, int responseTimeoutMillis) {
        return new TileDBClient(
                ClientSettings.builder()
                        .host(SERVER.url())
                        .credentials(new Credentials.ApiKey("retry-token", "test"))
                        .retryPolicy(policy)
                        .timeouts(2000, responseTimeoutMillis, 2000)
                        .build(),
                waits::add);
    }

    private TileDBClient client(RetryPolicy policy) {
        return client(policy, 5000);
    }

    private static int requests() {
        return SERVER.server().findAll(anyRequestedFor(anyUrl())).size();
    }

    /** The answers in order, then the last one for ever. */
    private static void answers(
            String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "step-" + (i + 1);
            SERVER.server()
                    .stubFor(get(urlPathEqualTo(path))
                            .inScenario(path)
                            .whenScenarioStateIs(state)
                            .willReturn(responses[i])
                            .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void serviceUnavailableThenOk() {
        answers(INFO, aResponse().withStatus(503), aResponse().withStatus(200).withBody(INFO_JSON));
        try (TileDBClient client = client(RetryPolicy.DEFAULT)) {
            assertEquals("a", client.arrays().info(new AssetRef("ns", "a")).name());
        }
        assertEquals(2, requests());
        assertEquals(1, waits.size());
    }

    @Test
    void retryAfterIsHonoured() {
        answers(
                INFO,
                aResponse().withStatus(429).withHeader("Retry-After", "1"),
                aResponse().withStatus(200).withBody(INFO_JSON));
        try (TileDBClient client = client(RetryPolicy.DEFAULT)) {
            client.arrays().info(new AssetRef("ns", "a"));
        }
        assertEquals(2, requests());
        assertEquals(List.of(1000L), waits);
    }

    @Test
    void retryAfterIsCapped() {
        answers(
                INFO,
                aResponse().withStatus(503).withHeader("Retry-After", "3600"),
                aResponse().withStatus(200).withBody(INFO_JSON));
        try (TileDBClient client = client(new RetryPolicy(RetryMode.DEFAULT, 3, 100, 1000, 2000, true))) {
            client.arrays().info(new AssetRef("ns", "a"));
        }
        assertEquals(2, requests());
        assertEquals(List.of(2000L), waits, "an hour asked, the cap waited");
    }

    @Test
    void backoffDoublesUpToTheCapAndGivesUpAfterMaxRetries() {
        answers(INFO, aResponse().withStatus(503));
        try (TileDBClient client = client(new RetryPolicy(RetryMode.DEFAULT, 4, 250, 1000, 60_000, false))) {
            TileDBServerException e = assertThrows(
                    TileDBServerException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertEquals(503, e.getStatusCode());
        }
        assertEquals(5, requests(), "the first attempt and four retries");
        assertEquals(List.of(250L, 500L, 1000L, 1000L), waits);
    }

    @Test
    void jitterStaysWithinTheBackoff() {
        answers(INFO, aResponse().withStatus(503));
        try (TileDBClient client = client(new RetryPolicy(RetryMode.DEFAULT, 6, 100, 400, 60_000, true))) {
            assertThrows(TileDBServerException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
        }
        long[] caps = {100, 200, 400, 400, 400, 400};
        for (int i = 0; i < waits.size(); i++) {
            assertTrue(waits.get(i) >= 0 && waits.get(i) <= caps[i], "wait " + i + " = " + waits.get(i));
        }
        assertEquals(6, waits.size());
    }

    @Test
    void serverErrorsAreRetriedOnlyWhenForceful() {
        answers(INFO, aResponse().withStatus(500), aResponse().withStatus(200).withBody(INFO_JSON));
        try (TileDBClient client = client(RetryPolicy.DEFAULT)) {
            assertInstanceOf(
                    TileDBServerException.class,
                    assertThrows(TileDBException.class, () -> client.arrays().info(new AssetRef("ns", "a"))));
        }
        assertEquals(1, requests());
        SERVER.server().resetRequests();
        SERVER.server().setScenarioState(INFO, Scenario.STARTED);
        try (TileDBClient client = client(new RetryPolicy(RetryMode.FORCEFUL, 3, 1, 1, 1, false))) {
            assertEquals("a", client.arrays().info(new AssetRef("ns", "a")).name());
        }
        assertEquals(2, requests());
    }

    @Test
    void disabledMeansOneRequest() {
        answers(INFO, aResponse().withStatus(503), aResponse().withStatus(200).withBody(INFO_JSON));
        try (TileDBClient client = client(new RetryPolicy(RetryMode.DISABLED, 10, 1, 1, 1, false))) {
            assertThrows(TileDBServerException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
        }
        assertEquals(1, requests());
        assertEquals(List.of(), waits);
    }

    @Test
    void connectionResetOnGetIsRetried() {
        answers(
                INFO,
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(200).withBody(INFO_JSON));
        try (TileDBClient client = client(RetryPolicy.DEFAULT)) {
            assertEquals("a", client.arrays().info(new AssetRef("ns", "a")).name());
        }
        assertEquals(2, requests());
    }

    @Test
    void connectionResetOnPostIsNotRetried() {
        SERVER.server()
                .stubFor(post(urlPathEqualTo("/v1/arrays/ns/s3%3A%2F%2Fb%2Fx/register"))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (TileDBClient client = client(RetryPolicy.DEFAULT)) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class,
                    () -> client.arrays()
                            .register(
                                    new AssetRef("ns", "s3://b/x"),
                                    ArrayInfoUpdate.EMPTY.withRegistration("x", "s3://b/x", null)));
            assertTrue(e.getMessage().startsWith("Could not complete POST"), e.getMessage());
        }
        assertEquals(1, requests(), "a POST that may have reached the server is not sent twice");
    }

    @Test
    void serviceUnavailableOnPostIsRetriedAsThePythonClientDoes() {
        String path = "/v1/arrays/ns/s3%3A%2F%2Fb%2Fy/register";
        SERVER.server()
                .stubFor(post(urlPathEqualTo(path))
                        .inScenario("p")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("ok"));
        SERVER.server()
                .stubFor(post(urlPathEqualTo(path))
                        .inScenario("p")
                        .whenScenarioStateIs("ok")
                        .willReturn(aResponse().withStatus(200).withBody(INFO_JSON)));
        try (TileDBClient client = client(RetryPolicy.DEFAULT)) {
            client.arrays()
                    .register(
                            new AssetRef("ns", "s3://b/y"),
                            ArrayInfoUpdate.EMPTY.withRegistration("y", "s3://b/y", null));
        }
        assertEquals(2, requests());
    }

    @Test
    void slowAnswerPastTheTimeoutFailsWithoutHanging() {
        SERVER.server()
                .stubFor(patch(urlPathEqualTo("/v1/arrays/ns/slow/share"))
                        .willReturn(aResponse().withStatus(204).withFixedDelay(1500)));
        try (TileDBClient client = client(RetryPolicy.DEFAULT, 300)) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> client.arrays().unshare(new AssetRef("ns", "slow"), "bob"));
            assertTrue(e.getMessage().contains("Timeout") || e.getMessage().contains("timed out"), e.getMessage());
        }
        assertEquals(1, requests());
    }

    @Test
    void malformedChunkInASuccessIsAConnectionError() {
        answers(INFO, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        try (TileDBClient client = client(RetryPolicy.NONE)) {
            assertThrows(TileDBException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
        }
        assertEquals(1, requests());
    }
}
