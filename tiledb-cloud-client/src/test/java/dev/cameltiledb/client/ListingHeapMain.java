package dev.cameltiledb.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * The child JVM of {@link ListingHeapTest}: serves, on loopback and generated as it is sent (never held), a listing
 * answer of {@value #LISTING_BYTES} bytes ({@code GET /v1/arrays}: a JSON array of array infos), and lists it with
 * the client: once at the default {@code maxResponseSize} ({@code default}), once with a limit past the answer's size
 * ({@code unbounded}, the control), or {@code n} times at once at the default ({@code concurrent n}). Prints
 * {@code REFUSED <count> <first message>} when every call was refused at the limit, {@code LISTED <items>} when one
 * was read whole; an OutOfMemoryError ends the JVM with a non-zero status and its name in the output.
 */
public final class ListingHeapMain {

    static final long LISTING_BYTES = 64L << 20;

    private ListingHeapMain() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.out.flush();
            // the server's and the calls' threads must not keep the JVM alive after an OutOfMemoryError
            Runtime.getRuntime().halt(2);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void run(String[] args) throws Exception {
        String mode = args[0];
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                writeListing(out);
            } catch (IOException dropped) {
                // the client stopped reading at its limit
            }
        });
        server.start();
        long limit = mode.equals("unbounded") ? 2 * LISTING_BYTES : ClientSettings.DEFAULT_MAX_RESPONSE_BYTES;
        System.out.println("HEAP " + Runtime.getRuntime().maxMemory() + " LIMIT " + limit);
        try (TileDBClient client = new TileDBClient(ClientSettings.builder()
                .host("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials(new Credentials.ApiKey("heap-key", "test"))
                .retryPolicy(RetryPolicy.NONE)
                .limits(ClientSettings.DEFAULT_CALL_TIMEOUT_MILLIS, limit)
                .build())) {
            ExecutorService pool = Executors.newFixedThreadPool(calls);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger refused = new AtomicInteger();
            StringBuilder first = new StringBuilder();
            Future<?>[] running = new Future<?>[calls];
            for (int i = 0; i < calls; i++) {
                running[i] = pool.submit(() -> {
                    start.await();
                    try {
                        int items = client.arrays().listAll(null).size();
                        System.out.println("LISTED " + items);
                    } catch (TileDBException e) {
                        synchronized (first) {
                            if (first.length() == 0) {
                                first.append(e.getMessage());
                            }
                        }
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> call : running) {
                try {
                    call.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof OutOfMemoryError oom) {
                        throw oom;
                    }
                    throw e;
                }
            }
            pool.shutdown();
            if (refused.get() > 0) {
                System.out.println("REFUSED " + refused.get() + " " + first);
            }
        } finally {
            server.stop(0);
        }
    }

    /** Writes {@value #LISTING_BYTES} bytes of array infos, a few kilobytes at a time. */
    private static void writeListing(OutputStream out) throws IOException {
        out.write('[');
        long written = 1;
        for (int i = 0; written < LISTING_BYTES; i++) {
            String item = (i == 0 ? "" : ",") + "{\"id\":\"00000000-0000-4000-8000-" + String.format("%012d", i)
                    + "\",\"namespace\":\"heap\",\"name\":\"array-" + i + "\",\"uri\":\"s3://bucket/heap/array-" + i
                    + "\",\"tiledb_uri\":\"tiledb://heap/array-" + i + "\",\"description\":\"an array of the heap"
                    + " test, described at some length as listings are\",\"tags\":[\"heap\",\"listing\"],"
                    + "\"allowed_actions\":[\"read\",\"write\",\"edit\"],\"type\":\"dense\",\"size\":" + i
                    + ",\"is_favorite\":false,\"created_by\":\"heap\"}";
            byte[] bytes = item.getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            written += bytes.length;
        }
        out.write(']');
    }
}
