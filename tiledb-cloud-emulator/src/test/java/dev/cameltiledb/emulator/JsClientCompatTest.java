package dev.cameltiledb.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TileDB's JavaScript client, {@code @tiledb-inc/tiledb-cloud} 1.0.8, installed from npm into {@code target/} and run
 * by Node ({@code src/test/js/compat.mjs}) through its array, user, organization and notebook calls against the
 * emulator. Every exchange is recorded and checked: each call answers what the script expects, no 404 or 405 comes
 * back that the script did not ask for, and every request and answer conforms to the official spec. Runs with the
 * {@code js-compat} profile ({@code mvn -B verify -Pjs-compat}), which {@code .ci/run} turns on when {@code node} is
 * on the PATH; with the profile on, a missing Node or npm fails it.
 *
 * <p>Calls of the client left out, and why: the Cap'n Proto calls (array metadata get and update, and the query
 * calls behind {@code downloadNotebookContents} and {@code getFileContents}: data access stays out of the emulator);
 * {@code consolidateArray} and {@code vacuumArray} (storage maintenance of libtiledb); administration of accounts
 * (create, change and delete users and organizations, their members, password resets, e-mail confirmation) and of
 * AWS credentials; {@code requestToken}, {@code revokeToken}, {@code getTokenScopes}; {@code shutdownNotebookServer};
 * the task calls ({@code TasksApi}, {@code sql}, {@code udf}).
 */
@Tag("server")
@EnabledIfSystemProperty(named = "tiledb.jsCompat", matches = "true")
class JsClientCompatTest {

    private static final String PACKAGE = "@tiledb-inc/tiledb-cloud@1.0.8";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The spec's own faults, as ContractTest of the component lists them: endpoint, rule, part of the message, why. */
    private record SpecDefect(String request, String key, String messagePart, String why) {}

    private static final List<SpecDefect> SPEC_DEFECTS = List.of(new SpecDefect(
            "GET /v1/user",
            "validation.response.body.schema.type",
            "/default_s3_path_credentials_name",
            "openapi-v1.yaml gives User.default_s3_path_credentials_name no type (Organization's is a string)"));

    @Test
    void theJavaScriptClientRunsAgainstTheEmulatorWithinTheSpec() throws Exception {
        OfficialSpecs.directory();
        Path dir = Path.of("target", "js-compat").toAbsolutePath();
        Path script = install(dir);
        TileDBEmulator emulator = TileDBEmulator.builder()
                .recordExchanges()
                .user("alice", "alice-key")
                .user("bob", "bob-key")
                .organization("acme", Map.of("alice", "owner", "bob", "read_only"))
                .seed(new Seed(
                        null,
                        null,
                        List.of(new Seed.SeedArray(
                                "alice",
                                "analysis",
                                null,
                                "a notebook",
                                List.of("nb"),
                                null,
                                null,
                                null,
                                "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}"))))
                .build()
                .start();
        // the spec has no call that starts a notebook server: the script reads the status of a running one
        emulator.startNotebookServer("alice");
        List<JsonNode> calls;
        try (emulator) {
            calls = run(script, emulator.url());
        }

        // 1. each call answered what the script expects of it
        List<String> wrongAnswers = new ArrayList<>();
        for (JsonNode c : calls) {
            String name = c.get("call").asText();
            int status = c.get("status").asInt();
            if (status != c.get("expected").asInt()) {
                wrongAnswers.add(name + " -> " + status + " (expected " + c.get("expected") + "): " + c.path("detail"));
            }
        }
        JsonNode afterUpdate = detail(calls, "info after an update with tags []");
        assertEquals("changed", afterUpdate.path("description").asText(), afterUpdate.toString());
        assertEquals("[\"js\"]", afterUpdate.path("tags").toString(), "an empty tag list leaves the tags as they are");
        assertEquals("notebook", detail(calls, "info of the renamed notebook").asText());

        // 2. every exchange: no 404 or 405 the script did not ask for, and request and answer within the spec
        OpenApiInteractionValidator v1 = OfficialSpecs.validator("v1");
        OpenApiInteractionValidator v2 = OfficialSpecs.validator("v2");
        Set<String> askedFor404 = Set.of(
                "GET /v1/arrays/alice/registered/share bob",
                "PATCH /v1/arrays/alice/registered/share bob",
                "GET /v1/arrays/alice/no-such-array/metadata alice");
        List<RecordedExchange> exchanges = emulator.recordedExchanges();
        List<String> unexpected = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        int specDefects = 0;
        for (RecordedExchange x : exchanges) {
            String request = x.method() + " " + x.rawPath();
            String caller = x.requestHeaders()
                    .getOrDefault("x-tiledb-rest-api-key", List.of("?"))
                    .get(0)
                    .replace("-key", "");
            if ((x.status() == 404 || x.status() == 405) && !askedFor404.contains(request + " " + caller)) {
                unexpected.add(request + " -> " + x.status());
            }
            OpenApiInteractionValidator validator = x.rawPath().startsWith("/v2/") ? v2 : v1;
            for (ValidationReport.Message m : validator
                    .validate(OfficialSpecs.request(x), OfficialSpecs.response(x))
                    .getMessages()) {
                if (m.getLevel() != ValidationReport.Level.ERROR) {
                    continue;
                }
                if (SPEC_DEFECTS.stream()
                        .anyMatch(d -> d.request().equals(request)
                                && d.key().equals(m.getKey())
                                && m.getMessage().contains(d.messagePart()))) {
                    specDefects++;
                    continue;
                }
                violations.add(request + " -> " + x.status() + ": " + m.getKey() + ": " + m.getMessage());
            }
        }
        System.out.printf(
                "JavaScript client %s: %d calls, %d exchanges; %d unexpected 404/405, %d spec violations"
                        + " (%d findings caused by the spec itself)%n",
                PACKAGE, calls.size(), exchanges.size(), unexpected.size(), violations.size(), specDefects);
        assertEquals(List.of(), wrongAnswers, "calls that did not answer as expected");
        assertEquals(List.of(), unexpected, "404/405 the client did not ask for");
        assertEquals(List.of(), violations, "exchanges outside the official spec");
        assertTrue(calls.size() >= 40, "calls made: " + calls.size());
        assertTrue(exchanges.size() >= calls.size(), "every call reached the emulator");
    }

    private static JsonNode detail(List<JsonNode> calls, String name) {
        return calls.stream()
                .filter(c -> c.get("call").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the script made no call " + name))
                .path("detail");
    }

    /** npm installs the client into {@code dir} once; the script is copied beside it, so Node resolves the import. */
    private static Path install(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path script = dir.resolve("compat.mjs");
        Files.copy(Path.of("src", "test", "js", "compat.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        if (!Files.isDirectory(dir.resolve("node_modules/@tiledb-inc/tiledb-cloud"))) {
            String out = runToEnd(
                    dir, List.of("npm", "install", "--no-save", "--silent", "--prefix", dir.toString(), PACKAGE));
            assertTrue(
                    Files.isDirectory(dir.resolve("node_modules/@tiledb-inc/tiledb-cloud")),
                    "npm install " + PACKAGE + ": " + out);
        }
        return script;
    }

    private static List<JsonNode> run(Path script, String baseUrl) throws IOException, InterruptedException {
        String out = runToEnd(script.getParent(), List.of("node", script.toString(), baseUrl, "alice-key", "bob-key"));
        List<JsonNode> calls = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{\"call\"")) {
                calls.add(JSON.readTree(line));
            }
        }
        return calls;
    }

    /** Runs a command to its end; a non-zero exit fails the test with what it printed. */
    private static String runToEnd(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertEquals(0, exit, String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
