package dev.cameltiledb.emulator;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.page.EmulatorPage;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator page's JSON views and its HTML over real HTTP: what each view holds after real requests, the
 * exchanges with their verdict and the path filter, no secret anywhere, a 404 when the page is off, and the loopback
 * rule tried from a non-loopback address of this machine.
 */
class EmulatorPageHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The API key, the password (key + "-password") and a bearer: none may show on the page. */
    private static final String KEY = "alice-SECRET-key-7f3a";

    private static final String BEARER = "SECRET-bearer-91c2";

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB = EmulatorRequests.perClass(b -> {
        b.emulatorPage()
                .user("alice", KEY)
                .organization("acme", Map.of("alice", "owner"))
                .array("alice", "temps", List.of("weather"), Map.of());
        if (OfficialSpecs.available()) {
            b.specDirectory(OfficialSpecs.directory());
        }
    });

    @Test
    void viewsShowNamespacesAssetsWithActivityGroupsAndTasks() throws Exception {
        TileDBEmulator emu = TILEDB.server();
        emu.addActivity("alice", "temps", Instant.parse("2026-03-01T10:00:00Z"), "read_schema", "alice");
        assertEquals(
                204,
                send(emu, "POST", "/v1/groups/alice/create", "{\"name\": \"team\", \"uri\": \"s3://b/team\"}")
                        .statusCode());
        HttpResponse<String> sql = send(emu, "POST", "/v1/sql/alice", "{\"query\": \"select 1 as one\"}");
        assertEquals(200, sql.statusCode(), sql.body());

        JsonNode index = page(emu, "api/");
        assertEquals("TileDB Cloud emulator", index.get("emulator").asText());
        List<String> names = new ArrayList<>();
        index.get("views").forEach(v -> names.add(v.get("name").asText()));
        assertEquals(List.of("namespaces", "assets", "groups", "tasks", "exchanges"), names);
        assertEquals(200, index.get("exchangeWindow").asInt());

        JsonNode namespaces = page(emu, "api/namespaces").get("rows");
        assertEquals("user", find(namespaces, "name", "alice").get("kind").asText());
        assertEquals(
                "alice@example.com",
                find(namespaces, "name", "alice").get("email").asText());
        assertEquals(
                "owner", find(namespaces, "name", "acme").at("/members/alice").asText());

        JsonNode temps = find(page(emu, "api/assets").get("rows"), "name", "temps");
        assertEquals("array", temps.get("type").asText());
        assertEquals("alice", temps.get("namespace").asText());
        assertTrue(
                temps.get("recentActivity").toString().contains("2026-03-01T10:00:00Z read_schema by alice"),
                temps.toString());

        assertEquals(
                "alice",
                find(page(emu, "api/groups").get("rows"), "name", "team")
                        .get("namespace")
                        .asText());

        JsonNode task = find(
                page(emu, "api/tasks").get("rows"),
                "id",
                sql.headers().firstValue("X-TILEDB-CLOUD-TASK-ID").orElseThrow());
        assertEquals("SQL", task.get("type").asText());
        assertEquals("COMPLETED", task.get("status").asText());
    }

    @Test
    void exchangesAreListedNewestFirstWithTheirVerdictAndFilteredByPath() throws Exception {
        TileDBEmulator emu = TILEDB.server();
        assertEquals(200, send(emu, "GET", "/v1/user", null).statusCode());
        assertEquals(
                200, send(emu, "GET", "/v1/arrays/alice/temps/metadata", null).statusCode());
        assertEquals(404, send(emu, "GET", "/nowhere", null).statusCode());

        JsonNode all = page(emu, "api/exchanges").get("rows");
        assertEquals("/nowhere", all.get(0).get("path").asText(), "newest first");
        assertEquals(404, all.get(0).get("status").asInt());
        assertEquals("not checked", all.get(0).get("request").asText());
        assertTrue(all.get(0).get("number").asLong() > all.get(1).get("number").asLong());
        assertFalse(all.get(0).get("at").asText().isEmpty());

        JsonNode filtered = page(emu, "api/exchanges?path=" + URLEncoder.encode("TEMPS/meta", StandardCharsets.UTF_8));
        assertEquals("TEMPS/meta", filtered.get("filter").asText());
        JsonNode rows = filtered.get("rows");
        assertTrue(rows.size() >= 1, rows.toString());
        rows.forEach(r ->
                assertEquals("/v1/arrays/alice/temps/metadata", r.get("path").asText()));
        JsonNode metadata = rows.get(0);
        assertEquals("GET", metadata.get("method").asText());
        assertEquals(200, metadata.get("status").asInt());
        if (OfficialSpecs.available()) {
            assertEquals("valid", metadata.get("request").asText(), metadata.toString());
            assertEquals("valid", metadata.get("answer").asText(), metadata.toString());
            assertEquals(0, metadata.get("findings").size(), metadata.toString());
        } else {
            assertEquals("not checked", metadata.get("request").asText());
            assertTrue(metadata.get("findings").get(0).asText().contains("specDirectory"), metadata.toString());
        }
    }

    @Test
    void theHtmlPageAndItsScriptAreServedFromTheEmulatorItself() throws Exception {
        TileDBEmulator emu = TILEDB.server();
        HttpResponse<String> html = get(emu.pageUrl(), Optional.empty());
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(html.body().contains("<script src=\"page.js\"></script>"), html.body());
        assertFalse(html.body().contains("http://") || html.body().contains("https://"), "nothing from elsewhere");
        HttpResponse<String> script = get(emu.pageUrl() + "page.js", Optional.empty());
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("fetch(\"api/\""));
        assertFalse(script.body().contains("innerHTML"), "values go in as text");
        HttpResponse<String> bare = get(emu.url() + EmulatorPage.PATH, Optional.empty());
        assertEquals(302, bare.statusCode());
        assertEquals("/_emulator/", bare.headers().firstValue("location").orElseThrow());
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create(emu.pageUrl() + "api/exchanges"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode(), "read-only");
        assertEquals(404, get(emu.pageUrl() + "api/nothing", Optional.empty()).statusCode());
    }

    @Test
    void noKeyPasswordOrTokenShowsInAnyView() throws Exception {
        TileDBEmulator emu = TILEDB.server();
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("alice:" + KEY + "-password").getBytes(StandardCharsets.UTF_8));
        for (String auth : List.of(basic, "Bearer " + BEARER)) {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(emu.url() + "/v1/user?token=" + BEARER))
                            .header("Authorization", auth)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        send(emu, "GET", "/v1/arrays/alice/temps/metadata", null);
        StringBuilder everything = new StringBuilder();
        JsonNode index = page(emu, "api/");
        index.get("views")
                .forEach(v ->
                        everything.append(getText(emu, "api/" + v.get("name").asText())));
        everything.append(getText(emu, "")).append(getText(emu, "page.js")).append(getText(emu, "page.css"));
        assertTrue(everything.toString().contains("/v1/user"), "the exchanges are there");
        for (String secret : List.of(KEY, KEY + "-password", BEARER)) {
            assertFalse(everything.toString().contains(secret), "the page shows " + secret);
        }
    }

    @Test
    void pageAnswers404WhenOffAndIsOnNoRestPath() throws Exception {
        try (TileDBEmulator off =
                TileDBEmulator.builder().user("bob", "bob-key").build().start()) {
            for (String path : List.of("/_emulator/", "/_emulator/api/", "/_emulator/api/exchanges", "/_emulator")) {
                assertEquals(404, get(off.url() + path, Optional.empty()).statusCode(), path);
            }
            assertTrue(off.recordedExchanges().isEmpty(), "nothing recorded when neither the page nor a test asks");
        }
        TILEDB.server().routes().forEach(r -> assertFalse(r.path().startsWith(EmulatorPage.PATH), r.path()));
    }

    @Test
    void onlyLoopbackCallersSeeThePageUnlessAnyAddressIsAllowed() throws Exception {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        Assumptions.assumeTrue(
                outside != null,
                "this machine has no non-loopback IPv4 address to call from; EmulatorPageTest checks the rule alone");
        try (TileDBEmulator onAll = TileDBEmulator.builder()
                        .bindAddress("0.0.0.0")
                        .emulatorPage()
                        .build()
                        .start();
                TileDBEmulator open = TileDBEmulator.builder()
                        .bindAddress("0.0.0.0")
                        .emulatorPage()
                        .emulatorPageFromAnyAddress()
                        .build()
                        .start()) {
            String fromOutside = "http://" + outside.getHostAddress() + ":" + onAll.port() + "/_emulator/api/";
            HttpResponse<String> refused = get(fromOutside, Optional.empty());
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("loopback"), refused.body());
            assertEquals(
                    200,
                    get("http://127.0.0.1:" + onAll.port() + "/_emulator/api/", Optional.empty())
                            .statusCode());
            // the REST paths stay open to every address, as before
            assertEquals(
                    401,
                    get("http://" + outside.getHostAddress() + ":" + onAll.port() + "/v1/user", Optional.empty())
                            .statusCode());
            assertEquals(
                    200,
                    get("http://" + outside.getHostAddress() + ":" + open.port() + "/_emulator/api/", Optional.empty())
                            .statusCode());
        }
    }

    @Test
    void theCommandLineTurnsThePageOnAndNamesAWrongOption() {
        assertTrue(EmulatorCommandLine.parse(new String[] {"--page", "--page-exchanges", "10", "--port", "0"})
                .emulatorPageOn());
        assertFalse(EmulatorCommandLine.parse(new String[] {"--port", "0"}).emulatorPageOn(), "off by default");
        for (String[] wrong : List.of(
                new String[] {"--page-exchanges", "0"},
                new String[] {"--page-exchanges", "many"},
                new String[] {"--spec-dir", "/no/such/folder"})) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> EmulatorCommandLine.parse(wrong));
            assertTrue(
                    e.getMessage().contains("page-exchanges")
                            || e.getMessage().contains("emulatorPageExchanges")
                            || e.getMessage().contains("specDirectory"),
                    e.getMessage());
        }
    }

    /** An IPv4 address of an interface of this machine that is up and not loopback: a caller from it is no loopback. */
    static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.path(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " " + value + " in " + rows);
    }

    private static JsonNode page(TileDBEmulator emu, String path) throws Exception {
        HttpResponse<String> r = get(emu.pageUrl() + path, Optional.empty());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private static String getText(TileDBEmulator emu, String path) {
        try {
            HttpResponse<String> r = get(emu.pageUrl() + path, Optional.empty());
            assertEquals(200, r.statusCode(), path);
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private static HttpResponse<String> get(String url, Optional<String> key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        key.ifPresent(k -> b.header("X-TILEDB-REST-API-KEY", k));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(TileDBEmulator emu, String method, String path, String body)
            throws Exception {
        return EmulatorRequests.send(emu, method, path, KEY, body);
    }
}
