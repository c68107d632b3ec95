package dev.cameltiledb.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.testing.Hostile;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.cameltiledb.testing.Hostile.acceptSilently;
import static dev.cameltiledb.testing.Hostile.answer;
import static dev.cameltiledb.testing.Hostile.endless;
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
            // what the dev consoles show of the client
            assertEquals(3, client.stats().attempts());
            assertEquals(2, client.stats().retries());
            assertEquals(0, client.stats().deadlineHits());
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
            assertEquals(1, client.stats().deadlineHits());
            assertEquals(0, client.stats().retries());
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
            assertEquals(1, client.stats().leased(), "the stream holds the pool's one connection");
            assertEquals(1, client.stats().max());
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertTrue(
                    e.getMessage()
                            .contains("No connection of the pool (maxConnections=1) came free within"
                                    + " connectionRequestTimeout (200 ms)"),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .contains("1 of them is held by streamed answers (downloadAs=stream, or SQL, UDF and task"
                                    + " results streamed) not yet closed"),
                    e.getMessage());
            assertEquals(List.of(), waits, "not retried");
            leaked.close();
            assertEquals(0, client.stats().leased(), "closed: back in the pool");
            assertEquals(
                    "a",
                    client.arrays().info(new AssetRef("ns", "a")).name(),
                    "closing the stream frees the connection");
        }
    }

    /** Issue 27 item 7: a notebook read whole (downloadAs=string or bytes) stops at maxResponseSize, not at the heap. */
    @Test
    void anEndlessNotebookReadWholeFailsAtTheSizeLimit() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 0));
                TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000, 60_000, 256 * 1024)) {
            TileDBException e = assertThrows(
                    TileDBException.class, () -> client.notebooks().downloadBytes(new AssetRef("ns", "nb"), null));
            assertTrue(
                    e.getMessage()
                            .contains("GET /v1/arrays/ns/nb/query/get_file is larger than maxResponseSize (262144"
                                    + " bytes)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("downloadAs=stream"), e.getMessage());
            assertEquals(1, server.requests.get());
            assertEquals(List.of(), waits, "not retried");
        }
    }

    /** Issue 27 item 7: a file read whole at a byte now and then is cut off at callTimeout, its body included. */
    @Test
    void aDrippingFileReadWholeIsCutOffByTheCallTimeout() throws Exception {
        // a workspace server: its capabilities answer at once, the file comes a byte every 100 ms
        try (Hostile server = new Hostile(x -> {
                    if (x.getRequestURI().getPath().equals("/v4/capabilities")) {
                        answer(x, 200, "{\"workspaces\":true}");
                    } else {
                        endless(x, 100);
                    }
                });
                TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000, 1000, 1024 * 1024)) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class,
                    () -> client.files().downloadBytes(AssetRef.parse("tiledb://ws/ts/data/x.csv")));
            assertTrue(
                    e.getMessage().startsWith("GET /v4/files/ws/ts/")
                            && e.getMessage().contains("did not complete within callTimeout (1000 ms)"),
                    e.getMessage());
            assertEquals(2, server.requests.get(), "the capabilities, then the file once: not retried");
        }
    }

    /**
     * Issue 27 item 12: a server or proxy that echoes the request headers into its error page does not put the API
     * key into the exception (the class's LogCapture also fails if it reaches a log).
     */
    @Test
    void anErrorPageEchoingTheRequestHoldsNoApiKey() throws Exception {
        try (Hostile server = new Hostile(x -> answer(
                        x,
                        400,
                        "<html>Bad request. You sent: X-TILEDB-REST-API-KEY: "
                                + x.getRequestHeaders().getFirst("X-TILEDB-REST-API-KEY") + "</html>"));
                TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000)) {
            TileDBApiException e =
                    assertThrows(TileDBApiException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertFalse(e.getMessage().contains("hostile-key"), e.getMessage());
            assertTrue(e.getMessage().contains("X-TILEDB-REST-API-KEY: xxxxxx"), e.getMessage());
            assertEquals(1, server.requests.get());
        }
    }

    /**
     * Issue 27 item 17: the default maxResponseSize is sized by the heap, so that it bounds memory: at a 96 MiB heap a
     * 64 MiB listing (185 MiB once parsed) is refused after 1.5 MiB, where a fixed 64 MiB ran out of memory.
     */
    @Test
    void theDefaultSizeLimitFollowsTheHeap() throws Exception {
        assertEquals(
                dev.cameltiledb.rest.BoundedInputStream.defaultLimit(
                        Runtime.getRuntime().maxMemory()),
                ClientSettings.DEFAULT_MAX_RESPONSE_BYTES);
        long at96MiB = dev.cameltiledb.rest.BoundedInputStream.defaultLimit(96L << 20);
        assertEquals(1_572_864, at96MiB);
        try (Hostile server = new Hostile(x -> endless(x, 0));
                TileDBClient client = client(server.port(), RetryPolicy.DEFAULT, 2000, 60_000, at96MiB)) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> client.arrays().listAll(null));
            assertTrue(e.getMessage().contains("larger than maxResponseSize (1572864 bytes)"), e.getMessage());
            assertEquals(1, server.requests.get());
        }
    }

    /**
     * Issue 27 item 19: the retry budget covers the retried attempt too. After a 503, the retry may only take what is
     * left of maxRetryTime (1 s here), not a whole responseTimeout (30 s) past it.
     */
    @Test
    void aRetryOnlyTakesWhatIsLeftOfTheRetryBudget() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        try (Hostile server = new Hostile(x -> {
                    if (seen.incrementAndGet() == 1) {
                        answer(x, 503, "{\"message\":\"busy\"}");
                        return;
                    }
                    try {
                        release.await(); // the retry gets no answer until the test is over
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                TileDBClient client =
                        client(server.port(), new RetryPolicy(RetryMode.DEFAULT, 10, 1, 1, 1, false, 1000), 30_000)) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> client.arrays().info(new AssetRef("ns", "a")));
            assertTrue(
                    e.getMessage()
                            .contains("GET /v1/arrays/ns/a/metadata did not complete within maxRetryTime (1000 ms)"),
                    e.getMessage());
            assertEquals(2, server.requests.get(), "the 503, then one retry cut off by the budget");
            assertEquals(1, waits.size());
        } finally {
            release.countDown();
        }
    }
}
