package dev.cameltiledb.component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.testing.Hostile;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a child JVM with a small heap by {@link StreamedRouteHeapTest}: a loopback server answers an SQL result of
 * {@code rows} rows, generated as it is written, and a route splits the {@code tiledb:sql} reply with
 * {@code streamResults=true}, printing {@code ROWS <count> <sum of i>}. Modes: {@code split} (each row counted and
 * dropped), {@code batches} (the same with {@code batchSize}: each exchange a List of {@value #BATCH} rows) and
 * {@code keep}, which keeps every row as it arrives: the control that shows the heap is too small to hold
 * the result.
 */
public final class StreamedRouteMain {

    /** The rows of each exchange in mode {@code batches}. */
    static final int BATCH = 1000;

    private StreamedRouteMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rows = Integer.parseInt(args[1]);
        AtomicLong count = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        List<Object> kept = new ArrayList<>();
        try (Hostile server = new Hostile(x -> answer(x, rows));
                CamelContext camel = new DefaultCamelContext()) {
            TileDBComponent tiledb = new TileDBComponent();
            tiledb.getConfiguration().getConnection().setHost(server.url());
            tiledb.getConfiguration().getConnection().setApiKey("heap-test-key");
            camel.addComponent("tiledb", tiledb);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:rows")
                            .to("tiledb:sql?namespace=acme&streamResults=true&responseTimeout=60000"
                                    + (mode.equals("batches") ? "&batchSize=" + BATCH : ""))
                            .split(body())
                            .streaming()
                            .process(e -> {
                                Object body = e.getMessage().getBody();
                                List<?> batch = body instanceof List<?> rows ? rows : List.of(body);
                                for (Object item : batch) {
                                    Map<?, ?> row = (Map<?, ?>) item;
                                    if (mode.equals("keep")) {
                                        kept.add(row);
                                    }
                                    count.incrementAndGet();
                                    sum.addAndGet(((Number) row.get("i")).longValue());
                                }
                            });
                }
            });
            camel.start();
            Exchange reply = camel.createProducerTemplate()
                    .request("direct:rows", e -> e.getMessage().setBody("select * from `tiledb://acme/big`"));
            if (reply.getException() != null) {
                throw reply.getException();
            }
        }
        System.out.println("ROWS " + count.get() + " " + sum.get() + (kept.isEmpty() ? "" : " kept " + kept.size()));
    }

    private static void answer(HttpExchange exchange, int rows) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-TILEDB-CLOUD-TASK-ID", "task-heap");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            out.write('[');
            for (int i = 0; i < rows; i++) {
                String row = (i == 0 ? "" : ",") + "{\"i\":" + i + ",\"region\":\"region-" + (i % 7) + "\",\"total\":"
                        + i + ".5}";
                out.write(row.getBytes(StandardCharsets.US_ASCII));
            }
            out.write(']');
        } catch (IOException dropped) {
            // the route stopped reading: what the control run does when the heap runs out
        }
    }
}
