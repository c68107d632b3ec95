package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.LastAccessedArray;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listing operations of tiledb:arrays, with paging, streaming and filters, over HTTP to the emulator. */
class ArraysListingTest extends CamelTestSupport {

    /** More arrays than one page holds, in a namespace of their own. */
    private static final int PAGED_COUNT = 45;

    @BeforeAll
    static void seed() {
        TileDBEmulator emulator = SuiteEmulator.get();
        List<Seed.SeedArray> arrays = new ArrayList<>();
        IntStream.rangeClosed(1, PAGED_COUNT)
                .forEach(i -> arrays.add(new Seed.SeedArray(
                        "listing",
                        String.format("a%03d", i),
                        null,
                        "paged array " + i,
                        i % 3 == 0 ? List.of("three") : List.of(),
                        null,
                        null,
                        null)));
        arrays.add(new Seed.SeedArray(
                "listing-tags",
                "wide",
                null,
                "finance data",
                List.of("finance", "daily"),
                null,
                null,
                Map.of("owner", "finance-team")));
        arrays.add(new Seed.SeedArray(
                "listing-tags", "narrow", null, "other", List.of("finance"), "notebook", null, null));
        arrays.add(new Seed.SeedArray(
                "listing-tags", "open", null, null, List.of(), null, Map.of("public", List.of("read")), null));
        arrays.add(new Seed.SeedArray(
                "carol", "for-alice", null, null, List.of(), null, Map.of("alice", List.of("read")), null));
        arrays.add(new Seed.SeedArray(
                "carol", "for-acme", null, null, List.of(), null, Map.of("acme", List.of("read")), null));
        emulator.seed(new Seed(
                null,
                List.of(
                        new dev.cameltiledb.emulator.Organization("listing", Map.of("alice", "owner")),
                        new dev.cameltiledb.emulator.Organization("listing-tags", Map.of("alice", "owner"))),
                arrays));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to(SuiteEmulator.arrays("operation=list&namespace=listing&perPage=10"));
                from("direct:any").to(SuiteEmulator.arrays(""));
                from("direct:stream")
                        .to(SuiteEmulator.arrays("operation=list&namespace=listing&perPage=10&streamResults=true"));
            }
        };
    }

    @Test
    void listFetchesEveryPageAndReportsTotals() {
        Exchange reply = template.request("direct:list", e -> {});
        List<ArrayInfo> arrays = reply.getMessage().getBody(List.class);
        assertEquals(PAGED_COUNT, arrays.size());
        assertEquals("a001", arrays.get(0).name());
        assertEquals("a045", arrays.get(PAGED_COUNT - 1).name());
        assertEquals(45L, reply.getMessage().getHeader(TileDBConstants.TOTAL_ITEMS));
        assertEquals(5L, reply.getMessage().getHeader(TileDBConstants.TOTAL_PAGES));
    }

    @Test
    void pageHeaderFetchesOnePage() {
        Exchange reply = template.request("direct:list", e -> e.getMessage().setHeader(TileDBConstants.PAGE, 2));
        List<ArrayInfo> arrays = reply.getMessage().getBody(List.class);
        assertEquals(
                List.of("a011", "a012", "a013", "a014", "a015", "a016", "a017", "a018", "a019", "a020"),
                arrays.stream().map(ArrayInfo::name).toList());
        assertEquals(2L, reply.getMessage().getHeader(TileDBConstants.RESULT_PAGE));
        assertEquals(10L, reply.getMessage().getHeader(TileDBConstants.RESULT_PER_PAGE));
    }

    @Test
    void maxResultsStopsEarlyWithoutFetchingMorePages() {
        int before = browseRequests();
        List<ArrayInfo> arrays =
                template.requestBodyAndHeader("direct:list", null, TileDBConstants.MAX_RESULTS, 15, List.class);
        assertEquals(15, arrays.size());
        assertEquals(2, browseRequests() - before, "15 items at 10 per page need exactly two pages");
    }

    @Test
    void streamResultsFetchesPagesOnlyWhenAsked() {
        int before = browseRequests();
        Iterator<ArrayInfo> it = template.requestBody("direct:stream", null, Iterator.class);
        assertEquals(1, browseRequests() - before, "the first page is read for the totals");
        for (int i = 0; i < 10; i++) {
            it.next();
        }
        assertEquals(1, browseRequests() - before, "ten items come from the first page");
        assertTrue(it.hasNext());
        assertEquals(2, browseRequests() - before, "the eleventh item needs the second page");
        int count = 10;
        while (it.hasNext()) {
            it.next();
            count++;
        }
        assertEquals(PAGED_COUNT, count);
        assertEquals(5, browseRequests() - before);
    }

    @Test
    void streamedListSplitsLazily() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split")
                        .to(SuiteEmulator.arrays("operation=list&namespace=listing&perPage=7&streamResults=true"))
                        .split(body())
                        .streaming()
                        .to("mock:each");
            }
        });
        getMockEndpoint("mock:each").expectedMessageCount(PAGED_COUNT);
        template.sendBody("direct:split", null);
        getMockEndpoint("mock:each").assertIsSatisfied();
        assertInstanceOf(
                ArrayInfo.class,
                getMockEndpoint("mock:each").getExchanges().get(0).getMessage().getBody());
    }

    @Test
    void filtersReachTheService() {
        assertEquals(
                List.of("narrow", "wide"),
                names(list(
                        "list", Map.of(TileDBConstants.NAMESPACE, "listing-tags", TileDBConstants.TAGS, "finance"))));
        assertEquals(
                List.of("wide"),
                names(list(
                        "list",
                        Map.of(
                                TileDBConstants.NAMESPACE,
                                "listing-tags",
                                TileDBConstants.TAGS,
                                List.of("finance", "daily")))));
        assertEquals(
                List.of("narrow"),
                names(list(
                        "list",
                        Map.of(TileDBConstants.NAMESPACE, "listing-tags", TileDBConstants.FILE_TYPES, "notebook"))));
        assertEquals(
                List.of("open", "wide"),
                names(list(
                        "list",
                        Map.of(
                                TileDBConstants.NAMESPACE,
                                "listing-tags",
                                TileDBConstants.EXCLUDE_FILE_TYPES,
                                "notebook"))));
        assertEquals(
                List.of("narrow", "open"),
                names(list(
                        "list",
                        Map.of(TileDBConstants.NAMESPACE, "listing-tags", TileDBConstants.EXCLUDE_TAGS, "daily"))));
        assertEquals(List.of("wide"), names(list("list", Map.of(TileDBConstants.SEARCH, "FINANCE DATA"))));
        assertEquals(
                15,
                list("list", Map.of(TileDBConstants.NAMESPACE, "listing", TileDBConstants.TAGS, "three"))
                        .size());

        RecordedExchange last = lastBrowse();
        assertEquals(List.of("three"), last.query().get("tag"));
        assertEquals(List.of("listing"), last.query().get("namespace"));
    }

    @Test
    void listSharedAndSharedTo() {
        assertEquals(List.of("for-acme", "for-alice"), names(list("listShared", Map.of())));
        assertEquals(List.of("for-alice"), names(list("listShared", Map.of(TileDBConstants.SHARED_TO, "alice"))));
    }

    @Test
    void sharedToOnTheOwnedListingIsRefusedBeforeSending() {
        Exception e = template.request("direct:any", x -> {
                    x.getMessage().setHeader(TileDBConstants.OPERATION, "list");
                    x.getMessage().setHeader(TileDBConstants.SHARED_TO, "alice");
                })
                .getException();
        assertTrue(e.getMessage().contains("sharedTo"), e.getMessage());
    }

    @Test
    void listPublicShowsArraysSharedWithPublic() {
        List<ArrayInfo> arrays = list("listPublic", Map.of(TileDBConstants.NAMESPACE, "listing-tags"));
        assertEquals(List.of("open"), names(arrays));
        assertTrue(arrays.get(0).publicShare());
    }

    @Test
    void withMetadataAddsTheMetadata() {
        ArrayInfo without = byName(list("list", Map.of(TileDBConstants.NAMESPACE, "listing-tags")), "wide");
        assertEquals(null, without.metadata(), "no metadata unless asked for");
        ArrayInfo with = byName(
                list("list", Map.of(TileDBConstants.NAMESPACE, "listing-tags", TileDBConstants.WITH_METADATA, true)),
                "wide");
        assertEquals(1, with.metadata().size(), with.metadata().toString());
        assertEquals("owner", with.metadata().get(0).key());
        assertEquals("finance-team", with.metadata().get(0).value());
    }

    private static ArrayInfo byName(List<ArrayInfo> arrays, String name) {
        return arrays.stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + names(arrays)));
    }

    @Test
    void listInNamespaceIsUnpaged() {
        List<ArrayInfo> arrays = list("listInNamespace", Map.of(TileDBConstants.NAMESPACE, "listing"));
        assertEquals(PAGED_COUNT, arrays.size());
    }

    @Test
    void listAllWithPublicShareFilter() {
        List<String> only = names(list("listAll", Map.of(TileDBConstants.PUBLIC_SHARE, "only")));
        assertTrue(only.contains("open"));
        assertFalse(only.contains("wide"));
        List<String> exclude = names(list("listAll", Map.of(TileDBConstants.PUBLIC_SHARE, "exclude")));
        assertTrue(exclude.contains("wide"));
        assertFalse(exclude.contains("open"));
    }

    @Test
    void lastAccessedListsWhatWasJustRead() {
        template.requestBodyAndHeaders(
                "direct:any",
                null,
                Map.of(TileDBConstants.OPERATION, "schema", TileDBConstants.TILEDB_URI, "tiledb://listing/a007"));
        List<LastAccessedArray> recent = template.requestBodyAndHeader(
                "direct:any", null, TileDBConstants.OPERATION, "lastAccessed", List.class);
        assertEquals("a007", recent.get(0).arrayName());
        assertEquals("read_schema", recent.get(0).accessType());
    }

    @SuppressWarnings("unchecked")
    private List<ArrayInfo> list(String operation, Map<String, Object> headers) {
        return (List<ArrayInfo>) Operations.call(template, "direct:any", operation, null, headers);
    }

    private static List<String> names(List<ArrayInfo> arrays) {
        return arrays.stream().map(ArrayInfo::name).sorted().toList();
    }

    private static int browseRequests() {
        return (int) SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().startsWith("/v1/arrays/browser/"))
                .count();
    }

    private static RecordedExchange lastBrowse() {
        List<RecordedExchange> all = SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().startsWith("/v1/arrays/browser/"))
                .toList();
        return all.get(all.size() - 1);
    }
}
