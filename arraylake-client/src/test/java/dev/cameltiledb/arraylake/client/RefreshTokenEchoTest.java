package dev.cameltiledb.arraylake.client;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.cameltiledb.testing.Hostile;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.cameltiledb.testing.Hostile.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 12, for the token file's refresh token: a server that refuses the user token and then echoes the
 * refresh request (its query holds the refresh token) and its headers into the error page puts neither the refresh
 * token nor the user token into the exception or, through the class's {@link LogCapture}, into a log.
 */
@Timeout(60)
class RefreshTokenEchoTest {

    private static final String ID_TOKEN = "eyJ.user-id-token-0f0f0f0f0f0f0f0f.sig";
    private static final String REFRESH = "v1.echoed-refresh-token-5e5e5e5e5e5e";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(ID_TOKEN, REFRESH);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {400, 401})
    void anErrorPageEchoingTheRefreshRequestHoldsNeitherToken(int refreshStatus) throws Exception {
        Path tokenFile = Files.writeString(
                dir.resolve("token.json"),
                "{\"access_token\":\"acc\",\"id_token\":\"" + ID_TOKEN + "\",\"refresh_token\":\"" + REFRESH
                        + "\",\"expires_in\":86400,\"token_type\":\"Bearer\"}");
        try (Hostile server = new Hostile(x -> {
                    String echo = "echo: " + x.getRequestURI() + " "
                            + x.getRequestHeaders().entrySet();
                    answer(
                            x,
                            x.getRequestURI().getPath().equals("/refresh_token") ? refreshStatus : 401,
                            "{\"detail\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(echo) + "}");
                });
                ArraylakeClient client = ArraylakeClient.create(ArraylakeSettings.builder()
                        .serviceUri(server.url())
                        .tokenFile(tokenFile)
                        .sleeper(ms -> {})
                        .build())) {
            ArraylakeException e = assertThrows(ArraylakeException.class, client::user);
            String message = e.getMessage() + " "
                    + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertFalse(message.contains(REFRESH), message);
            assertFalse(message.contains(ID_TOKEN), message);
            assertTrue(message.contains("token=xxxxxx"), "the echoed refresh request is in the message: " + message);
            assertEquals(2, server.requests.get(), "the call, then its refresh; the refused refresh is not retried");
            assertTrue(LOGS.lines().stream().noneMatch(l -> l.contains(REFRESH) || l.contains(ID_TOKEN)));
        }
    }
}
