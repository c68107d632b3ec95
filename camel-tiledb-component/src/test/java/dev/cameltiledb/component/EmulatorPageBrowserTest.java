package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.emulator.TileDBEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TileDB emulator's page in a real headless Chromium: a Camel route asks for an array's info, then the browser
 * loads the page's exchanges view (its JavaScript fetching the JSON), and the DOM lists the route's exchange, judged
 * valid against TileDB's official spec (not checked where {@code ../shared/spec} is missing, outside CI). A
 * screenshot goes to {@code target/emulator-page.png}; with {@code -Demulator.page.docs=true} it also replaces
 * {@code docs/images/emulator-page.png}. Skipped, saying which package to install, where chromium is not on the PATH.
 */
@Tag("server")
class EmulatorPageBrowserTest extends CamelTestSupport {

    private static final String KEY = "paige-SECRET-key-3c9d";
    private static final Optional<Path> SPECS = ContractTest.specDirectoryIfPresent();

    @RegisterExtension
    static final TileDBEmulatorExtension TILEDB = new TileDBEmulatorExtension(b -> {
        b.emulatorPage()
                .user("paige", KEY)
                .organization("labs", Map.of("paige", "owner"))
                .array("paige", "readings", List.of("sensors"), Map.of())
                .array("labs", "calibration", List.of(), Map.of());
        SPECS.ifPresent(b::specDirectory);
    });

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:info")
                        .to("tiledb:arrays?operation=info&namespace=paige&apiKey=" + KEY + "&host="
                                + TILEDB.emulator().url());
            }
        };
    }

    @Test
    void theRoutesExchangeIsListedAsValidInTheBrowser() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.onPath();
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        TILEDB.emulator().onRequest(line -> sent.add(line.rawPath()));
        ArrayInfo info =
                (ArrayInfo) template.requestBodyAndHeader("direct:info", null, TileDBConstants.ARRAY, "readings");
        TILEDB.emulator().onRequest(null);
        assertEquals("readings", info.name());
        assertEquals(1, sent.size(), "the route made one call: " + sent);
        String routePath = sent.get(0);

        String url = TILEDB.emulator().pageUrl() + "#exchanges?path=/paige/readings";
        String dom = chromium.dumpDom(url);

        assertTrue(dom.contains("<h1 id=\"emulator\">TileDB Cloud emulator</h1>"), "the script ran: " + dom);
        List<Map<String, String>> rows = exchangeRows(dom);
        assertFalse(rows.isEmpty(), "the exchanges view lists the route's exchange: " + dom);
        rows.forEach(r -> assertTrue(r.get("data-path").contains("/paige/readings"), "the filter applies: " + r));
        Map<String, String> routeExchange = rows.stream()
                .filter(r -> r.get("data-path").equals(routePath))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + routePath + " in " + rows));
        assertEquals("GET", routeExchange.get("data-method"));
        assertEquals("200", routeExchange.get("data-status"));
        String expected = SPECS.isPresent() ? "valid" : "not checked";
        assertEquals(expected, routeExchange.get("data-request"), routeExchange.toString());
        assertEquals(expected, routeExchange.get("data-answer"), routeExchange.toString());
        assertFalse(dom.contains(KEY), "the page shows the API key");

        Path shot = Path.of("target", "emulator-page.png");
        chromium.screenshot(TILEDB.emulator().pageUrl() + "#exchanges", shot, 1100, 300);
        byte[] png = Files.readAllBytes(shot);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        if (Boolean.getBoolean("emulator.page.docs")) {
            assertTrue(png.length < 150_000, "a screenshot small enough to commit: " + png.length + " bytes");
            Path docs = Path.of("..", "docs", "images", "emulator-page.png");
            Files.createDirectories(docs.getParent());
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("wrote " + docs.toAbsolutePath().normalize() + " (" + png.length + " bytes)");
        }
    }

    private static final Pattern ROW = Pattern.compile("<tr class=\"exchange\"([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(data-[a-z]+)=\"([^\"]*)\"");

    /** Each exchange row's data attributes (method, path, status, request, answer), top to bottom. */
    private static List<Map<String, String>> exchangeRows(String dom) {
        List<Map<String, String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(dom);
        while (row.find()) {
            Map<String, String> attributes = new java.util.HashMap<>();
            Matcher a = ATTRIBUTE.matcher(row.group(1));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2));
            }
            rows.add(attributes);
        }
        return rows;
    }
}
