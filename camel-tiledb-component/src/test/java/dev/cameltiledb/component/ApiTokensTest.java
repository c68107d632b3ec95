package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.Token;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API tokens on {@code tiledb:user}, as a key rotation job uses them: issue a token, list tokens (never with their
 * values), use the new one, revoke the old one by name, list session tokens and the scopes. The issued token is a
 * secret: it is in the reply body and nowhere else, not in a header, not in a log line (DEBUG captured), not in
 * {@link Token#toString()}.
 */
class ApiTokensTest extends CamelTestSupport {

    private static final String TINA_KEY = "tina-key-4c2d9e1f07";
    private static final String TINA_PASSWORD = "tina-password-31";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(TINA_KEY, TINA_PASSWORD);

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        List.of(new User("tina", "tina@example.com", TINA_PASSWORD, List.of(TINA_KEY))), null, null));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String base = "tiledb:user?host=" + SuiteEmulator.get().url();
                from("direct:tina").to(base + "&apiKey=" + TINA_KEY);
                from("direct:session").to(base + "&operation=profile&username=tina&password=" + TINA_PASSWORD);
            }
        };
    }

    private Exchange tina(Map<String, Object> headers) {
        return template.request("direct:tina", e -> e.getMessage().setHeaders(headers));
    }

    private static RecordedExchange lastTo(String method, String path) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.method().equals(method) && x.rawPath().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }

    private static int profileStatusWith(String apiKey) {
        try (TileDBClient client =
                new TileDBClient(ClientSettings.of(SuiteEmulator.get().url(), apiKey))) {
            client.users().profile();
            return 200;
        } catch (TileDBApiException e) {
            return e.getStatusCode();
        }
    }

    @Test
    void rotateAKeyTheNewTokenIsASecretOnlyTheBodyHolds() {
        Exchange issued = tina(Map.of(
                TileDBConstants.OPERATION, "createToken",
                TileDBConstants.TOKEN_NAME, "nightly",
                TileDBConstants.TOKEN_SCOPES, "array:read,group:read",
                TileDBConstants.TOKEN_EXPIRES, "2100-01-01T00:00:00Z"));
        assertNull(issued.getException());
        Token token = issued.getMessage().getBody(Token.class);
        String secret = token.token();
        assertNotNull(secret);
        assertEquals("nightly", token.name());
        assertEquals(List.of("array:read", "group:read"), token.scope());
        assertEquals("2100-01-01T00:00:00Z", token.expiresAt().toString());

        String sent = new String(lastTo("POST", "/v1/token").requestBody(), StandardCharsets.UTF_8);
        assertTrue(sent.contains("\"name\":\"nightly\""), sent);
        assertTrue(sent.contains("\"scope\":[\"array:read\",\"group:read\"]"), sent);
        assertTrue(sent.contains("\"expires\":\"2100-01-01T00:00:00Z\""), sent);

        issued.getMessage()
                .getHeaders()
                .forEach((name, value) -> assertFalse(
                        String.valueOf(value).contains(secret), "header " + name + " carries the new token"));
        assertFalse(token.toString().contains(secret), token.toString());
        LoggerFactory.getLogger(ApiTokensTest.class).info("issued {}", token);

        assertEquals(200, profileStatusWith(secret), "the new token is an API key");

        @SuppressWarnings("unchecked")
        List<Token> listed =
                tina(Map.of(TileDBConstants.OPERATION, "tokens")).getMessage().getBody(List.class);
        Token nightly = listed.stream()
                .filter(t -> t.name().equals("nightly"))
                .findFirst()
                .orElseThrow();
        assertNull(nightly.token(), "listings carry no token value");

        assertNull(tina(Map.of(TileDBConstants.OPERATION, "revokeToken", TileDBConstants.TOKEN_NAME, "nightly"))
                .getException());
        assertEquals("DELETE", lastTo("DELETE", "/v1/tokens/nightly").method());
        assertEquals(401, profileStatusWith(secret), "a revoked token is no key");

        List<String> leaks =
                LOGS.lines().stream().filter(l -> l.contains(secret)).toList();
        assertEquals(List.of(), leaks, "log lines with the issued token");
    }

    @Test
    void sessionTokensScopesAndWhatIsMissing() {
        template.requestBody("direct:session", (Object) null);
        @SuppressWarnings("unchecked")
        List<Token> sessions = tina(Map.of(TileDBConstants.OPERATION, "sessionTokens"))
                .getMessage()
                .getBody(List.class);
        assertFalse(sessions.isEmpty(), "the login made a session token");
        assertTrue(sessions.stream().allMatch(t -> t.token() == null));
        assertEquals("GET", lastTo("GET", "/v1/tokens/session").method());

        @SuppressWarnings("unchecked")
        List<String> scopes = tina(Map.of(TileDBConstants.OPERATION, "tokenScopes"))
                .getMessage()
                .getBody(List.class);
        assertTrue(scopes.containsAll(List.of("*", "array:read", "group:admin")), scopes.toString());

        Exchange noName = tina(Map.of(TileDBConstants.OPERATION, "revokeToken"));
        assertEquals(
                "The revokeToken operation needs the tokenName option (header CamelTileDBTokenName)",
                noName.getException().getMessage());
        Exchange badExpiry =
                tina(Map.of(TileDBConstants.OPERATION, "createToken", TileDBConstants.TOKEN_EXPIRES, "soon"));
        assertTrue(
                badExpiry.getException().getMessage().contains("CamelTileDBTokenExpires"),
                badExpiry.getException().getMessage());
        Exchange unknown = tina(Map.of(TileDBConstants.OPERATION, "revokeToken", TileDBConstants.TOKEN_NAME, "none"));
        assertEquals(
                404,
                assertInstanceOf(TileDBApiException.class, unknown.getException())
                        .getStatusCode());
    }
}
