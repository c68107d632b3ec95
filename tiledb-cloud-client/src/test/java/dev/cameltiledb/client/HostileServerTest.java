package dev.cameltiledb.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.rest.testing.Hostile;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.cameltiledb.rest.testing.Hostile.acceptSilently;
import static dev.cameltiledb.rest.testing.Hostile.answer;
import static dev.cameltiledb.rest.testing.Hostile.endless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against servers of our own that misbehave on purpose: each test asserts how many requests went out and
 * that the call ends within its configured budget (by the waits asked for and the requests counted, never by
 * measuring wall time). The class timeout only turns a hang (what several of these faults caused before) into a failure.
 */
@org.junit.jupiter.api.Timeout(120)
class HostileServerTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture("hostile-key");

    private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

    private TileDBClient client(int port, RetryPolicy policy, int responseTimeoutMillis) {
        return client(
                port,
                policy,
                responseTimeoutMillis,
                ClientSettings.DEFAULT_CALL_TIMEOUT_MILLIS,
                ClientSettings.DEFAULT_MAX_RESPONSE_BYTES);
    }

    private TileDBClient client(
            int port, RetryPolicy policy, int responseTimeoutMillis, long callTimeout, long maxBytes) {
        return new TileDBClient(
                ClientSettings.builder()
                        .host("http://127.0.0.1:" + port)
                        .credentials(new Credentials.ApiKey("hostile-key", "test"))
                        .retryPolicy(policy)
                        .timeouts(2000, responseTimeoutMillis, 2000)
                        .limits(callTimeout, maxBytes)
                        .build(),
                waits::add);
    }

    /** Every item of the owned-arrays listing, page by page. */
    private static PagedIterator<ArrayInfo> owned(TileDBClient client) {
        return new PagedIterator<>(
                p -> client.arrays()
                        .browse(Listing.OWNED, new ArrayListQuery(ListingFilters.NONE, null, null, null), p),
                0);
    }

    /** Item 3: a server that accepts and never answers costs one retry budget per GET, not ten response timeouts. */
    @Test
    void aServerThatNeverAnswersCostsOneRetryBudget() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            acceptSilently(silent, held);
            RetryPolicy policy = new RetryPolicy(RetryMode.DEFAULT, 10, 1, 1, 1, false, 1000);
            try (TileDBClient client = client(silent.getLocalPort(), policy, 300)) {
                TileDBConnectionException e = assertThrows(
                        TileDBConnectionException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
                assertTrue(e.getMessage().contains("GET"), e.getMessage());
            }
            // each attempt spends its 300 ms response timeout: a 1000 ms budget allows at most four
            assertTrue(held.size() >= 2 && held.size() <= 4, "attempts: " + held.size());
            assertTrue(waits.size() == held.size() - 1, "one wait between attempts: " + waits);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** Item 3: a POST that timed out is never sent again: it may have done its work. */
    @Test
    void aPostThatTimedOutIsNotRetried() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            acceptSilently(silent, held);
            try (TileDBClient client = client(silent.getLocalPort(), RetryPolicy.DEFAULT, 300)) {
                assertThrows(
                        TileDBConnectionException.class,
                        () -> client.arrays()
                                .register(
                                        new AssetRef("ns", "s3://b/a"),
                                        new dev.cameltiledb.client.model.ArrayInfoUpdate(
                                                null,
                                                "a",
                                                "s3://b/a",
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null)));
            }
            assertEquals(1, held.size(), "one attempt");
            assertEquals(List.of(), waits);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * Item 4: pagination metadata that cannot end a listing (no total_pages or per_page), a claim of a billion pages,
     * and a server answering page 1 to every page request each stop the listing with a named error.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "{\"page\":1}                                                                              | 1 | without total_pages or per_page",
                "{\"page\":1,\"per_page\":1,\"total_pages\":1000000000,\"total_items\":1000000000} | 1 | 1000000000 pages",
                "{\"page\":1,\"per_page\":1,\"total_pages\":5,\"total_items\":5}                   | 2 | answered page 1 to the request for page 2"
            })
    void aListingWhosePagesCannotBeFollowedStopsWithANamedError(String pagination, int requests, String error)
            throws Exception {
        String page = "{\"arrays\":[{\"name\":\"a\",\"namespace\":\"ns\"}],\"pagination_metadata\":"
                + pagination.strip() + "}";
        try (Hostile server = new Hostile(x -> answer(x, 200, page));
                TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000)) {
            PagedIterator<ArrayInfo> all = owned(client);
            TileDBException e = assertThrows(TileDBException.class, () -> all.forEachRemaining(a -> {}));
            assertTrue(e.getMessage().contains(error.strip()), e.getMessage());
            assertEquals(requests, server.requests.get());
        }
    }

    /** Item 5: a 503 storm with Retry-After of a minute stops when the next wait would pass the retry budget. */
    @Test
    void aServiceUnavailableStormStopsAtTheRetryBudget() throws Exception {
        try (Hostile server =
                        new Hostile(x -> answer(x, 503, "{\"message\":\"busy\",\"code\":503}", "Retry-After", "60"));
                TileDBClient client = client(
                        server.port(),
                        new RetryPolicy(RetryMode.DEFAULT, 10, 250, 30_000, 60_000, true, 150_000),
                        2000)) {
            TileDBApiException e =
                    assertThrows(TileDBApiException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertEquals(503, e.getStatusCode());
            assertEquals(List.of(60_000L, 60_000L), waits, "two waits of a minute fit 150 s; a third would not");
            assertEquals(3, server.requests.get());
        }
    }

    /** Item 6: a redirect to a file: URL or to a URL with user info fails at once, with no retry and no secret. */
    @Test
    void aBadRedirectLocationFailsAtOnce() throws Exception {
        for (String location :
                List.of("file:///etc/passwd", "http://user:hunter2@127.0.0.1:1/v1/arrays/ns/a/metadata")) {
            waits.clear();
            try (Hostile server = new Hostile(x -> answer(x, 302, "", "Location", location));
                    TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000)) {
                TileDBConnectionException e = assertThrows(
                        TileDBConnectionException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
                assertTrue(e.getMessage().contains("the redirect is not followed"), e.getMessage());
                assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
                assertEquals(1, server.requests.get(), location);
                assertEquals(List.of(), waits, location);
            }
        }
    }

    /** Item 1: an endless JSON body fails at maxResponseSize and the connection is dropped, not drained. */
    @Test
    void anEndlessBodyFailsAtTheSizeLimitWithoutBeingDrained() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 0));
                TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000, 60_000, 256 * 1024)) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> client.arrays().listAll(null));
            assertTrue(
                    e.getMessage().contains("GET /v1/arrays is larger than maxResponseSize (262144 bytes)"),
                    e.getMessage());
            assertEquals(1, server.requests.get());
            assertEquals(List.of(), waits, "not retried");
        }
    }

    /** Item 2: a server that drips a byte every 100 ms never trips a socket timeout; callTimeout ends the call. */
    @Test
    void aDrippingServerIsCutOffByTheCallTimeout() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 100));
                TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000, 1000, 1024 * 1024)) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> client.arrays().listAll(null));
            assertTrue(
                    e.getMessage().contains("GET /v1/arrays did not complete within callTimeout (1000 ms)"),
                    e.getMessage());
            assertEquals(1, server.requests.get(), "a call past its deadline is not retried");
        }
    }

    /** Item 16: an answer of null or {} where a model is expected is an error naming the call. */
    @Test
    void aNullOrEmptyAnswerIsAnError() throws Exception {
        for (String body : List.of("null", "{}")) {
            try (Hostile server = new Hostile(x -> answer(x, 200, body));
                    TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000)) {
                TileDBException e = assertThrows(
                        TileDBException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
                assertTrue(
                        e.getMessage()
                                .contains("answered GET /v1/arrays/ns/a/metadata with "
                                        + (body.equals("null") ? "null" : "an empty object")
                                        + " where a ArrayInfo was expected"),
                        e.getMessage());
            }
        }
    }

    /** Item 3: streamed answers left open exhaust the pool; the error says so and how many are held, without retrying. */
    @Test
    void anExhaustedPoolIsExplained() throws Exception {
        try (Hostile server = new Hostile(x -> answer(x, 200, "{\"name\": \"a\", \"namespace\": \"ns\"}"));
                TileDBClient client = new TileDBClient(
                        ClientSettings.builder()
                                .host("http://127.0.0.1:" + server.port())
                                .credentials(new Credentials.ApiKey("hostile-key", "test"))
                                .maxConnections(1)
                                .timeouts(2000, 2000, 200)
                                .build(),
                        waits::add)) {
            java.io.InputStream leaked = client.notebooks().download(new AssetRef("ns", "nb"), null);
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertTrue(
                    e.getMessage()
                            .contains("No connection of the pool (maxConnections=1) came free within"
                                    + " connectionRequestTimeout (200 ms)"),
                    e.getMessage());
            assertTrue(
                    e.getMessage().contains("1 of them is held by streamed answers (downloadAs=stream) not yet closed"),
                    e.getMessage());
            assertEquals(List.of(), waits, "not retried");
            leaked.close();
            assertEquals(
                    "a",
                    client.arrays().info(new AssetRef("ns", "a")).name(),
                    "closing the stream frees the connection");
        }
    }
}
