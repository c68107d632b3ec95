package dev.cameltiledb.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.TileDBAuthenticationException;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.TileDBEmulatorExtension;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's third auth scheme, OAuth2: the {@code accessToken} option sends {@code Authorization: Bearer <token>}
 * (and no API key header), the emulator accepts a token it issued, and the token appears in no log line (at DEBUG,
 * HttpClient's header log included), no endpoint URI and no error.
 */
class OAuthAccessTokenTest extends CamelTestSupport {

    // registered first, so the emulator's log lines are captured too
    @RegisterExtension
    @Order(1)
    static final LogCapture LOGS = new LogCapture("oauth-user-key-5c1d", "not-issued-here-7e2b");

    @RegisterExtension
    @Order(2)
    static final TileDBEmulatorExtension TILEDB =
            new TileDBEmulatorExtension(b -> b.recordExchanges().user("oscar", "oauth-user-key-5c1d"));

    /** The access token the emulator issued (POST /v1/token), as an identity provider would hand one out. */
    private static String accessToken;

    @BeforeAll
    static void issueAnAccessToken() throws Exception {
        HttpResponse<String> issued = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TILEDB.emulator().url() + "/v1/token"))
                                .header("X-TILEDB-REST-API-KEY", "oauth-user-key-5c1d")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"oauth\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, issued.statusCode(), issued.body());
        accessToken = new ObjectMapper().readTree(issued.body()).get("token").asText();
    }

    private String uri(String token) {
        return "tiledb:user?operation=profile&host=" + TILEDB.emulator().url() + "&accessToken=" + token;
    }

    @Test
    void theAccessTokenIsSentAsABearerTokenAndTheEmulatorAcceptsIt() {
        int before = TILEDB.emulator().recordedExchanges().size();

        User oscar = template.requestBody(uri(accessToken), null, User.class);

        assertEquals("oscar", oscar.username());
        List<RecordedExchange> sent = TILEDB.emulator().recordedExchanges();
        RecordedExchange profile = sent.get(sent.size() - 1);
        assertEquals(before + 1, sent.size(), "one call, no login");
        assertEquals(List.of("Bearer " + accessToken), profile.requestHeaders().get("authorization"));
        assertNull(profile.requestHeaders().get("x-tiledb-rest-api-key"));
        assertTrue(LOGS.lines().stream().noneMatch(l -> l.contains(accessToken)), "the token in a log line");
    }

    @Test
    void theEndpointUriMasksTheAccessToken() {
        Endpoint endpoint = context.getEndpoint(uri(accessToken));
        assertFalse(endpoint.getEndpointUri().contains(accessToken), endpoint.getEndpointUri());
        assertTrue(endpoint.getEndpointUri().contains("accessToken=xxxxxx"), endpoint.getEndpointUri());
    }

    @Test
    void aTokenTheServiceDidNotIssueIsRefusedWithoutBeingQuoted() {
        CamelExecutionException e = assertThrows(
                CamelExecutionException.class,
                () -> template.requestBody(uri("not-issued-here-7e2b"), null, User.class));
        TileDBAuthenticationException refused = assertInstanceOf(TileDBAuthenticationException.class, e.getCause());
        assertEquals(401, refused.getStatusCode());
        assertTrue(refused.getMessage().contains("OAuth2 access token from options"), refused.getMessage());
        assertFalse(e.toString().contains("not-issued-here-7e2b"), e.toString());
    }
}
