package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.model.ArrayBrowserSidebar;
import dev.cameltiledb.client.model.NotebookStatus;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The array operations the emulator served but no URI reached: an array's versions (its fragments' end timestamps),
 * the fragment a read at a time opens, the non-empty domain by dimension name, the browser listings' sidebars; and a
 * namespace's notebook server. Each over HTTP to the emulator, asserted on the request it received and on the answer.
 */
class ArrayFragmentsAndSidebarsTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "fragns";
    private static final String NOTEBOOK = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        List.of(new Organization(NS, Map.of("alice", "owner"))),
                        List.of(
                                new Seed.SeedArray(NS, "grid", "s3://bucket/grid", null, null, null, null, null),
                                new Seed.SeedArray(
                                        NS,
                                        "lent",
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("bob", List.of("read"), "public", List.of("read")),
                                        null),
                                new Seed.SeedArray(
                                        NS,
                                        "journal",
                                        "s3://bucket/journal",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        NOTEBOOK))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:arrays").to(SuiteEmulator.arrays("namespace=" + NS));
                from("direct:notebooks")
                        .to(SuiteEmulator.uri(
                                "notebooks", "namespace=" + NS + "&storagePath=s3://bucket/nb&onExists=overwrite"));
                from("direct:bob")
                        .to("tiledb:arrays?host=" + SuiteEmulator.get().url() + "&apiKey=" + SuiteEmulator.BOB_TOKEN);
            }
        };
    }

    private Object arrays(String operation, Map<String, Object> headers) {
        return Operations.call(template, "direct:arrays", operation, null, headers);
    }

    private static RecordedExchange last(String method, String path) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.method().equals(method) && x.rawPath().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }

    @Test
    @SuppressWarnings("unchecked")
    void versionsAndTheFragmentAReadAtATimeOpens() {
        Operations.call(template, "direct:notebooks", "upload", NOTEBOOK, Map.of(TileDBConstants.ARRAY, "journal"));
        List<Long> versions = (List<Long>) arrays("versions", Map.of(TileDBConstants.ARRAY, "journal"));
        assertEquals(2, versions.size());
        assertTrue(versions.get(0) < versions.get(1), versions.toString());
        assertEquals(
                List.of("1"),
                last("GET", "/v1/arrays/fragns/journal/end_timestamps").query().get("page"));
        List<Long> asNotebook = (List<Long>) Operations.call(
                template, "direct:notebooks", "versions", null, Map.of(TileDBConstants.ARRAY, "journal"));
        assertEquals(versions, asNotebook);
        assertEquals(
                "GET",
                last("GET", "/v1/notebooks/fragns/journal/end_timestamps").method());

        long first = versions.get(0);
        assertEquals(
                first,
                arrays(
                        "fragmentEndTimestamp",
                        Map.of(TileDBConstants.ARRAY, "journal", TileDBConstants.END_TIMESTAMP, first)));
        assertEquals(
                List.of(String.valueOf(first)),
                last("GET", "/v1/arrays/fragns/journal/fragment_end_timestamp")
                        .query()
                        .get("end_timestamp"));
        assertEquals(versions.get(1), arrays("fragmentEndTimestamp", Map.of(TileDBConstants.ARRAY, "journal")));
        assertEquals(
                null,
                last("GET", "/v1/arrays/fragns/journal/fragment_end_timestamp")
                        .query()
                        .get("end_timestamp"));
    }

    @Test
    void theNonEmptyDomainByDimensionName() {
        assertEquals(
                Map.of("rows", List.of(1, 100)),
                arrays("nonEmptyDomainJson", Map.of(TileDBConstants.TILEDB_URI, "tiledb://fragns/grid")));
        assertEquals(
                "GET",
                last("GET", "/v1/arrays/fragns/grid/non_empty_domain_json").method());
    }

    @Test
    void sidebarsCountEachListingPerNamespace() {
        ArrayBrowserSidebar owned = (ArrayBrowserSidebar) arrays("sidebar", Map.of());
        assertEquals(3L, owned.resultCountByNamespace().get(NS));
        ArrayBrowserSidebar ownedNotebooks =
                (ArrayBrowserSidebar) arrays("sidebar", Map.of(TileDBConstants.FILE_TYPES, "notebook"));
        assertEquals(1L, ownedNotebooks.resultCountByNamespace().get(NS));
        assertEquals(
                List.of("notebook"),
                last("GET", "/v1/arrays/browser/owned/sidebar").query().get("file_type"));

        ArrayBrowserSidebar shared =
                (ArrayBrowserSidebar) Operations.call(template, "direct:bob", "sharedSidebar", null, Map.of());
        assertEquals(1L, shared.resultCountByNamespace().get(NS));
        assertTrue(shared.namespaces().contains(NS));
        assertEquals("GET", last("GET", "/v1/arrays/browser/shared/sidebar").method());

        ArrayBrowserSidebar open = (ArrayBrowserSidebar) arrays("publicSidebar", Map.of());
        assertEquals(1L, open.resultCountByNamespace().get(NS));
        assertEquals("GET", last("GET", "/v1/arrays/browser/public/sidebar").method());
    }

    @Test
    void aNamespacesNotebookServerItsStatusAndShutdown() {
        assertNull(
                Operations.call(template, "direct:notebooks", "serverStatus", "kept?", Map.of()),
                "no server runs: the body is null");
        SuiteEmulator.get().startNotebookServer(NS);
        NotebookStatus status =
                (NotebookStatus) Operations.call(template, "direct:notebooks", "serverStatus", null, Map.of());
        assertEquals(NS, status.namespace());
        assertEquals(2L << 30, status.memoryLimit());
        assertEquals("GET", last("GET", "/v1/notebooks/server/fragns/status").method());

        Operations.call(template, "direct:notebooks", "shutdownServer", null, Map.of());
        assertEquals(204, last("DELETE", "/v1/notebooks/server/fragns").status());
        assertNull(Operations.call(template, "direct:notebooks", "serverStatus", null, Map.of()));
    }
}
