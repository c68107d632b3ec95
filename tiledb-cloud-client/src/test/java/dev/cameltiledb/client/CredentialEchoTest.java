package dev.cameltiledb.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.testing.Hostile;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.cameltiledb.testing.Hostile.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 12, for each kind of credential besides the API key (which {@code HostileServerTest} covers): a
 * server or proxy that echoes the request's headers into its error page puts neither the password (nor its basic-auth
 * form), the session token a login returned, nor an OAuth2 access token into the exception, and, through the class's
 * {@link LogCapture}, into no log line.
 */
@Timeout(60)
class CredentialEchoTest {

    private static final String USER = "echo-user";
    private static final String PASSWORD = "echo-Pa55word-7c7c7c";
    private static final String BASIC =
            Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String SESSION = "echo-session-token-3b3b3b3b";
    private static final String ACCESS = "echo-oauth2-access-token-9d9d9d9d";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(PASSWORD, BASIC, SESSION, ACCESS);

    private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

    /** A 400 whose page shows every request header, as a careless proxy's does. */
    private static void echo(HttpExchange x) throws java.io.IOException {
        answer(
                x,
                400,
                "{\"code\":4000,\"message\":"
                        + TextNode.valueOf("You sent: " + x.getRequestHeaders().entrySet()) + "}");
    }

    private TileDBClient client(Hostile server, Credentials credentials) {
        return new TileDBClient(
                ClientSettings.builder()
                        .host(server.url())
                        .credentials(credentials)
                        .retryPolicy(RetryPolicy.DEFAULT)
                        .timeouts(2000, 5000, 2000)
                        .build(),
                waits::add);
    }

    /** Asserts the call fails with an echoed page that shows the header masked and none of the secrets. */
    private static void assertMasked(TileDBException e, String header) {
        String message = e.getMessage();
        for (String secret : List.of(PASSWORD, BASIC, SESSION, ACCESS)) {
            assertFalse(message.contains(secret), message);
        }
        assertTrue(message.toLowerCase().contains(header.toLowerCase()), "the page was echoed: " + message);
        assertTrue(message.contains("xxxxxx"), message);
    }

    @Test
    void basicAuthShowsNeitherThePasswordNorItsEncodedForm() throws Exception {
        try (Hostile server = new Hostile(CredentialEchoTest::echo);
                TileDBClient client = client(server, new Credentials.UsernamePassword(USER, PASSWORD, false, "test"))) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertMasked(e, "Authorization");
            assertEquals(1, server.requests.get());
        }
    }

    @Test
    void aRefusedLoginShowsNeitherThePasswordNorItsEncodedForm() throws Exception {
        try (Hostile server = new Hostile(CredentialEchoTest::echo);
                TileDBClient client = client(server, new Credentials.UsernamePassword(USER, PASSWORD, true, "test"))) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertMasked(e, "Authorization");
            assertEquals(1, server.requests.get(), "the login only");
        }
    }

    @Test
    void theSessionTokenOfALoginIsNotShown() throws Exception {
        try (Hostile server = new Hostile(x -> {
                    if (x.getRequestURI().getPath().equals("/v1/session")) {
                        answer(x, 200, "{\"token\":\"" + SESSION + "\"}");
                    } else {
                        echo(x);
                    }
                });
                TileDBClient client = client(server, new Credentials.UsernamePassword(USER, PASSWORD, true, "test"))) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertMasked(e, "X-tiledb-rest-api-key");
            assertEquals(2, server.requests.get(), "the login, then the call");
        }
    }

    @Test
    void anOAuth2AccessTokenIsNotShown() throws Exception {
        try (Hostile server = new Hostile(CredentialEchoTest::echo);
                TileDBClient client = client(server, new Credentials.AccessToken(ACCESS, "test"))) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertMasked(e, "Authorization");
            assertEquals(1, server.requests.get());
        }
    }
}
