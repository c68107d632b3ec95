package dev.cameltiledb.arraylake.emulator;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first endpoints over HTTP: who am I, my orgs, and the repo listing. */
class FirstEndpointsTest {

    static final String ETL_TOKEN = "ema_0123456789abcdef0123456789abcdef";

    @RegisterExtension
    static ArraylakeEmulatorExtension AL = new ArraylakeEmulatorExtension(b -> b.org("acme")
            .user("alice@example.com", "Alice", "Liddell")
            .member("acme", "alice@example.com", "admin")
            .serviceAccount("acme", "etl@acme.example", ETL_TOKEN, "member")
            .bucket(
                    "acme",
                    "main-bucket",
                    "s3",
                    "acme-data",
                    "",
                    Map.of("region_name", "us-east-1"),
                    Map.of("method", "anonymous"))
            .repo("acme", "climate", "main-bucket"));

    @Test
    void userTokenAnswersUserInfo() {
        ArraylakeEmulator emu = AL.emulator();
        Api.Reply reply = new Api(emu.url(), emu.userTokens("alice@example.com").idToken()).get("/user");
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals("alice@example.com", reply.body().path("email").asText());
        assertEquals("Liddell", reply.body().path("family_name").asText());
        assertTrue(reply.header("x-request-id") != null);
    }

    @Test
    void serviceTokenListsRepos() {
        ArraylakeEmulator emu = AL.emulator();
        Api.Reply reply = new Api(emu.url(), ETL_TOKEN).get("/orgs/acme/repos/paginated");
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals(1, reply.body().path("total").asInt());
        assertEquals("climate", reply.body().path("items").path(0).path("name").asText());
    }
}
