package dev.cameltiledb.arraylake.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Arraylake emulator's page over real HTTP: orgs, repos with their status, buckets without credentials, the
 * exchanges judged against openapi/arraylake-api.yaml and filtered by path, no token or secret anywhere, a 404 when
 * off. The loopback rule over the wire is shown by the TileDB emulator's page test (the same shared page).
 */
class EmulatorPageHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HMAC_SECRET = "SECRET-hmac-wJalrXUtnFEMI";

    @RegisterExtension
    static final ServerPerClass<ArraylakeEmulator> ARRAYLAKE = new ServerPerClass<>(() -> Fixtures.standard()
            .emulatorPage()
            .emulatorPageExchanges(50)
            .bucket(
                    "acme",
                    "keyed-bucket",
                    "s3",
                    "acme-keyed",
                    "",
                    Map.of("region_name", "eu-west-1"),
                    Map.of("method", "hmac", "access_key_id", "AKIAKEYED", "secret_access_key", HMAC_SECRET))
            .build()
            .start());

    @Test
    void viewsShowOrgsReposWithStatusAndBucketsWithoutCredentials() throws Exception {
        ArraylakeEmulator emu = ARRAYLAKE.server();
        emu.setRepoStatus("acme", "weather", "maintenance", "reindexing");

        JsonNode index = page(emu, "api/");
        assertEquals("Arraylake emulator", index.get("emulator").asText());
        List<String> names = new ArrayList<>();
        index.get("views").forEach(v -> names.add(v.get("name").asText()));
        assertEquals(List.of("orgs", "repos", "buckets", "exchanges"), names);
        assertEquals(50, index.get("exchangeWindow").asInt());

        JsonNode acme = find(page(emu, "api/orgs").get("rows"), "name", "acme");
        assertEquals("admin", acme.at("/members/alice@example.com").asText());
        assertEquals("member", acme.at("/apiClients/etl@acme.example").asText());

        JsonNode weather = find(page(emu, "api/repos").get("rows"), "name", "weather");
        assertEquals("maintenance", weather.get("status").asText());
        assertEquals("reindexing", weather.get("statusMessage").asText());
        assertEquals("main-bucket", weather.get("bucket").asText());

        JsonNode keyed = find(page(emu, "api/buckets").get("rows"), "nickname", "keyed-bucket");
        assertEquals("hmac", keyed.get("authMethod").asText());
        assertEquals("eu-west-1", keyed.at("/extraConfig/region_name").asText());
        assertFalse(keyed.has("authConfig"), keyed.toString());
    }

    @Test
    void exchangesAreJudgedAgainstTheDescriptionAndFilteredByPath() throws Exception {
        ArraylakeEmulator emu = ARRAYLAKE.server();
        Api etl = new Api(emu.url(), Fixtures.ETL_TOKEN);
        assertEquals(200, etl.get("/repos/acme/climate").status());
        assertEquals(200, etl.get("/orgs/acme/buckets").status());

        JsonNode rows = page(emu, "api/exchanges?path=/repos/acme/climate").get("rows");
        assertTrue(rows.size() >= 1, rows.toString());
        rows.forEach(r -> assertTrue(r.get("path").asText().contains("/repos/acme/climate"), r.toString()));
        JsonNode climate = rows.get(0);
        assertEquals("GET", climate.get("method").asText());
        assertEquals(200, climate.get("status").asInt());
        assertEquals("valid", climate.get("request").asText(), climate.toString());
        assertEquals("valid", climate.get("answer").asText(), climate.toString());
    }

    @Test
    void noTokenOrBucketSecretShowsInAnyView() throws Exception {
        ArraylakeEmulator emu = ARRAYLAKE.server();
        String idToken = emu.userTokens(Fixtures.ADMIN).idToken();
        Api alice = new Api(emu.url(), idToken);
        assertEquals(200, alice.get("/orgs/acme/buckets").status());
        new Api(emu.url(), Fixtures.ETL_TOKEN).get("/user");
        StringBuilder everything = new StringBuilder();
        page(emu, "api/")
                .get("views")
                .forEach(v -> everything.append(text(emu, "api/" + v.get("name").asText())));
        everything.append(text(emu, ""));
        assertTrue(everything.toString().contains("keyed-bucket"));
        for (String secret : List.of(
                Fixtures.ETL_TOKEN,
                Fixtures.OTHER_ORG_TOKEN,
                idToken,
                emu.userTokens(Fixtures.ADMIN).refreshToken(),
                HMAC_SECRET,
                "s3cr3t")) {
            assertFalse(everything.toString().contains(secret), "the page shows a secret: " + secret);
        }
    }

    @Test
    void offByDefaultThePageIsAnUnknownPath() throws Exception {
        try (ArraylakeEmulator off = Fixtures.standard().build().start()) {
            for (String path : List.of("/_emulator/", "/_emulator/api/exchanges")) {
                assertEquals(404, get(off.url() + path).statusCode(), path);
            }
        }
    }

    @Test
    void theCommandLineTurnsThePageOnAndNamesABadWindow() {
        assertTrue(ArraylakeEmulatorCommandLine.parse(new String[] {"--page", "--page-exchanges", "10", "--port", "0"})
                .emulatorPageOn());
        assertFalse(
                ArraylakeEmulatorCommandLine.parse(new String[] {"--port", "0"}).emulatorPageOn());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulatorCommandLine.parse(new String[] {"--page-exchanges", "many"}));
        assertTrue(e.getMessage().contains("--page-exchanges"), e.getMessage());
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.path(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " " + value + " in " + rows);
    }

    private static JsonNode page(ArraylakeEmulator emu, String path) throws Exception {
        HttpResponse<String> r = get(emu.pageUrl() + path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static String text(ArraylakeEmulator emu, String path) {
        try {
            HttpResponse<String> r = get(emu.pageUrl() + path);
            assertEquals(200, r.statusCode(), path);
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
