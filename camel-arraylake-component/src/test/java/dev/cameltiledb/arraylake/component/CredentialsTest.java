package dev.cameltiledb.arraylake.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.cameltiledb.arraylake.client.model.ApiTokenInfo;
import dev.cameltiledb.arraylake.client.model.Principal;
import dev.cameltiledb.arraylake.client.model.UserInfo;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.UserTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code login} and {@code logout} of seed 003, the way a route has them: a token option, a token file as the
 * Python client's login leaves it (refreshed once on a 401), ARRAYLAKE_TOKEN, and the .arraylake folder of the home
 * directory; removing the token file logs out.
 */
class CredentialsTest {

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    @TempDir
    Path home;

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    private Principal whoAmI(String uri, Map<String, String> env) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            ArraylakeComponent component = new ArraylakeComponent();
            component.setEnvironment(env, home);
            camel.addComponent("arraylake", component);
            camel.start();
            Exchange reply = camel.createProducerTemplate().request(uri, e -> {});
            if (reply.getException() != null) {
                throw reply.getException();
            }
            return reply.getMessage().getBody(Principal.class);
        }
    }

    private static String tokenJson(UserTokens t) {
        return "{\"access_token\":\"" + t.accessToken() + "\",\"id_token\":\"" + t.idToken() + "\",\"refresh_token\":\""
                + t.refreshToken() + "\",\"expires_in\":" + t.expiresIn() + ",\"token_type\":\"Bearer\"}";
    }

    @Test
    void aTokenOption() throws Exception {
        Principal me = whoAmI("arraylake:user?serviceUri=" + emu().url() + "&token=" + Fixture.ETL_TOKEN, Map.of());
        assertEquals(
                "etl@acme.example", assertInstanceOf(ApiTokenInfo.class, me).email());
    }

    @Test
    void aTokenFileRefreshedOnceWhenItsIdTokenExpired() throws Exception {
        Path file = home.resolve("alice-token.json");
        Files.writeString(file, tokenJson(emu().userTokens(Fixture.ALICE)));
        String uri = "arraylake:user?serviceUri=" + emu().url() + "&tokenFile=" + file;
        assertEquals(
                "Liddell",
                assertInstanceOf(UserInfo.class, whoAmI(uri, Map.of())).familyName());

        emu().expireUserTokens(Fixture.ALICE);
        long refreshes = Fixture.count(emu(), "GET", "/refresh_token");
        assertEquals(Fixture.ALICE, whoAmI(uri, Map.of()).email());
        assertEquals(refreshes + 1, Fixture.count(emu(), "GET", "/refresh_token"), "refreshed once");
    }

    @Test
    void theEnvironment() throws Exception {
        Principal me = whoAmI(
                "arraylake:user",
                Map.of("ARRAYLAKE_TOKEN", Fixture.ADMIN_TOKEN, "ARRAYLAKE_SERVICE__URI", emu().url()));
        assertEquals("admin@acme.example", me.email());
    }

    @Test
    void theHomeFolderLoginLeftAndLogoutByRemovingIt() throws Exception {
        Path dot = Files.createDirectories(home.resolve(".arraylake"));
        Files.writeString(dot.resolve("token.json"), tokenJson(emu().userTokens(Fixture.BOB)));
        Files.writeString(dot.resolve("config.yaml"), "service:\n  uri: " + emu().url() + "\n");
        assertEquals(Fixture.BOB, whoAmI("arraylake:user", Map.of()).email());

        Files.delete(dot.resolve("token.json")); // logout
        int before = emu().requests().size();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class, () -> whoAmI("arraylake:user", Map.of()));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(
                cause.getMessage().startsWith("No Arraylake token: give a token or token file, set ARRAYLAKE_TOKEN"),
                cause.getMessage());
        assertEquals(java.util.List.of(), Fixture.since(emu(), before), "the endpoint did not start: nothing sent");
    }

    @Test
    void componentPropertiesOfCamelMain() throws Exception {
        org.apache.camel.main.Main main = new org.apache.camel.main.Main();
        main.addInitialProperty("camel.component.arraylake.service-uri", emu().url());
        main.addInitialProperty("camel.component.arraylake.token", Fixture.ETL_TOKEN);
        main.start();
        try {
            Object me = main.getCamelContext().createProducerTemplate().requestBody("arraylake:user", (Object) null);
            assertEquals("etl@acme.example", ((Principal) me).email());
        } finally {
            main.stop();
        }
    }
}
