package dev.cameltiledb.component.producer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameltiledb.client.TileDBException;
import dev.cameltiledb.testing.Hostile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.cameltiledb.testing.Hostile.answer;
import static dev.cameltiledb.testing.Hostile.endless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a route holds in memory stays bounded against a hostile server (issue 27): a download into a string stops at
 * maxResponseSize, and a listing without maxResults stops at {@link ListingReply#MAX_LISTED_ITEMS} items with an error
 * pointing to maxResults and streamResults. Requests are counted; nothing is timed.
 */
@Timeout(120)
class InMemoryBoundsTest extends CamelTestSupport {

    private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d+)");
    private static final int PER_PAGE = 1000;

    private static Hostile server;

    @BeforeAll
    static void start() throws Exception {
        server = new Hostile(x -> {
            String path = x.getRequestURI().getPath();
            if (path.startsWith("/v4/")) {
                answer(x, 404, "{\"message\":\"classic TileDB Cloud\"}");
            } else if (path.endsWith("/metadata")) {
                answer(x, 200, "{\"name\":\"nb\",\"namespace\":\"ns\",\"file_type\":\"notebook\"}");
            } else if (path.endsWith("/get_file")) {
                endless(x, 0);
            } else {
                answer(x, 200, fullPage(x.getRequestURI().getRawQuery()));
            }
        });
    }

    /** A full page of the number asked for, in a listing that claims 99,999 of them. */
    private static String fullPage(String query) {
        Matcher m = PAGE.matcher("?" + query);
        int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < PER_PAGE; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"a")
                    .append(page)
                    .append('-')
                    .append(i)
                    .append("\",\"namespace\":\"ns\"}");
        }
        return "{\"arrays\":[" + items + "],\"pagination_metadata\":{\"page\":" + page + ",\"per_page\":" + PER_PAGE
                + ",\"total_pages\":99999,\"total_items\":" + 99_999L * PER_PAGE + "}}";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String connection = "&host=" + server.url() + "&apiKey=bounds-key&retryMode=disabled";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download")
                        .to("tiledb:notebooks?operation=download&namespace=ns&array=nb&maxResponseSize=262144"
                                + connection);
                from("direct:list").to("tiledb:arrays?operation=list&perPage=" + PER_PAGE + connection);
            }
        };
    }

    /** Item 7: downloadAs=string (the default) of a notebook that never ends fails at maxResponseSize. */
    @Test
    void anEndlessNotebookAsAStringStopsAtMaxResponseSize() {
        int before = server.requests.get();
        Exchange reply = template.request("direct:download", e -> {});
        assertInstanceOf(TileDBException.class, reply.getException());
        String message = reply.getException().getMessage();
        assertTrue(message.contains("larger than maxResponseSize (262144 bytes)"), message);
        assertTrue(message.contains("downloadAs=stream"), message);
        assertEquals(2, server.requests.get() - before, "its info, then its contents, once");
    }

    /** Item 18: a listing without maxResults over 99,999 full pages stops at 100,000 items, naming the options. */
    @Test
    void aListingWithoutMaxResultsStopsAtTheItemCap() {
        int before = server.requests.get();
        Exchange reply = template.request("direct:list", e -> {});
        assertInstanceOf(TileDBException.class, reply.getException());
        String message = reply.getException().getMessage();
        assertTrue(message.contains("more than " + ListingReply.MAX_LISTED_ITEMS + " items"), message);
        assertTrue(message.contains("maxResults") && message.contains("streamResults=true"), message);
        assertEquals(ListingReply.MAX_LISTED_ITEMS / PER_PAGE + 1, server.requests.get() - before);
    }
}
