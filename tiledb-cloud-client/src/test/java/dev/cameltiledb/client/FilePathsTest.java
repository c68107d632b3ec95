package dev.cameltiledb.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 27, item 14: the client sends no file call for a path that breaks the rule of {@link FilePaths}. */
class FilePathsTest {

    @Test
    void theClientRefusesSuchPathsBeforeSendingAnything() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try (TileDBClient client = new TileDBClient(ClientSettings.builder()
                .host("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials(new Credentials.ApiKey("paths-key", "test"))
                .serverGeneration(ServerGeneration.WORKSPACE)
                .build())) {
            for (String path :
                    List.of("nul\u0000", "a\nb", "/abs/x.txt", "x/./y", "r\u202etxt.exe", "p".repeat(5_000))) {
                AssetRef file = AssetRef.inWorkspace("ws", "ts", path);
                TileDBConfigurationException e = assertThrows(
                        TileDBConfigurationException.class, () -> client.files().stat(file));
                assertTrue(e.getMessage().startsWith("The file path '"), e.getMessage());
                assertTrue(e.getMessage().endsWith("; nothing was sent"), e.getMessage());
                assertThrows(
                        TileDBConfigurationException.class,
                        () -> client.files().upload(file, UploadBody.of("x".getBytes(StandardCharsets.UTF_8))));
                assertThrows(
                        TileDBConfigurationException.class, () -> client.files().download(file));
            }
        } finally {
            server.stop(0);
        }
        assertEquals(0, requests.get());
    }

    @Test
    void whatTheRuleSays() {
        assertNull(FilePaths.problem("reports/2026/q1.csv"));
        assertNull(FilePaths.problem("café/naïve ☃.txt"), "letters of any script are fine");
        assertTrue(FilePaths.problem("/abs").startsWith("starts with '/'"));
        assertTrue(FilePaths.problem("a//b").contains("empty"));
        assertTrue(FilePaths.problem("a\\b").contains("backslash"));
        assertTrue(FilePaths.problem("x".repeat(256)).contains("more than 255"));
        assertTrue(FilePaths.problem("x/".repeat(600) + "x").contains("more than 1024"));
        assertTrue(FilePaths.problem("tab\there").contains("control characters"));
        assertEquals("a\\u000ab\\u202e", FilePaths.escaped("a\nb\u202e"));
    }
}
