package dev.cameltiledb.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on loopback that misbehaves on purpose, answering every request with {@code handler} and counting
 * the requests, for the clients' fault tests; with the misbehaviours they share as static helpers.
 */
public final class Hostile implements AutoCloseable {

    public final HttpServer server;
    public final AtomicInteger requests = new AtomicInteger();

    public Hostile(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to give a client. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Answers {@code json} with {@code status} and the given header names and values. */
    public static void answer(HttpExchange exchange, int status, String json, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A 200 whose chunked body, a JSON array of one item whose name never ends, never ends. */
    public static void endless(HttpExchange exchange, long pauseMillis) throws IOException {
        endless(exchange, 200, pauseMillis, "[{\"name\": \"");
    }

    /**
     * An answer of {@code status} whose chunked body starts with {@code prefix} and never ends: a kilobyte at a time,
     * or with {@code pauseMillis} a byte at a time. Returns when the client has dropped the connection.
     */
    public static void endless(HttpExchange exchange, int status, long pauseMillis, String prefix) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, 0);
        byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            while (true) {
                out.write(pauseMillis > 0 ? new byte[] {'x'} : chunk);
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException | InterruptedException dropped) {
            // the client closed the connection: what the test wants
        }
    }

    /** Accepts every connection on {@code silent} and keeps it in {@code held}, reading nothing and answering nothing. */
    public static void acceptSilently(ServerSocket silent, List<Socket> held) {
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
