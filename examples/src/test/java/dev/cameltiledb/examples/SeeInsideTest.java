package dev.cameltiledb.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.emulator.common.page.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "See inside", as its first command runs it: {@link ExamplesApplication} in a JVM of its own, started
 * from the project's root with the examples' own logging, prints where each emulator's page and Camel's developer
 * consoles are; those addresses answer over HTTP, the consoles with Camel's own, the pages with the pipelines' latest
 * exchanges and their verdicts against the API descriptions.
 */
@Tag("server")
class SeeInsideTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TILEDB_PAGE = Pattern.compile("emulator page \\(TileDB\\): (http://\\S+)");
    private static final Pattern ARRAYLAKE_PAGE = Pattern.compile("emulator page \\(Arraylake\\): (http://\\S+)");
    private static final Pattern CONSOLES = Pattern.compile("dev consoles: (http://\\S+/q/dev)");
    /** The path of the catalog sync's listing, on a ten-second cron: an exchange the page always has. */
    private static final String CATALOG_LISTING = "/v1/arrays/browser/owned";
    /** The maintenance window's listing of the org's repositories, on its own cron. */
    private static final String REPO_LISTING = "/orgs/demo-org/repos/paginated";

    /** TileDB's classic specs, where the build says they are: with them the classic exchanges are judged. */
    private static final Path SPECS = Path.of(System.getProperty("tiledb.spec.dir", "../../shared/spec"));

    @TempDir
    static Path dir;

    private static Process app;
    private static Path log;
    private static String tiledbPage;
    private static String arraylakePage;
    private static String consoles;

    @BeforeAll
    static void runTheExamples() throws IOException {
        log = dir.resolve("examples.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the examples' logback.xml (INFO for the pipelines and the application), not the tests' (WARN only)
        URL logging = ExamplesApplication.class.getResource("/logback.xml");
        assertNotNull(logging, "the examples' logback.xml");
        command.add("-Dlogback.configurationFile=" + logging);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(ExamplesApplication.class.getName());
        // from the project's root, as the README's command runs it (routes/*.yaml, ../shared/spec)
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // the embedded emulators and the demo's settings, whatever the caller's shell holds
        env.keySet().removeIf(k -> k.startsWith("TILEDB_") || k.startsWith("ARRAYLAKE_") || k.startsWith("KAFKA_"));
        env.put("TILEDB_EXAMPLES_DIR", dir.toString());
        env.put("TILEDB_CATALOG_JDBC_URL", "jdbc:h2:file:" + dir.resolve("catalog"));
        // only a net, should this JVM die before it stops the examples
        env.put("TILEDB_EXAMPLES_DURATION", "300");
        if (specsPresent()) {
            env.put(SeeInside.SPEC_DIR, SPECS.toAbsolutePath().toString());
        }
        app = builder.start();
        Await.until(
                () -> !app.isAlive() || printed(CONSOLES) != null, "the examples to print where the dev consoles are");
        assertTrue(app.isAlive(), "the examples stopped early:\n" + output());
        tiledbPage = printed(TILEDB_PAGE);
        arraylakePage = printed(ARRAYLAKE_PAGE);
        consoles = printed(CONSOLES);
        assertNotNull(tiledbPage, "the TileDB emulator's page is printed:\n" + output());
        assertNotNull(arraylakePage, "the Arraylake emulator's page is printed:\n" + output());
    }

    @AfterAll
    static void stopTheExamples() throws InterruptedException {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(1, TimeUnit.MINUTES)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void theDevConsolesAreOnLoopbackAndListCamelsOwn() {
        assertTrue(consoles.startsWith("http://127.0.0.1:"), consoles);
        HttpResponse<String> index = get(consoles);
        assertEquals(200, index.statusCode(), index.body());
        JsonNode ids = json(index);
        assertTrue(ids.has("context") && ids.has("route"), "Camel's own consoles are listed: " + ids.fieldNames());
        JsonNode context = json(get(consoles + "/context")).path("context");
        assertEquals("camel-tiledb-examples", context.path("name").asText(), context.toString());
    }

    @Test
    void theTileDBPageJudgesTheCatalogSyncsListing() {
        HttpResponse<String> html = get(tiledbPage);
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("content-type").orElse("").startsWith("text/html"));

        JsonNode listing = latestExchange(tiledbPage, CATALOG_LISTING);
        assertEquals("GET", listing.path("method").asText());
        assertEquals(200, listing.path("status").asInt());
        String expected = specsPresent() ? Verdict.VALID : Verdict.NOT_CHECKED;
        assertEquals(expected, listing.path("request").asText(), listing.toString());
        assertEquals(expected, listing.path("answer").asText(), listing.toString());
    }

    @Test
    void theArraylakePageJudgesTheMaintenanceWindowsListingAgainstTheDescriptionItShips() {
        JsonNode listing = latestExchange(arraylakePage, REPO_LISTING);
        assertEquals(200, listing.path("status").asInt());
        // the validator is on the examples' class path, and the description is in the emulator's jar: always judged
        assertEquals(Verdict.VALID, listing.path("request").asText(), listing.toString());
        assertEquals(Verdict.VALID, listing.path("answer").asText(), listing.toString());
    }

    /** Everything the pipelines sent so far, and every answer, holds to the API descriptions (or is not checked). */
    @Test
    void noExchangeOfThePipelinesIsInvalid() {
        latestExchange(tiledbPage, CATALOG_LISTING);
        latestExchange(arraylakePage, REPO_LISTING);
        for (String page : List.of(tiledbPage, arraylakePage)) {
            List<String> invalid = new ArrayList<>();
            JsonNode rows = json(get(page + "api/exchanges")).path("rows");
            for (JsonNode row : rows) {
                if (Verdict.INVALID.equals(row.path("request").asText())
                        || Verdict.INVALID.equals(row.path("answer").asText())) {
                    invalid.add(row.toString());
                }
            }
            assertTrue(rows.size() > 0, page);
            assertEquals(List.of(), invalid, "invalid exchanges on " + page);
        }
    }

    /** The components' own consoles, over the HTTP dev console: endpoints, consumers and clients, no token. */
    @Test
    void ourConsolesShowTheRoutesEndpointsAndConsumersWithoutASecret() {
        String line = printedLine(CONSOLES);
        assertTrue(line.contains(consoles + "/tiledb") && line.contains(consoles + "/arraylake"), line);

        Await.until(
                () -> {
                    JsonNode console = json(get(consoles + "/tiledb")).path("tiledb");
                    return audit(console).path("partitionsHeld").size() > 0
                            && console.path("clients").path(0).path("requests").asLong() > 0;
                },
                "the activity audit leading its stream, and requests sent, in the tiledb console");
        HttpResponse<String> tiledb = get(consoles + "/tiledb");
        assertEquals(200, tiledb.statusCode(), tiledb.body());
        JsonNode tiledbConsole = json(tiledb).path("tiledb");
        JsonNode audit = audit(tiledbConsole);
        assertEquals("activity", audit.path("streamKind").asText(), tiledb.body());
        assertEquals("tiledb:activity", audit.path("endpoint").asText(), tiledb.body());
        // (its last poll's requests may be 0: the namespace listing is shared with the UDF-on-write's consumer)
        assertTrue(audit.path("lastPollRequests").isNumber(), tiledb.body());
        assertEquals("all", audit.path("partitionsHeld").path(0).asText(), tiledb.body());
        assertFalse(audit.path("lastPoll").isNull(), tiledb.body());
        assertFalse(tiledb.body().contains(ExamplesApplication.DEMO_TOKEN), "no token in the tiledb console");

        HttpResponse<String> arraylake = get(consoles + "/arraylake");
        assertEquals(200, arraylake.statusCode(), arraylake.body());
        JsonNode arraylakeConsole = json(arraylake).path("arraylake");
        assertFalse(arraylakeConsole.isMissingNode(), arraylake.body());
        // the maintenance window's and the data catalog's endpoints
        assertTrue(arraylake.body().contains("repos"), arraylake.body());
        assertFalse(
                arraylake.body().contains(ExamplesApplication.ARRAYLAKE_DEMO_TOKEN),
                "no token in the arraylake console");
    }

    /** The activity audit's consumer in the tiledb console's JSON (a missing node until it is listed). */
    private static JsonNode audit(JsonNode console) {
        for (JsonNode consumer : console.path("consumers")) {
            if (consumer.path("routeId").asText().equals("activity-audit")) {
                return consumer;
            }
        }
        return MissingNode.getInstance();
    }

    /** The newest exchange on {@code path} the page lists, once the route has sent one (its JSON twin, filtered). */
    private static JsonNode latestExchange(String page, String path) {
        String url = page + "api/exchanges?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        Await.until(() -> json(get(url)).path("rows").size() > 0, "an exchange on " + path + " at " + page);
        JsonNode rows = json(get(url)).path("rows");
        for (JsonNode row : rows) {
            assertTrue(row.path("path").asText().contains(path), "the page filters by path: " + row);
        }
        return rows.get(0);
    }

    private static boolean specsPresent() {
        return Files.isRegularFile(SPECS.resolve("openapi-v1.yaml"))
                && Files.isRegularFile(SPECS.resolve("openapi-v2.yaml"));
    }

    /** The address the examples printed on a line matching {@code line}, or null before they printed it. */
    private static String printed(Pattern line) {
        Matcher m = line.matcher(output());
        return m.find() ? m.group(1) : null;
    }

    private static String printedLine(Pattern line) {
        return output().lines().filter(l -> line.matcher(l).find()).findFirst().orElse("");
    }

    private static String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from " + response.uri() + ": " + response.body(), e);
        }
    }
}
