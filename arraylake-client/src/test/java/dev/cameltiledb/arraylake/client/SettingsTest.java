package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private static final String EXPLICIT = "ema_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String FROM_ENV = "ema_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @TempDir
    Path home;

    private Path tokenJson() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".arraylake"));
        return Files.writeString(
                dir.resolve("token.json"),
                "{\"access_token\":\"acc\",\"id_token\":\"eyJ.file.sig\",\"refresh_token\":\"ref\","
                        + "\"expires_in\":3600,\"token_type\":\"Bearer\"}");
    }

    private void configYaml(String text) throws IOException {
        Files.writeString(Files.createDirectories(home.resolve(".arraylake")).resolve("config.yaml"), text);
    }

    @Test
    void explicitTokenWinsOverEnvironmentAndFile() throws IOException {
        tokenJson();
        ArraylakeSettings s = ArraylakeSettings.resolve(
                ArraylakeSettings.builder().token(EXPLICIT), Map.of(ArraylakeSettings.ENV_TOKEN, FROM_ENV), home);
        assertEquals(EXPLICIT, s.token().reveal());
        assertNull(s.tokenFile());
        assertEquals("explicit", s.tokenSource());
    }

    @Test
    void environmentTokenWinsOverTheTokenFile() throws IOException {
        tokenJson();
        ArraylakeSettings s = ArraylakeSettings.resolve(
                ArraylakeSettings.builder(), Map.of(ArraylakeSettings.ENV_TOKEN, FROM_ENV), home);
        assertEquals(FROM_ENV, s.token().reveal());
        assertEquals("env ARRAYLAKE_TOKEN", s.tokenSource());
    }

    @Test
    void theTokenFileInHomeIsTheLastResort() throws IOException {
        Path file = tokenJson();
        ArraylakeSettings s = ArraylakeSettings.resolve(ArraylakeSettings.builder(), Map.of(), home);
        assertNull(s.token());
        assertEquals(file, s.tokenFile());
    }

    @Test
    void noTokenAnywhereIsAnErrorThatSaysWhereToPutOne() {
        ArraylakeException e = assertThrows(
                ArraylakeException.class, () -> ArraylakeSettings.resolve(ArraylakeSettings.builder(), Map.of(), home));
        assertTrue(e.getMessage().contains("ARRAYLAKE_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("token.json"), e.getMessage());
    }

    @Test
    void serviceUriChain() throws IOException {
        ArraylakeSettings.Builder explicit = ArraylakeSettings.builder().token(EXPLICIT);
        assertEquals(
                ArraylakeSettings.DEFAULT_SERVICE_URI,
                ArraylakeSettings.resolve(explicit, Map.of(), home).serviceUri());

        configYaml("# written by arraylake config\nchunkstore:\n  uri: s3://nope\nservice:\n"
                + "  uri: \"https://from-config.example\"  # comment\n");
        assertEquals(
                "https://from-config.example",
                ArraylakeSettings.resolve(explicit, Map.of(), home).serviceUri());

        Map<String, String> env = Map.of(ArraylakeSettings.ENV_SERVICE_URI, "https://from-env.example/");
        assertEquals(
                "https://from-env.example",
                ArraylakeSettings.resolve(explicit, env, home).serviceUri());

        ArraylakeSettings.Builder withUri =
                ArraylakeSettings.builder().token(EXPLICIT).serviceUri("http://x:1");
        assertEquals("http://x:1", ArraylakeSettings.resolve(withUri, env, home).serviceUri());
    }

    @Test
    void flatServiceUriKeyIsReadToo() throws IOException {
        configYaml("service.uri: https://flat.example\n");
        assertEquals(
                "https://flat.example",
                ArraylakeSettings.resolve(ArraylakeSettings.builder().token(EXPLICIT), Map.of(), home)
                        .serviceUri());
    }

    @Test
    void resolveLeavesTheCallersBuilderAlone() {
        ArraylakeSettings.Builder explicit = ArraylakeSettings.builder();
        ArraylakeSettings.resolve(explicit, Map.of(ArraylakeSettings.ENV_TOKEN, FROM_ENV), home);
        assertThrows(ArraylakeException.class, explicit::build);
    }

    @Test
    void toStringShowsNoToken() {
        ArraylakeSettings s = ArraylakeSettings.builder().token(EXPLICIT).build();
        assertFalse(s.toString().contains(EXPLICIT), s.toString());
        assertTrue(s.toString().contains("***"), s.toString());
        assertEquals("***", s.token().toString());
    }

    @Test
    void defaultsAreThePythonClients() {
        ArraylakeSettings s = ArraylakeSettings.builder().token(EXPLICIT).build();
        assertEquals(15, s.maxRetries());
        assertEquals(10, s.maxBackoff().toSeconds());
        assertEquals(60, s.maxRetryAfter().toSeconds());
        assertEquals(300, s.requestTimeout().toSeconds());
    }
}
