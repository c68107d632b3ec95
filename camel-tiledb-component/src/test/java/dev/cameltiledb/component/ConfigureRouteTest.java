package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.User;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:user?operation=configure}, seed 001's {@code configure} as a route: the body's arguments become a
 * profile, written owner-only; an endpoint started for it needs no credentials; the next endpoint logs in with the
 * profile. Secrets reach no log line (at DEBUG), no exception and no endpoint URI.
 */
class ConfigureRouteTest extends CamelTestSupport {

    private static final String TOKEN = "cfg-token-3b9d1e";
    private static final String PASSWORD = "cfg-password-71c4";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(TOKEN, PASSWORD);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path profiles;

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        List.of(new dev.cameltiledb.emulator.User("cfg", "cfg@example.com", PASSWORD, List.of(TOKEN))),
                        null,
                        null));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // no credentials anywhere (no option, the test JVM has no profile): configure starts all the same
                from("direct:configure").to("tiledb:user?operation=configure&profileDir=" + profiles);
            }
        };
    }

    private Path configure(Object body) {
        return template.requestBody("direct:configure", body, Path.class);
    }

    @Test
    void theProfileWrittenIsTheOneTheNextEndpointLogsInWith() throws Exception {
        Path file = configure(Map.of(
                "token",
                TOKEN,
                "workspace",
                "genomics",
                "host",
                SuiteEmulator.get().url(),
                "profile_name",
                "cfg"));

        assertEquals(profiles.resolve("profiles.json"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        JsonNode profile = JSON.readTree(file.toFile()).get("cfg");
        assertEquals(TOKEN, profile.get("rest.token").asText());
        assertEquals("genomics", profile.get("rest.workspace").asText());

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:login").to("tiledb:user?operation=profile&profileName=cfg&profileDir=" + profiles);
            }
        });
        assertEquals(
                "cfg", template.requestBody("direct:login", null, User.class).username());
    }

    @Test
    void whatPythonRefusesFailsNamingItAndWritesNothing() {
        Path file = profiles.resolve("profiles.json");
        boolean existed = Files.exists(file);
        CamelExecutionException noHost = assertThrows(
                CamelExecutionException.class,
                () -> configure("{\"username\": \"cfg\", \"password\": \"" + PASSWORD + "\", \"workspace\": \"w\","
                        + " \"profile_name\": \"refused\"}"));
        TileDBConfigurationException e = assertInstanceOf(TileDBConfigurationException.class, noHost.getCause());
        assertEquals("A profile needs a host: the TileDB server's address, such as api.tiledb.com", e.getMessage());

        CamelExecutionException noWorkspace = assertThrows(
                CamelExecutionException.class,
                () -> configure(Map.of("token", TOKEN, "host", "h.example.com", "profile_name", "refused")));
        assertTrue(noWorkspace.getCause().getMessage().startsWith("A profile needs a workspace"));

        CamelExecutionException misspelt = assertThrows(
                CamelExecutionException.class,
                () -> configure(Map.of("token", TOKEN, "host", "h.example.com", "worksapce", "w")));
        assertTrue(misspelt.getCause().getMessage().startsWith("configure has no argument 'worksapce'"));

        for (Exception refused : List.of(noHost, noWorkspace, misspelt)) {
            assertFalse(refused.toString().contains(TOKEN), refused.toString());
            assertFalse(refused.toString().contains(PASSWORD), refused.toString());
        }
        assertEquals(existed, Files.exists(file));
        assertFalse(Files.exists(file) && readProfiles().has("refused"), "nothing written");
    }

    @Test
    void anExistingProfileIsReplacedOnlyWithOverwrite() {
        Map<String, Object> first =
                Map.of("token", "first-1", "workspace", "w", "host", "h.example.com", "profile_name", "twice");
        configure(first);
        CamelExecutionException refused = assertThrows(
                CamelExecutionException.class,
                () -> configure(Map.of(
                        "token", "second-2", "workspace", "w", "host", "h.example.com", "profile_name", "twice")));
        assertTrue(refused.getCause().getMessage().contains("give overwrite to replace it"));
        assertEquals("first-1", readProfiles().get("twice").get("rest.token").asText());

        configure(Map.of(
                "token",
                "second-2",
                "workspace",
                "w",
                "host",
                "h.example.com",
                "profile_name",
                "twice",
                "overwrite",
                true));
        assertEquals("second-2", readProfiles().get("twice").get("rest.token").asText());
    }

    /** The endpoint was started without a connection: any other operation, asked for by header, says so. */
    @Test
    void anotherOperationOnTheConfigureEndpointIsRefusedNamingWhy() {
        CamelExecutionException e = assertThrows(
                CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:configure", null, TileDBConstants.OPERATION, "profile"));
        assertInstanceOf(TileDBConfigurationException.class, e.getCause());
        assertTrue(
                e.getCause().getMessage().contains("was started for configure"),
                e.getCause().getMessage());
    }

    private static JsonNode readProfiles() {
        try {
            return JSON.readTree(profiles.resolve("profiles.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
