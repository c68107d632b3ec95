package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.testing.Hostile;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.cameltiledb.testing.Hostile.answer;
import static dev.cameltiledb.testing.Hostile.endless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Arraylake client against servers of our own that misbehave on purpose (issue 27): each test asserts how many
 * requests went out and that the call ends at its configured bound (by the waits asked for, the requests counted and
 * the bound the error names, never by measuring wall time). The class timeout only turns a hang, what each of these
 * faults caused before, into a failure.
 */
@Timeout(120)
class HostileServerTest {

    private static final String TOKEN = "ema_h0stile0h0stile0h0stile0h0stile";
    private static final RepoName REPO = RepoName.of("acme", "climate");
    private static final String REPO_JSON =
            "{\"_id\":\"0123456789abcdef01234567\",\"org\":\"acme\",\"name\":\"climate\"}";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(TOKEN);

    private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

    private ArraylakeSettings.Builder settings(int port) {
        return ArraylakeSettings.builder()
                .serviceUri("http://127.0.0.1:" + port)
                .token(TOKEN)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .sleeper(waits::add)
                .jitter(() -> 0.5);
    }

    private ArraylakeClient client(int port) {
        return ArraylakeClient.create(settings(port).build());
    }

    /** Item 1: an endless answer fails at maxResponseSize, and its connection is closed, not drained. */
    @Test
    void anEndlessAnswerFailsAtTheSizeLimitWithoutBeingDrained() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 200, 0, "{\"_id\": \""));
                ArraylakeClient client = ArraylakeClient.create(
                        settings(server.port()).maxResponseSize(256 * 1024).build())) {
            ArraylakeException e =
                    assertThrows(ArraylakeException.class, () -> client.repos().get(REPO));
            assertTrue(
                    e.getMessage()
                            .contains("GET /repos/acme/climate is larger than maxResponseSize (262144 bytes); it was"
                                    + " abandoned unread"),
                    e.getMessage());
            assertEquals(1, server.requests.get());
            assertEquals(List.of(), waits, "not retried");
        }
    }

    /** Item 1: the same for a listing, whose endless item sits inside the page. */
    @Test
    void anEndlessListingFailsAtTheSizeLimit() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 200, 0, "{\"items\": [{\"_id\": \""));
                ArraylakeClient client = ArraylakeClient.create(
                        settings(server.port()).maxResponseSize(256 * 1024).build())) {
            ArraylakeException e =
                    assertThrows(ArraylakeException.class, () -> client.repos().list("acme", null));
            assertTrue(
                    e.getMessage()
                            .startsWith("The answer to GET /orgs/acme/repos/paginated is larger than"
                                    + " maxResponseSize (262144 bytes)"),
                    e.getMessage());
            assertEquals(1, server.requests.get());
        }
    }

    /** Item 1: an endless error page is read for its first 16 KiB only, then its connection is closed. */
    @Test
    void anEndlessErrorPageIsCutShort() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 400, 0, "<html>"));
                ArraylakeClient client = client(server.port())) {
            ArraylakeApiException e = assertThrows(
                    ArraylakeApiException.class, () -> client.repos().get(REPO));
            assertEquals(400, e.status());
            assertTrue(e.detail().startsWith("<html>xxx") && e.detail().length() <= 303, e.detail());
            assertEquals(1, server.requests.get());
        }
    }

    /**
     * Item 2: a listing whose page number is missing, ignored, or whose page count is absurd stops at once with an
     * error naming the page, after the requests counted (before: 179,208, 166,562 and 4,161 requests).
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"total\":5,\"size\":1,\"pages\":5                    | 1 | answered page 1 without a page number",
                "\"total\":5,\"size\":1,\"pages\":5,\"page\":1         | 2 | answered page 1 to the request for page 2",
                "\"total\":1000000000,\"size\":1,\"pages\":1000000000,\"page\":1 | 1 | claims 1000000000 pages"
            })
    void aListingWhosePagesCannotBeFollowedStopsWithANamedError(String paging, int requests, String error)
            throws Exception {
        assertListingFails(paging, requests, error);
    }

    /** Lists the repos of a server answering every page with one repo and {@code paging}: it fails as expected. */
    private void assertListingFails(String paging, int requests, String error) throws Exception {
        String page = "{\"items\":[" + REPO_JSON + "]," + paging.strip() + "}";
        try (Hostile server = new Hostile(x -> answer(x, 200, page));
                ArraylakeClient client = client(server.port())) {
            ArraylakeException e =
                    assertThrows(ArraylakeException.class, () -> client.repos().list("acme", null));
            assertTrue(e.getMessage().contains(error.strip()), e.getMessage());
            assertEquals(requests, server.requests.get());
        }
    }

    /** Item 4: a body that comes a byte at a time never trips the socket timeout; callTimeout ends the call. */
    @Test
    void aDrippingBodyIsCutOffByTheCallTimeout() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 200, 100, "{\"_id\": \""));
                ArraylakeClient client = ArraylakeClient.create(settings(server.port())
                        .callTimeout(Duration.ofSeconds(1))
                        .build())) {
            ArraylakeConnectionException e = assertThrows(
                    ArraylakeConnectionException.class, () -> client.repos().get(REPO));
            assertTrue(
                    e.getMessage().contains("GET /repos/acme/climate did not complete within callTimeout (1000 ms)"),
                    e.getMessage());
            assertEquals(1, server.requests.get(), "a call past its deadline is not retried");
            assertEquals(1, client.stats().deadlineHits(), "what the dev console shows");
        }
    }

    /** Item 4: headers that come a byte at a time are cut off at callTimeout too. */
    @Test
    void drippingHeadersAreCutOffByTheCallTimeout() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket slow = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> dripHeaders(slow, held));
            server.setDaemon(true);
            server.start();
            try (ArraylakeClient client = ArraylakeClient.create(settings(slow.getLocalPort())
                    .callTimeout(Duration.ofSeconds(1))
                    .build())) {
                ArraylakeConnectionException e = assertThrows(
                        ArraylakeConnectionException.class, () -> client.repos().get(REPO));
                assertTrue(e.getMessage().contains("did not complete within callTimeout (1000 ms)"), e.getMessage());
            }
            assertEquals(1, held.size(), "one request, not retried");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** Accepts connections and answers each with a status line and headers that never end, a byte every 100 ms. */
    private static void dripHeaders(ServerSocket slow, List<Socket> held) {
        try {
            while (true) {
                Socket s = slow.accept();
                held.add(s);
                InputStream in = s.getInputStream();
                in.read(new byte[8192]); // the request
                OutputStream out = s.getOutputStream();
                byte[] head = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; ; i++) {
                    out.write(i < head.length ? head[i] : 'x');
                    out.flush();
                    Thread.sleep(100);
                }
            }
        } catch (IOException | InterruptedException over) {
            // the client closed the connection, or the test is over
        }
    }

    /**
     * Item 5: a 429 storm with Retry-After of a minute stops when the next wait would pass maxRetryTime (150 s here):
     * 3 requests, not the Python rules' 15 requests and 14 minutes.
     */
    @Test
    void aRateLimitStormStopsAtTheRetryBudget() throws Exception {
        try (Hostile server = new Hostile(x -> answer(x, 429, "{\"detail\":\"slow down\"}", "Retry-After", "60"));
                ArraylakeClient client = ArraylakeClient.create(settings(server.port())
                        .maxRetryTime(Duration.ofSeconds(150))
                        .build())) {
            ArraylakeApiException e = assertThrows(
                    ArraylakeApiException.class, () -> client.repos().get(REPO));
            assertEquals(429, e.status());
            assertEquals(List.of(60_000L, 60_000L), waits, "two waits of a minute fit 150 s; a third would not");
            assertEquals(3, server.requests.get());
            assertEquals(3, client.stats().attempts(), "what the dev console shows");
            assertEquals(2, client.stats().retries());
            assertEquals(0, client.stats().deadlineHits());
        }
    }

    /**
     * Item 6: paging counts that are negative or do not agree (total 1000 in 1 page of 50) are an error, not a
     * listing that silently ends after its first page.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"total\":1000,\"size\":50,\"pages\":1,\"page\":1 | paging counts that do not agree",
                "\"total\":1,\"size\":50,\"pages\":-3,\"page\":1   | negative paging counts",
                "\"total\":1,\"pages\":1,\"page\":1               | paging counts that do not agree"
            })
    void pagingCountsThatDoNotAgreeAreAnError(String paging, String error) throws Exception {
        assertListingFails(paging, 1, error);
    }

    /** Item 10: {@code null} or {@code {}} where a model is expected is an error naming the call. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"null | null where a Repo was expected", "{} | an empty object where a Repo was expected"})
    void aNullOrEmptyAnswerIsAnError(String body, String error) throws Exception {
        try (Hostile server = new Hostile(x -> answer(x, 200, body.strip()));
                ArraylakeClient client = client(server.port())) {
            ArraylakeException e =
                    assertThrows(ArraylakeException.class, () -> client.repos().get(REPO));
            assertTrue(e.getMessage().contains("GET /repos/acme/climate answered " + error.strip()), e.getMessage());
            assertEquals(1, server.requests.get());
        }
    }

    /** Item 10: the same for an answer read as a tree (who the token belongs to). */
    @Test
    void anEmptyTreeAnswerIsAnError() throws Exception {
        try (Hostile server = new Hostile(x -> answer(x, 200, "{}"));
                ArraylakeClient client = client(server.port())) {
            ArraylakeException e = assertThrows(ArraylakeException.class, client::user);
            assertTrue(e.getMessage().contains("GET /user answered an empty object"), e.getMessage());
            assertEquals(1, server.requests.get());
        }
    }

    /** Item 11: a redirect is reported with where it led and that it was not followed. */
    @Test
    void aRedirectIsReportedAndNotFollowed() throws Exception {
        try (Hostile server = new Hostile(
                        x -> answer(x, 302, "", "Location", "https://elsewhere.example/repos/acme/climate"));
                ArraylakeClient client = client(server.port())) {
            ArraylakeException e =
                    assertThrows(ArraylakeException.class, () -> client.repos().get(REPO));
            assertTrue(
                    e.getMessage()
                            .contains("GET /repos/acme/climate answered 302, a redirect to"
                                    + " https://elsewhere.example/repos/acme/climate; it was not followed"),
                    e.getMessage());
            assertEquals(1, server.requests.get());
            assertEquals(List.of(), waits);
        }
    }

    /**
     * Item 12: a server or proxy that echoes the request into its error page puts neither the bearer token nor a
     * token being looked up into the exception (the class's LogCapture also fails if one reaches a log).
     */
    @Test
    void anErrorPageEchoingTheRequestHoldsNoToken() throws Exception {
        String lookedUp = "ema_l00ked0up0l00ked0up0l00ked0up0";
        try (Hostile server = new Hostile(x -> answer(
                        x,
                        400,
                        "{\"detail\":\"bad request: " + x.getRequestHeaders().getFirst("Authorization") + " "
                                + x.getRequestURI() + "\"}"));
                ArraylakeClient client = client(server.port())) {
            ArraylakeApiException get = assertThrows(
                    ArraylakeApiException.class, () -> client.repos().get(REPO));
            assertFalse(get.getMessage().contains(TOKEN), get.getMessage());
            assertTrue(get.getMessage().contains("Bearer xxxxxx"), get.getMessage());
            ArraylakeApiException lookup = assertThrows(
                    ArraylakeApiException.class, () -> client.tokens().apiClientId("acme", lookedUp));
            assertFalse(lookup.getMessage().contains(lookedUp), lookup.getMessage());
            assertFalse(lookup.getMessage().contains(TOKEN), lookup.getMessage());
            assertTrue(lookup.getMessage().contains("token=xxxxxx"), lookup.getMessage());
            assertEquals(2, server.requests.get());
        }
    }

    /**
     * Item 5: a server that accepts and never answers (a black hole) ends the call at callTimeout, after one
     * request, the error naming the bound.
     */
    @Test
    void aBlackHoleEndsTheCallAtTheCallTimeoutAfterOneRequest() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Hostile.acceptSilently(silent, held);
            try (ArraylakeClient client = ArraylakeClient.create(settings(silent.getLocalPort())
                    .callTimeout(Duration.ofMillis(400))
                    .build())) {
                ArraylakeConnectionException e = assertThrows(
                        ArraylakeConnectionException.class, () -> client.repos().get(REPO));
                assertEquals(
                        "GET /repos/acme/climate did not complete within callTimeout (400 ms); it was cancelled",
                        e.getMessage());
            }
            assertEquals(1, held.size(), "connections");
            assertEquals(List.of(), waits, "not retried");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * Item 5: when the socket's silence bound (requestTimeout) comes before callTimeout, a black hole costs one
     * request too: a read timeout is not retried, and the error says it was the one attempt.
     */
    @Test
    void aBlackHoleSilentPastTheRequestTimeoutIsNotRetried() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Hostile.acceptSilently(silent, held);
            try (ArraylakeClient client = ArraylakeClient.create(settings(silent.getLocalPort())
                    .requestTimeout(Duration.ofMillis(300))
                    .callTimeout(Duration.ofMinutes(1))
                    .maxRetryTime(Duration.ofMinutes(1))
                    .build())) {
                ArraylakeConnectionException e = assertThrows(
                        ArraylakeConnectionException.class, () -> client.repos().get(REPO));
                assertTrue(
                        e.getMessage()
                                .startsWith("GET /repos/acme/climate to http://127.0.0.1:" + silent.getLocalPort()
                                        + " failed after 1 connection attempt(s): java.net.SocketTimeoutException"),
                        e.getMessage());
            }
            assertEquals(1, held.size(), "connections");
            assertEquals(List.of(), waits, "not retried");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
