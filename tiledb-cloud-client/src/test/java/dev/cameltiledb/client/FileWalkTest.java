package dev.cameltiledb.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpServer;
import dev.cameltiledb.client.model.workspace.FileListing;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 3: the {@code /v4} file walk against a file store that answers what it likes. A listing that would
 * make the walk go round ends it with an error naming the folder, after a counted number of requests; a walk is
 * bounded by its pages and by {@code maxResults}.
 */
@org.junit.jupiter.api.Timeout(60)
class FileWalkTest {

    private static final NamespaceRef TEAMSPACE = new NamespaceRef("ws", "ts");

    /** A file store answering listing number {@code n} (1-based) of query {@code q} with {@code answer.apply(n, q)}. */
    private static final class FileStore implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger listings = new AtomicInteger();

        FileStore(BiFunction<Integer, String, String> answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v4/files/ws/ts", exchange -> {
                String json;
                synchronized (listings) {
                    json = answer.apply(
                            listings.incrementAndGet(), exchange.getRequestURI().getQuery());
                }
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        TileDBClient client() {
            return new TileDBClient(ClientSettings.builder()
                    .host("http://127.0.0.1:" + server.getAddress().getPort())
                    .credentials(new Credentials.ApiKey("walk-key", "test"))
                    .serverGeneration(ServerGeneration.WORKSPACE)
                    .retryPolicy(RetryPolicy.NONE)
                    .build());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String page(String prefix, String nextToken, List<String> folders, List<String> files) {
        StringBuilder json =
                new StringBuilder("{\"Prefix\": \"" + prefix + "\", \"IsTruncated\": " + (nextToken != null));
        if (nextToken != null) {
            json.append(", \"NextContinuationToken\": \"").append(nextToken).append('"');
        }
        json.append(", \"CommonPrefixes\": [");
        json.append(String.join(
                ", ", folders.stream().map(f -> "{\"Prefix\": \"" + f + "\"}").toList()));
        json.append("], \"Objects\": [");
        json.append(String.join(
                ", ",
                files.stream().map(f -> "{\"Key\": \"" + f + "\", \"Size\": 1}").toList()));
        return json.append("]}").toString();
    }

    private static List<String> keys(Iterator<FileListing.StoredFile> walk) {
        List<String> keys = new ArrayList<>();
        walk.forEachRemaining(f -> keys.add(f.key()));
        return keys;
    }

    @Test
    void theSameContinuationTokenAgainEndsTheWalkNamingTheFolder() throws Exception {
        try (FileStore store = new FileStore((n, q) -> page("", "again", List.of(), List.of()));
                TileDBClient client = store.client()) {
            TileDBException e = assertThrows(
                    TileDBException.class, () -> keys(client.files().walk(TEAMSPACE, null, null, 1000)));
            assertTrue(e.getMessage().contains("gave the continuation token 'again' a second time"), e.getMessage());
            assertTrue(e.getMessage().contains("teamspace ws/ts"), e.getMessage());
            // the first page gave the token, the second gave it again
            assertEquals(2, store.listings.get());
        }
    }

    @Test
    void tokensGivenInTurnAreCaughtToo() throws Exception {
        try (FileStore store =
                        new FileStore((n, q) -> page("", n % 2 == 0 ? "even" : "odd", List.of(), List.of("f" + n)));
                TileDBClient client = store.client()) {
            TileDBException e = assertThrows(
                    TileDBException.class, () -> keys(client.files().walk(TEAMSPACE, null, null, 0)));
            assertTrue(e.getMessage().contains("a second time"), e.getMessage());
            assertEquals(3, store.listings.get());
        }
    }

    @Test
    void aFolderListedAsItsOwnSubFolderEndsTheWalk() throws Exception {
        try (FileStore store = new FileStore((n, q) -> page("data/", null, List.of("data/"), List.of()));
                TileDBClient client = store.client()) {
            TileDBException e = assertThrows(
                    TileDBException.class, () -> keys(client.files().walk(TEAMSPACE, "data/", null, 1000)));
            assertTrue(
                    e.getMessage().contains("named 'data/' as one of its folders, which is not below it"),
                    e.getMessage());
            assertEquals(1, store.listings.get());
        }
    }

    @Test
    void aFolderNamedAgainByALaterPageEndsTheWalk() throws Exception {
        // data/ names data/a/ on its first page and again on its second: the walk would list data/a/ forever
        try (FileStore store = new FileStore((n, q) -> switch (n) {
                    case 1 -> page("data/", "t2", List.of("data/a/"), List.of());
                    case 2 -> page("data/a/", null, List.of(), List.of("data/a/f.txt"));
                    default -> page("data/", null, List.of("data/a/"), List.of());
                });
                TileDBClient client = store.client()) {
            TileDBException e = assertThrows(
                    TileDBException.class, () -> keys(client.files().walk(TEAMSPACE, "data/", null, 0)));
            assertTrue(
                    e.getMessage().contains("named the folder 'data/a/', which this walk listed already"),
                    e.getMessage());
            assertEquals(3, store.listings.get());
        }
    }

    @Test
    void maxResultsStopsAWalkOfAnEndlessStore() throws Exception {
        // every page a new token and one file: only maxResults can end it
        try (FileStore store = new FileStore((n, q) -> page("", "t" + n, List.of(), List.of("file-" + n)));
                TileDBClient client = store.client()) {
            assertEquals(
                    List.of("file-1", "file-2", "file-3"), keys(client.files().walk(TEAMSPACE, null, null, 3)));
            assertEquals(3, store.listings.get());
        }
    }

    @Test
    void aWalkEndsAtItsPageBoundEvenWhenEveryPageIsNew() throws Exception {
        try (FileStore store = new FileStore((n, q) -> page("", "t" + n, List.of(), List.of()));
                TileDBClient client = store.client()) {
            Iterator<FileListing.StoredFile> walk = new FileWalk(
                    (prefix, token) -> client.files().list(TEAMSPACE, prefix, FilesApi.DELIMITER, null, token),
                    TEAMSPACE.describe(),
                    "",
                    0,
                    25);
            TileDBException e = assertThrows(TileDBException.class, () -> keys(walk));
            assertTrue(e.getMessage().contains("took more than 25 pages"), e.getMessage());
            assertEquals(25, store.listings.get());
        }
    }

    @Test
    void anOrdinaryTreeIsWalkedDepthFirstWithItsContinuations() throws Exception {
        try (FileStore store = new FileStore((n, q) -> q.contains("continuation-token=root-2")
                        ? page("", null, List.of("b/"), List.of("z.txt"))
                        : q.contains("prefix=a/")
                                ? page("a/", null, List.of(), List.of("a/x.txt"))
                                : q.contains("prefix=b/")
                                        ? page("b/", null, List.of(), List.of("b/y.txt"))
                                        : page("", "root-2", List.of("a/"), List.of("top.txt")));
                TileDBClient client = store.client()) {
            assertEquals(
                    List.of("top.txt", "a/x.txt", "z.txt", "b/y.txt"),
                    keys(client.files().walk(TEAMSPACE, null, null, 0)));
            assertEquals(4, store.listings.get());
        }
    }

    /**
     * The bound {@code FilesApi.walk} passes ({@code PagedIterator.MAX_PAGES}) is 100,000 pages, and a walk at that
     * bound ends after exactly that many listings of an endless store. The store is in memory here: 100,000 HTTP
     * listings would take the suite minutes, and the HTTP path is the same as at the bound of 25 above.
     */
    @Test
    void theDefaultPageBoundEndsAnEndlessWalkAfterAHundredThousandPages() throws Exception {
        assertEquals(100_000, PagedIterator.MAX_PAGES);
        AtomicInteger listings = new AtomicInteger();
        com.fasterxml.jackson.databind.ObjectMapper json = TileDBJson.mapper();
        Iterator<FileListing.StoredFile> walk = new FileWalk(
                (prefix, token) -> {
                    int n = listings.incrementAndGet();
                    try {
                        return json.readValue(page("", "t" + n, List.of(), List.of()), FileListing.class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                TEAMSPACE.describe(),
                "",
                0,
                PagedIterator.MAX_PAGES);
        TileDBException e = assertThrows(TileDBException.class, () -> keys(walk));
        assertTrue(e.getMessage().contains("took more than 100000 pages"), e.getMessage());
        assertEquals(100_000, listings.get());
    }
}
