package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cameltiledb.arraylake.client.model.DeleteRepo;
import dev.cameltiledb.arraylake.client.model.RepoCreate;
import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.arraylake.client.model.RepoModify;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.testing.LocalWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry policy over real HTTP: which answers are sent again, how often, and the waits planned in between. */
class RetryOverHttpTest {

    @RegisterExtension
    static final LocalWireMock WM = new LocalWireMock();

    private static final String TOKEN = "ema_0123456789abcdef0123456789abcdef";
    private static final RepoName REPO = RepoName.of("acme", "climate");
    private static final String REPO_JSON =
            "{\"_id\":\"0123456789abcdef01234567\",\"org\":\"acme\",\"name\":\"climate\","
                    + "\"status\":{\"mode\":\"online\",\"initiated_by\":{}},\"prefix\":\"p\",\"unknown_field\":1}";

    private final List<Long> waits = new ArrayList<>();

    private ArraylakeClient client(int maxAttempts) {
        return ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri(WM.url())
                .token(TOKEN)
                .maxRetries(maxAttempts)
                .sleeper(waits::add)
                .jitter(() -> 0.5) // the middle of the jitter range: waits are the nominal backoff
                .build());
    }

    /** Sends one request of {@code method} through the public API. */
    private static void call(ArraylakeClient c, String method) {
        switch (method) {
            case "GET" -> c.repos().get(REPO);
            case "POST" -> c.repos().create(REPO, RepoCreate.defaults());
            case "PATCH" -> c.repos().modify(REPO, RepoModify.description("d"));
            case "PUT" -> c.repos().setStatus(REPO, RepoMode.MAINTENANCE, "m");
            case "DELETE" -> c.repos().delete(REPO, DeleteRepo.confirmedSoft());
            default -> throw new IllegalArgumentException(method);
        }
    }

    @ParameterizedTest(name = "{1} answering {0}")
    @CsvSource({
        "429,GET", "429,POST", "429,PATCH", "429,PUT", "429,DELETE",
        "502,GET", "502,POST", "502,PATCH", "502,PUT", "502,DELETE",
        "503,GET", "503,POST", "503,PATCH", "503,PUT", "503,DELETE",
        "504,GET", "504,POST", "504,PATCH", "504,PUT", "504,DELETE",
        "500,GET"
    })
    void retryableStatusesAreSentAgainUpToMaxAttempts(int status, String method) {
        WM.server()
                .stubFor(any(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(status)
                                .withHeader("x-request-id", "req-" + status)
                                .withBody("{\"detail\":\"busy\"}")));
        try (ArraylakeClient c = client(4)) {
            ArraylakeApiException e = assertThrows(ArraylakeApiException.class, () -> call(c, method));
            assertEquals(status, e.status());
            assertEquals("req-" + status, e.requestId());
        }
        WM.server().verify(4, anyRequestedFor(anyUrl()));
        assertEquals(List.of(100L, 200L, 400L), waits);
    }

    @ParameterizedTest
    @CsvSource({
        "500,POST",
        "500,PATCH",
        "500,PUT",
        "500,DELETE",
        "400,GET",
        "403,GET",
        "404,GET",
        "409,POST",
        "422,PATCH"
    })
    void otherAnswersAreNotSentAgain(int status, String method) {
        WM.server()
                .stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody("{\"detail\":\"no\"}")));
        try (ArraylakeClient c = client(4)) {
            ArraylakeApiException e = assertThrows(ArraylakeApiException.class, () -> call(c, method));
            assertEquals(status, e.status());
        }
        WM.server().verify(1, anyRequestedFor(anyUrl()));
        assertEquals(List.of(), waits);
    }

    @Test
    void aRetryThatSucceedsReturnsTheAnswer() {
        WM.server()
                .stubFor(get(anyUrl())
                        .inScenario("flaky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("up"));
        WM.server()
                .stubFor(get(anyUrl())
                        .inScenario("flaky")
                        .whenScenarioStateIs("up")
                        .willReturn(okJson(REPO_JSON)));
        try (ArraylakeClient c = client(15)) {
            assertEquals("climate", c.repos().get(REPO).name());
        }
        WM.server().verify(2, getRequestedFor(anyUrl()));
        assertEquals(List.of(100L), waits);
    }

    @Test
    void retryAfterSecondsAreHonouredUpToTheCap() {
        WM.server().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        try (ArraylakeClient c = client(2)) {
            assertThrows(ArraylakeApiException.class, () -> c.repos().get(REPO));
        }
        assertEquals(List.of(2_000L), waits);

        waits.clear();
        WM.server().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "86400")));
        try (ArraylakeClient c = ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri(WM.url())
                .token(TOKEN)
                .maxRetries(3)
                .maxRetryAfter(Duration.ofSeconds(5))
                .sleeper(waits::add)
                .build())) {
            assertThrows(ArraylakeApiException.class, () -> c.repos().get(REPO));
        }
        assertEquals(List.of(5_000L, 5_000L), waits);
    }

    @Test
    void retryAfterDatesFarAheadAreCapped() {
        WM.server()
                .stubFor(get(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(503)
                                .withHeader("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT")));
        try (ArraylakeClient c = client(2)) {
            assertThrows(ArraylakeApiException.class, () -> c.repos().get(REPO));
        }
        assertEquals(List.of(60_000L), waits);
    }

    @Test
    void aResetConnectionIsRetriedFiveTimesForAGet() {
        WM.server().stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (ArraylakeClient c = client(15)) {
            ArraylakeConnectionException e = assertThrows(
                    ArraylakeConnectionException.class, () -> c.repos().get(REPO));
            assertTrue(e.getMessage().contains("6 connection attempt"), e.getMessage());
        }
        WM.server().verify(6, getRequestedFor(anyUrl()));
        assertEquals(List.of(0L, 500L, 1_000L, 2_000L, 4_000L), waits);
    }

    @Test
    void aResetConnectionIsNotRetriedForAPostThatMayHaveArrived() {
        WM.server().stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (ArraylakeClient c = client(15)) {
            assertThrows(ArraylakeConnectionException.class, () -> c.repos().create(REPO, RepoCreate.defaults()));
        }
        WM.server().verify(1, postRequestedFor(anyUrl()));
        assertEquals(List.of(), waits);
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForAPost() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ArraylakeClient c = ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri("http://127.0.0.1:" + closedPort)
                .token(TOKEN)
                .sleeper(waits::add)
                .build())) {
            ArraylakeConnectionException e = assertThrows(
                    ArraylakeConnectionException.class, () -> c.repos().create(REPO, RepoCreate.defaults()));
            assertInstanceOf(ConnectException.class, e.getCause());
        }
        assertEquals(5, waits.size());
    }

    @Test
    void everyRequestCarriesTheContractHeaders() {
        WM.server().stubFor(any(anyUrl()).willReturn(okJson(REPO_JSON)));
        try (ArraylakeClient c = client(1)) {
            c.repos().create(REPO, new RepoCreate("main-bucket", "icechunk", "data/x", "d", Map.of("k", 1), null));
        }
        WM.server()
                .verify(postRequestedFor(urlPathEqualTo("/orgs/acme/repos"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withHeader("Accept", equalTo("application/vnd.earthmover+json"))
                        .withHeader("client-name", equalTo("camel-arraylake"))
                        .withHeader("client-version", matching(".+"))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson(
                                "{\"name\":\"climate\",\"description\":\"d\",\"bucket_nickname\":\"main-bucket\","
                                        + "\"kind\":\"icechunk\",\"metadata\":{\"k\":1},\"prefix\":\"data/x\"}")));
    }
}
