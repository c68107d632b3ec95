package dev.cameltiledb.arraylake.emulator;

import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer tokens of both kinds, expiry and refresh, {@code /user} and {@code /user/orgs}. */
class AuthHttpTest {

    @RegisterExtension
    static ServerPerClass<ArraylakeEmulator> AL =
            new ServerPerClass<>(() -> Fixtures.standard().build().start());

    @Test
    void userTokenIsJwtShapedAndAnswersUserInfo() {
        ArraylakeEmulator emu = AL.server();
        UserTokens tokens = emu.userTokens(Fixtures.ADMIN);
        assertTrue(tokens.idToken().startsWith("ey") && tokens.idToken().split("\\.").length == 3);
        assertFalse(tokens.toString().contains(tokens.idToken()), "toString hides tokens");

        Api.Reply reply = Fixtures.as(emu, Fixtures.ADMIN).get("/user");
        assertEquals(200, reply.status());
        assertEquals(emu.principalId(Fixtures.ADMIN), reply.body().path("id").asText());
        assertEquals("Alice", reply.body().path("first_name").asText());
        assertEquals("Liddell", reply.body().path("family_name").asText());
        assertEquals(Fixtures.ADMIN, reply.body().path("email").asText());
    }

    @Test
    void serviceTokenAnswersApiTokenInfo() {
        ArraylakeEmulator emu = AL.server();
        Api.Reply reply = Fixtures.service(emu).get("/user");
        assertEquals(200, reply.status());
        assertEquals(
                emu.apiClientId("acme", "etl@acme.example"),
                reply.body().path("id").asText());
        assertEquals("etl@acme.example", reply.body().path("email").asText());
        assertTrue(reply.body().path("expiration").canConvertToLong());
        assertFalse(reply.body().has("first_name"));
    }

    @Test
    void missingMalformedAndUnknownTokensAre401() {
        ArraylakeEmulator emu = AL.server();
        Api.Reply none = new Api(emu.url(), null).get("/user");
        assertEquals(401, none.status());
        assertEquals("Not authenticated", none.detail());
        assertEquals("Bearer", none.header("www-authenticate"));

        Api.Reply unknown = new Api(emu.url(), "ema_00000000000000000000000000000000").get("/user/orgs");
        assertEquals(401, unknown.status());
        assertEquals("Invalid token", unknown.detail());

        Api.Reply basic = new Api(emu.url(), null).send("GET", "/user", null);
        assertEquals(401, basic.status());
    }

    @Test
    void expiredUserTokenIs401UntilRefreshed() {
        ArraylakeEmulator emu = ArraylakeEmulator.builder()
                .org("acme")
                .user("eve@example.com", "Eve", "Moneypenny")
                .member("acme", "eve@example.com", "viewer")
                .build()
                .start();
        try {
            UserTokens before = emu.userTokens("eve@example.com");
            emu.expireUserTokens("eve@example.com");
            Api.Reply expired = new Api(emu.url(), before.idToken()).get("/user");
            assertEquals(401, expired.status());
            assertEquals(
                    401, new Api(emu.url(), before.accessToken()).get("/user").status());

            Api.Reply refreshed =
                    new Api(emu.url(), null).get("/refresh_token?token=" + Script.encode(before.refreshToken()));
            assertEquals(200, refreshed.status(), refreshed.body().toString());
            assertEquals("Bearer", refreshed.body().path("token_type").asText());
            assertFalse(refreshed.body().has("refresh_token"), "the refresh token stays and is not sent again");
            String newId = refreshed.body().path("id_token").asText();
            assertNotEquals(before.idToken(), newId);
            assertEquals(newId, emu.userTokens("eve@example.com").idToken());
            assertEquals(
                    before.refreshToken(), emu.userTokens("eve@example.com").refreshToken());
            assertEquals(200, new Api(emu.url(), newId).get("/user").status());
            // the refresh token works again after a refresh
            assertEquals(
                    200,
                    new Api(emu.url(), null)
                            .get("/refresh_token?token=" + Script.encode(before.refreshToken()))
                            .status());
        } finally {
            emu.stop();
        }
    }

    @Test
    void unknownRefreshTokenIs401AndMissingIs422() {
        Api anonymous = new Api(AL.server().url(), null);
        assertEquals(401, anonymous.get("/refresh_token?token=v1.nothing").status());
        Api.Reply missing = anonymous.get("/refresh_token");
        assertEquals(422, missing.status());
        assertEquals(
                "query",
                missing.body().path("detail").path(0).path("loc").path(0).asText());
        assertEquals(
                "token",
                missing.body().path("detail").path(0).path("loc").path(1).asText());
        assertEquals(
                "missing", missing.body().path("detail").path(0).path("type").asText());
    }

    @Test
    void orgsListsOnlyTheCallersOrgs() {
        ArraylakeEmulator emu = AL.server();
        Api.Reply alice = Fixtures.as(emu, Fixtures.ADMIN).get("/user/orgs");
        assertEquals(1, alice.body().size());
        assertEquals("acme", alice.body().path(0).path("name").asText());
        assertEquals("Acme research", alice.body().path(0).path("description").asText());
        assertTrue(alice.body().path(0).path("id").asText().matches("[0-9a-f-]{36}"));

        Api.Reply bot = new Api(emu.url(), Fixtures.OTHER_ORG_TOKEN).get("/user/orgs");
        assertEquals("globex", bot.body().path(0).path("name").asText());
        assertEquals(1, bot.body().size());
    }

    @Test
    void everyAnswerCarriesARequestIdAndEchoesTheCallersOwn() {
        ArraylakeEmulator emu = AL.server();
        Api.Reply fresh = new Api(emu.url(), null).get("/user");
        assertTrue(fresh.header("x-request-id").matches("[0-9a-f-]{36}"));
        Api.Reply unknownPath = new Api(emu.url(), null).get("/nothing/here");
        assertEquals(404, unknownPath.status());
        assertTrue(unknownPath.header("x-request-id") != null);

        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(emu.url() + "/user"))
                .header("x-request-id", "trace-42")
                .header("Authorization", "Bearer " + Fixtures.ETL_TOKEN)
                .build();
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    "trace-42", response.headers().firstValue("x-request-id").orElseThrow());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wrongMethodOnAKnownPathIs405() {
        Api.Reply reply = Fixtures.service(AL.server()).send("DELETE", "/user", null);
        assertEquals(405, reply.status());
        assertEquals("Method Not Allowed", reply.detail());
    }
}
