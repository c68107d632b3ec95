package dev.cameltiledb.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cameltiledb.client.model.NotebookCopied;
import dev.cameltiledb.client.model.NotebookCopy;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.testing.LocalWireMock;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transport behaviour no emulator shows: a session token renewed after a 401, a 303 turning a POST into a GET, and a
 * streamed body that is never sent twice, not even to follow a redirect.
 */
class TransportEdgesTest {

    @RegisterExtension
    static final LocalWireMock SERVER = new LocalWireMock();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture("edge-password-9", "session-one-a1", "session-two-b2", "edge-key-3");

    private static TileDBClient client(Credentials credentials) {
        return new TileDBClient(ClientSettings.builder()
                .host(SERVER.url())
                .credentials(credentials)
                .build());
    }

    @Test
    void anExpiredSessionTokenIsRenewedOnceAndTheCallSucceeds() {
        // the first login hands out a token that expires at once; the second login's token works
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/session"))
                        .inScenario("login")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(200).withBody("{\"token\": \"session-one-a1\"}"))
                        .willSetStateTo("second"));
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/session"))
                        .inScenario("login")
                        .whenScenarioStateIs("second")
                        .willReturn(aResponse().withStatus(200).withBody("{\"token\": \"session-two-b2\"}")));
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/user"))
                        .withHeader("X-TILEDB-REST-API-KEY", equalTo("session-one-a1"))
                        .willReturn(
                                aResponse().withStatus(401).withBody("{\"code\": 1001, \"message\": \"expired\"}")));
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/user"))
                        .withHeader("X-TILEDB-REST-API-KEY", equalTo("session-two-b2"))
                        .willReturn(aResponse().withStatus(200).withBody("{\"username\": \"edgar\"}")));

        try (TileDBClient client = client(new Credentials.UsernamePassword("edgar", "edge-password-9", true, "test"))) {
            User user = client.users().profile();
            assertEquals("edgar", user.username());
        }
        List<String> calls = SERVER.server().findAll(anyRequestedFor(urlPathMatching("/v1/.*"))).stream()
                .map(r -> r.getMethod() + " " + r.getUrl().replaceAll("\\?.*", ""))
                .toList();
        assertEquals(List.of("GET /v1/session", "GET /v1/user", "GET /v1/session", "GET /v1/user"), calls);
    }

    @Test
    void aSessionRefusedTwiceFailsWithoutLooping() {
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/session"))
                        .willReturn(aResponse().withStatus(200).withBody("{\"token\": \"session-one-a1\"}")));
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/v1/user"))
                        .willReturn(
                                aResponse().withStatus(401).withBody("{\"code\": 1001, \"message\": \"expired\"}")));
        try (TileDBClient client = client(new Credentials.UsernamePassword("edgar", "edge-password-9", true, "test"))) {
            TileDBAuthenticationException e = assertThrows(
                    TileDBAuthenticationException.class, () -> client.users().profile());
            assertEquals(401, e.getStatusCode());
        }
        assertEquals(
                2,
                SERVER.server()
                        .findAll(anyRequestedFor(urlPathEqualTo("/v1/user")))
                        .size(),
                "renewed once only");
    }

    @Test
    void a303TurnsThePostIntoAGetWithoutItsBody() {
        SERVER.server()
                .stubFor(post(urlPathEqualTo("/v1/notebooks/ns/nb/copy"))
                        .willReturn(aResponse().withStatus(303).withHeader("Location", "/copied/result")));
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/copied/result"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withBody(
                                        "{\"output_uri\": \"s3://b/nb2\", \"namespace\": \"ns\", \"name\": \"nb2\"}")));
        try (TileDBClient client = client(new Credentials.ApiKey("edge-key-3", "test"))) {
            NotebookCopied copied = client.notebooks()
                    .copy(new AssetRef("ns", "nb"), new NotebookCopy("s3://b/nb2", "nb2", null), null, null);
            assertEquals("nb2", copied.name());
        }
        LoggedRequest followed = SERVER.server()
                .findAll(anyRequestedFor(urlPathEqualTo("/copied/result")))
                .get(0);
        assertEquals("GET", followed.getMethod().getName());
        assertEquals(0, followed.getBody().length, "the POST body is not sent again");
    }

    @Test
    void aStreamedBodyIsNotSentAgainToFollowARedirect() {
        SERVER.server()
                .stubFor(any(urlPathMatching("/v2/notebooks/.*"))
                        .willReturn(aResponse().withStatus(307).withHeader("Location", "/elsewhere/upload")));
        byte[] bytes = "{\"cells\": []}".getBytes(StandardCharsets.UTF_8);
        try (TileDBClient client = client(new Credentials.ApiKey("edge-key-3", "test"))) {
            TileDBException e = assertThrows(
                    TileDBException.class,
                    () -> client.notebooks()
                            .upload(
                                    "ns",
                                    "s3://b/nb",
                                    "nb",
                                    UploadBody.of(new ByteArrayInputStream(bytes), bytes.length),
                                    null));
            assertTrue(e.getMessage().contains("streamed body"), e.getMessage());
        }
        assertEquals(
                0,
                SERVER.server()
                        .findAll(anyRequestedFor(urlPathEqualTo("/elsewhere/upload")))
                        .size(),
                "the stream was read once and is gone: nothing is sent to the new location");
        assertEquals(
                1,
                SERVER.server()
                        .findAll(anyRequestedFor(urlPathMatching("/v2/notebooks/.*")))
                        .size());
    }
}
