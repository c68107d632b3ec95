package dev.cameltiledb.arraylake.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Scanner;

import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.arraylake.client.model.LogQuery;
import dev.cameltiledb.testing.Hostile;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.cameltiledb.testing.Hostile.endless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's log from servers that misbehave: a line that never ends, a followed log that outlives its follow
 * timeout, a log cut off in the middle. Each ends at the bound its error names, without the rest being read, and a
 * broken log is an unchecked error a Scanner cannot take for the log's end. The class timeout only turns a hang into
 * a failure.
 */
@Timeout(60)
class ServiceLogHostileTest {

    private static final String TOKEN = "ema_l0gs0l0gs0l0gs0l0gs0l0gs0l0gs0";
    private static final String LOGS = "/compute/orgs/acme/services/edr/logs";

    @RegisterExtension
    static final LogCapture CAPTURED = new LogCapture(TOKEN);

    private static ArraylakeClient client(Hostile server, long maxResponseSize) {
        return ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri(server.url())
                .token(TOKEN)
                .requestTimeout(Duration.ofSeconds(1))
                .maxResponseSize(maxResponseSize)
                .sleeper(ms -> {})
                .build());
    }

    @Test
    void aLineLongerThanMaxResponseSizeFailsTheLogWithoutReadingTheRest() throws Exception {
        try (Hostile server = new Hostile(x -> endless(x, 200, 0, "2030-01-01T00:00:00Z stdout F "));
                ArraylakeClient client = client(server, 64 * 1024);
                ServiceLog log = client.services().logs("acme", "edr", LogQuery.all())) {
            ArraylakeException e = assertThrows(ArraylakeException.class, log::readAllBytes);
            assertTrue(
                    e.getMessage()
                            .startsWith("A line of the answer to GET " + LOGS
                                    + " is longer than maxResponseSize (65536 bytes); the log was abandoned unread"),
                    e.getMessage());
            assertEquals(1, server.requests.get());
        }
    }

    @Test
    void manyShortLinesPassMaxResponseSizeInAll() throws Exception {
        try (Hostile server = new Hostile(x -> lines(x, 20_000, false));
                ArraylakeClient client = client(server, 1024);
                ServiceLog log = client.services().logs("acme", "edr", LogQuery.all())) {
            assertEquals(20_000, log.lines().count(), "about 1 MB in all, each line far under 1 KiB");
        }
    }

    @Test
    void aFollowedLogThatOutlivesItsTimeoutIsCutNamingTheBound() throws Exception {
        try (Hostile server = new Hostile(x -> lines(x, Long.MAX_VALUE, true));
                ArraylakeClient client = client(server, 1 << 20);
                ServiceLog log =
                        client.services().logs("acme", "edr", LogQuery.all().followed(1))) {
            ArraylakeConnectionException e = assertThrows(
                    ArraylakeConnectionException.class, () -> log.lines().count());
            assertEquals(
                    "GET " + LOGS + " did not complete within followTimeout + requestTimeout (2000 ms); it was"
                            + " cancelled",
                    e.getMessage());
        }
    }

    @Test
    void aLogCutOffInTheMiddleFailsAScannerInsteadOfEndingIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ArraylakeClient client = ArraylakeClient.create(ArraylakeSettings.builder()
                        .serviceUri("http://127.0.0.1:" + server.getLocalPort())
                        .token(TOKEN)
                        .build())) {
            Thread cutter = new Thread(() -> cutOff(server));
            cutter.setDaemon(true);
            cutter.start();
            try (ServiceLog log = client.services().logs("acme", "edr", LogQuery.all())) {
                Scanner scanner = new Scanner(log, StandardCharsets.UTF_8);
                assertEquals("2030-01-01T00:00:00Z stdout F one line", scanner.nextLine());
                ArraylakeConnectionException e = assertThrows(ArraylakeConnectionException.class, scanner::hasNextLine);
                assertTrue(e.getMessage().startsWith("The answer to GET " + LOGS + " broke off"), e.getMessage());
            }
        }
    }

    /** {@code count} short lines, a pause of 10 ms between them when {@code slowly}; ends when the client leaves. */
    private static void lines(HttpExchange exchange, long count, boolean slowly) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (long i = 0; i < count; i++) {
                out.write(("2030-01-01T00:00:00Z stdout F GET /edr/" + i + " 200\n").getBytes(StandardCharsets.UTF_8));
                if (slowly) {
                    out.flush();
                    Thread.sleep(10);
                }
            }
        } catch (IOException | InterruptedException clientLeft) {
            // what the test wants
        }
    }

    /** Answers one request with a body announced as 100 KB, sends one line of it and closes the connection. */
    private static void cutOff(ServerSocket server) {
        try (Socket socket = server.accept()) {
            BufferedReader request =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                // the request's headers
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 100000\r\n\r\n"
                            + "2030-01-01T00:00:00Z stdout F one line\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException testOver) {
            // nothing to do
        }
    }
}
