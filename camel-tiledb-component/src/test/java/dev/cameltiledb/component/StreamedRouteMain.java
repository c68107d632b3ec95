package dev.cameltiledb.component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * {@code streamResults=true}, counting each row and dropping it; it prints {@code ROWS <count> <sum of i> BYTES <bytes
 * of the answer>}. Arguments: the rows, and optionally a {@code batchSize}: each split exchange then carries a List of
 * that many rows.
 */
public final class StreamedRouteMain {

    private StreamedRouteMain() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        String batchSize = args.length > 1 ? "&batchSize=" + Integer.parseInt(args[1]) : "";
        AtomicLong count = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try (Hostile server = new Hostile(x -> answer(x, rows, bytes));
                CamelContext camel = new DefaultCamelContext()) {
            TileDBComponent tiledb = new TileDBComponent();
            tiledb.getConfiguration().getConnection().setHost(server.url());
            tiledb.getConfiguration().getConnection().setApiKey("heap-test-key");
            camel.addComponent("tiledb", tiledb);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:rows")
                            .to("tiledb:sql?namespace=acme&streamResults=true&responseTimeout=60000" + batchSize)
                            .split(body())
                            .streaming()
                            .process(e -> {
                                Object body = e.getMessage().getBody();
                                for (Object item : body instanceof List<?> batch ? batch : List.of(body)) {
                                    Map<?, ?> row = (Map<?, ?>) item;
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
        System.out.println("ROWS " + count.get() + " " + sum.get() + " BYTES " + bytes.get());
    }

    private static void answer(HttpExchange exchange, int rows, AtomicLong bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-TILEDB-CLOUD-TASK-ID", "task-heap");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            out.write('[');
            for (int i = 0; i < rows; i++) {
                byte[] row = ((i == 0 ? "" : ",") + "{\"i\":" + i + ",\"region\":\"region-" + (i % 7) + "\",\"total\":"
                                + i + ".5}")
                        .getBytes(StandardCharsets.US_ASCII);
                out.write(row);
                bytes.addAndGet(row.length);
            }
            out.write(']');
            bytes.addAndGet(2);
        }
    }
}
