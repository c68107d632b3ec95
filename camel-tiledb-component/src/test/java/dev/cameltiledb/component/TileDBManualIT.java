package dev.cameltiledb.component;

import java.util.List;
import java.util.UUID;

import dev.cameltiledb.client.model.Token;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the real TileDB Cloud, by hand or from a CI job that holds a token: runs only when {@code TILEDB_REST_TOKEN}
 * is set ({@code TILEDB_REST_HOST} picks another deployment), and is reported as skipped otherwise. The endpoints name
 * no credentials: the component's credential chain reads both variables. Read-only, unless
 * {@code TILEDB_MANUAL_WRITES=true} also lets it create an API token and revoke it again. The token never reaches a log
 * line, even at DEBUG ({@link LogCapture}).
 */
@Tag("live")
@EnabledIfEnvironmentVariable(
        named = "TILEDB_REST_TOKEN",
        matches = ".+",
        disabledReason =
                "set TILEDB_REST_TOKEN (and TILEDB_REST_HOST for another deployment) to run against TileDB Cloud")
class TileDBManualIT {

    /** Everything logged, at DEBUG; checked here so that a leak is reported without the line that holds it. */
    @RegisterExtension
    static final LogCapture LOGS = LogCapture.hidingLeaks(System.getenv("TILEDB_REST_TOKEN"));

    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void theProfileOfTheTokensUser() {
        User user = template.requestBody("tiledb:user?operation=profile", null, User.class);
        assertNotNull(user.username(), "the service names the token's user");
    }

    @Test
    void onePageOfTheUsersArrays() {
        Object arrays = template.requestBody("tiledb:arrays?operation=list&page=1&perPage=5", (Object) null);
        List<?> page = assertInstanceOf(List.class, arrays);
        assertTrue(page.size() <= 5, "one page of at most perPage arrays, was " + page.size());
    }

    @Test
    @EnabledIfEnvironmentVariable(
            named = "TILEDB_MANUAL_WRITES",
            matches = "true",
            disabledReason = "writes only with TILEDB_MANUAL_WRITES=true")
    void anApiTokenIsCreatedListedAndRevoked() {
        String name = "camel-tiledb-manual-it-" + UUID.randomUUID().toString().substring(0, 8);
        Token created = template.requestBodyAndHeader(
                "tiledb:user?operation=createToken", null, TileDBConstants.TOKEN_NAME, name, Token.class);
        assertNotNull(created.token(), "the new token's secret comes back once");
        LOGS.watchFor(created.token());
        try {
            assertTrue(tokenNames().contains(name), "the new token is listed");
        } finally {
            template.requestBodyAndHeader("tiledb:user?operation=revokeToken", null, TileDBConstants.TOKEN_NAME, name);
        }
        assertFalse(tokenNames().contains(name), "the revoked token is gone");
    }

    private static List<String> tokenNames() {
        List<?> tokens = template.requestBody("tiledb:user?operation=tokens", null, List.class);
        return tokens.stream().map(t -> ((Token) t).name()).toList();
    }
}
