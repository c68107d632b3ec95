package dev.cameltiledb.component;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.AssetInfo;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:assets} on classic TileDB Cloud: Python's {@code asset.list} ({@code GET /v1/assets/{namespace}}) and
 * {@code list_public} ({@code GET /v1/public_assets}) over HTTP to the emulator, with their filters, paging and lazy
 * streaming; and the error that names the platform when they meet a workspace server.
 */
class AssetListingTest extends CamelTestSupport {

    /** astrid owns the namespace: what is shared with it stays out of the other users' shared listings. */
    private static final String ASTRID_KEY = "astrid-key-6b0e2f91c4";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN, ASTRID_KEY);

    private static final String NS = "assetlist";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        List.of(new User("astrid", "astrid@example.com", null, List.of(ASTRID_KEY))),
                        List.of(new Organization(NS, Map.of("astrid", "owner"))),
                        List.of(
                                new Seed.SeedArray(NS, "a-sales", null, "sales", null, null, null, Map.of("k", "v")),
                                new Seed.SeedArray(NS, "b-notes", null, null, null, "notebook", null, null),
                                new Seed.SeedArray(NS, "c-report", null, null, null, "file", null, null),
                                new Seed.SeedArray(
                                        NS,
                                        "d-open",
                                        null,
                                        "for all",
                                        null,
                                        null,
                                        Map.of("public", List.of("read")),
                                        null),
                                new Seed.SeedArray(
                                        "carol",
                                        "e-lent",
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of(NS, List.of("read")),
                                        null))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String astrid = "?host=" + SuiteEmulator.get().url() + "&apiKey=" + ASTRID_KEY;
                from("direct:assets").to("tiledb:assets" + astrid);
                from("direct:groups").to("tiledb:groups" + astrid + "&namespace=" + NS);
            }
        };
    }

    private Object assets(String operation, Map<String, Object> headers) {
        return Operations.call(template, "direct:assets", operation, null, headers);
    }

    @SuppressWarnings("unchecked")
    private List<AssetInfo> list(Map<String, Object> headers) {
        return (List<AssetInfo>) assets("list", headers);
    }

    private static List<String> names(List<AssetInfo> assets) {
        return assets.stream().map(AssetInfo::name).toList();
    }

    private static RecordedExchange last(String path) {
        List<RecordedExchange> calls = calls(path);
        return calls.get(calls.size() - 1);
    }

    private static List<RecordedExchange> calls(String path) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals(path))
                .toList();
    }

    private static boolean groupsMade;

    /** Two groups of the namespace, g-holder holding a-sales; made once, whichever test runs first. */
    private void groups() {
        if (groupsMade) {
            return;
        }
        for (String group : List.of("f-group", "g-holder")) {
            Operations.call(
                    template,
                    "direct:groups",
                    "create",
                    null,
                    Map.of(
                            TileDBConstants.GROUP,
                            group,
                            TileDBConstants.STORAGE_URI,
                            "s3://bucket/assetlist/" + group));
        }
        Operations.call(
                template,
                "direct:groups",
                "addMembers",
                null,
                Map.of(TileDBConstants.GROUP, "g-holder", TileDBConstants.MEMBERS, "a-sales"));
        groupsMade = true;
    }

    @Test
    void aNamespaceListsEveryKindItOwnsAndWhatIsSharedWithIt() {
        groups();
        List<AssetInfo> all = list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.ORDER_BY, "name"));

        assertEquals(List.of("a-sales", "b-notes", "c-report", "d-open", "e-lent", "f-group", "g-holder"), names(all));
        assertEquals(
                List.of("array", "notebook", "file", "array", "array", "group", "group"),
                all.stream().map(AssetInfo::assetType).toList());
        assertEquals("group", all.get(5).assetBackingType());
        assertEquals("shared", all.get(4).assetOwnershipLevel());
        assertEquals("carol", all.get(4).namespaceName());
        assertEquals("owned", all.get(0).assetOwnershipLevel());
        assertEquals("GET", last("/v1/assets/" + NS).method());
        assertEquals(List.of("name"), last("/v1/assets/" + NS).query().get("order_by"));
    }

    @Test
    void everyFilterOfTheSpecReachesTheServiceAndNarrowsTheAnswer() {
        groups();
        assertEquals(
                List.of("b-notes"),
                names(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.ASSET_TYPE, "notebook"))));
        assertEquals(List.of("notebook"), last("/v1/assets/" + NS).query().get("asset_type"));

        assertEquals(
                List.of("e-lent"),
                names(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.OWNERSHIP_LEVEL, "shared"))));
        assertEquals(List.of("shared"), last("/v1/assets/" + NS).query().get("ownership_level"));

        List<String> roots = names(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.DEPTH, "root")));
        assertFalse(roots.contains("a-sales"), "a-sales sits in g-holder: " + roots);
        assertTrue(roots.contains("g-holder"));
        assertEquals(List.of("root"), last("/v1/assets/" + NS).query().get("depth"));

        assertEquals(
                List.of("d-open"),
                names(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.SEARCH, "FOR ALL"))));
        assertEquals(List.of("FOR ALL"), last("/v1/assets/" + NS).query().get("search"));

        List<String> descending = names(list(Map.of(
                TileDBConstants.NAMESPACE,
                NS,
                TileDBConstants.ORDER_BY,
                "name desc",
                TileDBConstants.ASSET_TYPE,
                "array")));
        assertEquals(List.of("e-lent", "d-open", "a-sales"), descending);

        List<AssetInfo> expanded = list(Map.of(
                TileDBConstants.NAMESPACE, NS, TileDBConstants.EXPAND, "metadata", TileDBConstants.SEARCH, "a-sales"));
        assertEquals("k", expanded.get(0).metadata().entries().get(0).key());
        assertEquals("v", expanded.get(0).metadata().entries().get(0).value());
        assertEquals(List.of("metadata"), last("/v1/assets/" + NS).query().get("expand"));
        assertEquals(
                null,
                list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.SEARCH, "a-sales"))
                        .get(0)
                        .metadata(),
                "metadata only when expanded");
    }

    @Test
    void pagesAreFetchedOneAtATimeAndStreamedLazily() {
        Exchange one = template.request(
                "direct:assets",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                TileDBConstants.OPERATION,
                                "list",
                                TileDBConstants.NAMESPACE,
                                NS,
                                TileDBConstants.PER_PAGE,
                                2,
                                TileDBConstants.PAGE,
                                2,
                                TileDBConstants.ORDER_BY,
                                "name")));
        assertEquals(List.of("c-report", "d-open"), names(one.getMessage().getBody(List.class)));
        assertEquals(2L, one.getMessage().getHeader(TileDBConstants.RESULT_PAGE, Long.class));
        assertTrue(one.getMessage().getHeader(TileDBConstants.TOTAL_ITEMS, Long.class) >= 5);

        assertEquals(
                3,
                list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.PER_PAGE, 2, TileDBConstants.MAX_RESULTS, 3))
                        .size());

        int before = calls("/v1/assets/" + NS).size();
        Object body = assets(
                "list",
                Map.of(
                        TileDBConstants.NAMESPACE,
                        NS,
                        TileDBConstants.PER_PAGE,
                        1,
                        TileDBConstants.STREAM_RESULTS,
                        true,
                        TileDBConstants.ORDER_BY,
                        "name"));
        Iterator<?> lazy = assertInstanceOf(Iterator.class, body);
        assertEquals("a-sales", ((AssetInfo) lazy.next()).name());
        assertEquals(1, calls("/v1/assets/" + NS).size() - before, "one page asked for the first asset");
        assertEquals("b-notes", ((AssetInfo) lazy.next()).name());
        assertEquals(2, calls("/v1/assets/" + NS).size() - before, "the second page only when it is used");
    }

    @Test
    void listPublicAndTheCallersOwnNamespaceByDefault() {
        @SuppressWarnings("unchecked")
        List<AssetInfo> open = (List<AssetInfo>)
                assets("listPublic", Map.of(TileDBConstants.SEARCH, "for all", TileDBConstants.DEPTH, "all"));
        assertEquals(List.of("d-open"), names(open));
        assertEquals("owned", open.get(0).assetOwnershipLevel(), "astrid owns assetlist");
        assertEquals(List.of("for all"), last("/v1/public_assets").query().get("search"));
        assertEquals(List.of("all"), last("/v1/public_assets").query().get("depth"));

        int before = calls("/v1/assets/astrid").size();
        assertNotNull(list(Map.of()));
        assertEquals(1, calls("/v1/assets/astrid").size() - before, "without a namespace, the caller's own");
    }

    @Test
    void onAWorkspaceServerTheClassicListingsFailNamingThePlatform() {
        Exchange known = template.request(
                SuiteEmulator.uri("assets", "operation=listPublic&serverGeneration=workspace"), e -> {});
        TileDBConfigurationException refused =
                assertInstanceOf(TileDBConfigurationException.class, known.getException());
        assertTrue(refused.getMessage().contains("classic TileDB Cloud only"), refused.getMessage());
        assertTrue(refused.getMessage().contains("namespace=workspace/teamspace"), refused.getMessage());

        TileDBEmulator workspace = TileDBEmulator.builder()
                .workspaceServer()
                .seed(new Seed(List.of(new User("wes", "wes@example.com", null, List.of("wes-key"))), null, null))
                .build()
                .start();
        try {
            String host = "host=" + workspace.url() + "&apiKey=wes-key";
            Exchange detected = template.request("tiledb:assets?operation=listPublic&" + host, e -> {});
            assertTrue(
                    detected.getException().getMessage().contains("is a workspace server"),
                    detected.getException().getMessage());
            Exchange classicNamespace = template.request("tiledb:assets?operation=list&namespace=wes&" + host, e -> {});
            assertTrue(
                    classicNamespace.getException().getMessage().contains("namespace wes is a classic address"),
                    classicNamespace.getException().getMessage());
        } finally {
            workspace.stop();
        }
    }
}
