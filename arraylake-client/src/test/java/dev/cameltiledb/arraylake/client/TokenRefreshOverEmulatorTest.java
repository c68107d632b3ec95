package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.cameltiledb.arraylake.client.model.UserInfo;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.RequestLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token-file user token is refreshed once on a 401 and the call retried; nothing else ever refreshes. */
class TokenRefreshOverEmulatorTest {

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";
    static final String ALICE_ID = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.YWxpY2Utc2lnbmF0dXJl";
    static final String ALICE_REFRESH = "v1.alice-refresh-token-0123456789";
    static final String BOB_ID = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.Ym9iLXNpZ25hdHVyZQ";
    static final String BOB_REFRESH = "v1.bob-refresh-token-0123456789";

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> b.org("acme")
            .user(ALICE, "Alice", "Liddell", ALICE_ID, ALICE_REFRESH)
            .user(BOB, "Bob", "Builder", BOB_ID, BOB_REFRESH)
            .member("acme", ALICE, "admin")
            .member("acme", BOB, "member"));

    @TempDir
    Path dir;

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    private Path tokenFile(String idToken, String refreshToken) throws IOException {
        return Files.writeString(
                dir.resolve("token.json"),
                "{\"access_token\":\"acc\",\"id_token\":\"" + idToken + "\",\"refresh_token\":\"" + refreshToken
                        + "\",\"expires_in\":86400,\"token_type\":\"Bearer\"}");
    }

    private static ArraylakeClient client(ArraylakeSettings.Builder b) {
        return ArraylakeClient.create(
                b.serviceUri(emu().url()).sleeper(ms -> {}).build());
    }

    private static List<String> seen() {
        return emu().requests().stream()
                .map(r -> r.method() + " " + r.path() + (r.authorizationPresent() ? " +auth" : ""))
                .toList();
    }

    @Test
    void anExpiredTokenFromTheFileIsRefreshedOnceAndTheCallRetried() throws IOException {
        Path file = tokenFile(ALICE_ID, ALICE_REFRESH);
        String before = Files.readString(file);
        try (ArraylakeClient c = client(ArraylakeSettings.builder().tokenFile(file))) {
            assertEquals(ALICE, c.user().email());
            emu().expireUserTokens(ALICE);
            emu().clearRequests();

            UserInfo me = assertInstanceOf(UserInfo.class, c.user());
            assertEquals(ALICE, me.email());
            assertEquals(List.of("GET /user +auth", "GET /refresh_token", "GET /user +auth"), seen());
            assertNotEquals(ALICE_ID, emu().userTokens(ALICE).idToken());

            emu().clearRequests();
            c.orgs();
            assertEquals(List.of("GET /user/orgs +auth"), seen(), "the refreshed token is kept for later calls");
        }
        assertEquals(before, Files.readString(file), "the Python client's file is not rewritten");
    }

    @Test
    void aSecond401AfterTheRefreshIsAnAuthError() throws IOException {
        Path file = tokenFile(emu().userTokens(BOB).idToken(), BOB_REFRESH);
        try (ArraylakeClient c = client(ArraylakeSettings.builder().tokenFile(file))) {
            emu().clearRequests();
            emu().faults().failNext(2, 401, "GET", "/user", null);
            ArraylakeAuthException e = assertThrows(ArraylakeAuthException.class, c::user);
            assertEquals(401, e.status());
            assertEquals(List.of("GET /user +auth", "GET /refresh_token", "GET /user +auth"), seen());
        }
    }

    @Test
    void aRefusedRefreshTokenSaysToLogInAgain() throws IOException {
        Path file = tokenFile(emu().userTokens(BOB).idToken(), "v1.not-a-known-refresh-token");
        try (ArraylakeClient c = client(ArraylakeSettings.builder().tokenFile(file))) {
            emu().expireUserTokens(BOB);
            ArraylakeAuthException e = assertThrows(ArraylakeAuthException.class, c::user);
            assertTrue(e.getMessage().contains("log in again"), e.getMessage());
            assertFalse(e.getMessage().contains("not-a-known-refresh-token"), e.getMessage());
        }
    }

    @Test
    void explicitTokensAreNeverRefreshed() {
        String stale = emu().userTokens(ALICE).idToken();
        emu().expireUserTokens(ALICE);
        emu().clearRequests();
        try (ArraylakeClient c = client(ArraylakeSettings.builder().token(stale))) {
            ArraylakeAuthException e = assertThrows(ArraylakeAuthException.class, c::user);
            assertEquals("Invalid token", e.detail());
        }
        try (ArraylakeClient c = client(ArraylakeSettings.builder().token("ema_unknown0000000000000000000000"))) {
            assertThrows(ArraylakeAuthException.class, c::orgs);
        }
        assertTrue(emu().requests().stream().map(RequestLine::path).noneMatch(p -> p.equals("/refresh_token")));
    }
}
