package dev.cameltiledb.arraylake.client;

import dev.cameltiledb.testing.LocalWireMock;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token the service wants in the query reaches the service intact, while HttpClient's DEBUG request-line logs (and
 * ours) see only a placeholder. LogCapture fails the class if either token shows up in any log line.
 */
class TokenInQueryTest {

    private static final String BEARER = "ema_bearerbearerbearerbearerbearer";
    private static final String LOOKED_UP = "ema_lookedup0lookedup0lookedup000";

    @RegisterExtension
    static final LocalWireMock WM = new LocalWireMock();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(BEARER, LOOKED_UP);

    @Test
    void theWireHasTheTokenTheLogsDoNot() {
        WM.server().stubFor(get(anyUrl()).willReturn(okJson("{\"_id\":\"4f1c\",\"email\":\"etl@acme.example\"}")));
        try (ArraylakeClient c = ArraylakeClient.create(
                ArraylakeSettings.builder().serviceUri(WM.url()).token(BEARER).build())) {
            assertEquals("4f1c", c.tokens().apiClientId("acme", LOOKED_UP));
        }
        WM.server()
                .verify(getRequestedFor(anyUrl())
                        .withQueryParam("token", equalTo(LOOKED_UP))
                        .withoutHeader(TokenInQuery.MARKER));
        assertTrue(
                LOGS.lines().stream().anyMatch(l -> l.contains("token=" + TokenInQuery.PLACEHOLDER)),
                "HttpClient's request line log was expected at DEBUG, masked");
    }
}
