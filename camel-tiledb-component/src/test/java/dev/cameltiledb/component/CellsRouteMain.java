package dev.cameltiledb.component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.client.capnp.MessageBuilder;
import dev.cameltiledb.client.capnp.MessageReader;
import dev.cameltiledb.client.capnp.StructBuilder;
import dev.cameltiledb.client.capnp.StructView;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.testing.Hostile;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a child JVM with a small heap by {@link CellsRouteHeapTest}: a loopback server answers the schema of a sparse
 * array with one INT64 attribute {@code v}, and the query protocol's read pages of {@code cells} cells whose {@code v}
 * is the cell's index, generated as they are written, each page as large as the read's budget allows; a route reads
 * {@code v} with {@code tiledb:arrays?operation=read&streamResults=true} and splits it, counting the cells and summing
 * {@code v}. It prints {@code CELLS <count> <sum> PAGES <pages answered> BYTES <bytes of cells sent>}. Arguments: the
 * cells, the cellFormat (columns: a CellColumns per page; rows: Lists of batchSize Map rows), the batchSize.
 *
 * <p>The server keeps where the read stands in the answer's {@code totalFixedLengthBufferBytes} (a field the client
 * does not read), which the client sends back with the next page's request, as TileDB's clients send back the whole
 * answered message.
 */
public final class CellsRouteMain {

    private static final String SCHEMA = """
            {"version": [1, 3, 0], "arrayType": "sparse", "tileOrder": "row-major", "cellOrder": "row-major",
             "capacity": 10000, "allowsDuplicates": false, "coordsFilterPipeline": {}, "offsetFilterPipeline": {},
             "domain": {"type": "INT64", "tileOrder": "row-major", "cellOrder": "row-major",
                        "dimensions": [{"name": "id", "type": "INT64", "domain": {"int64": [0, 1000000000]},
                                        "nullTileExtent": false, "tileExtent": {"int64": 10000}}]},
             "attributes": [{"name": "v", "type": "INT64", "cellValNum": 1, "nullable": false,
                             "filterPipeline": {}}]}""";

    private CellsRouteMain() {}

    public static void main(String[] args) throws Exception {
        long cells = Long.parseLong(args[0]);
        String format = args[1];
        int batchSize = Integer.parseInt(args[2]);
        AtomicLong count = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try (Hostile server = new Hostile(x -> answer(x, cells, pages, bytes));
                CamelContext camel = new DefaultCamelContext()) {
            TileDBComponent tiledb = new TileDBComponent();
            tiledb.getConfiguration().getConnection().setHost(server.url());
            tiledb.getConfiguration().getConnection().setApiKey("heap-test-key");
            camel.addComponent("tiledb", tiledb);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cells")
                            .to("tiledb:arrays?operation=read&namespace=acme&array=big&fields=v&streamResults=true"
                                    + "&readBufferSize=1048576&responseTimeout=60000&cellFormat=" + format
                                    + "&batchSize=" + batchSize)
                            .split(body())
                            .streaming()
                            .process(e -> {
                                Object body = e.getMessage().getBody();
                                if (body instanceof CellColumns page) {
                                    for (long v : (long[]) page.column("v")) {
                                        count.incrementAndGet();
                                        sum.addAndGet(v);
                                    }
                                } else {
                                    for (Object row : (List<?>) body) {
                                        count.incrementAndGet();
                                        sum.addAndGet((Long) ((Map<?, ?>) row).get("v"));
                                    }
                                }
                            });
                }
            });
            camel.start();
            Exchange reply = camel.createProducerTemplate().request("direct:cells", e -> {});
            if (reply.getException() != null) {
                throw reply.getException();
            }
        }
        System.out.println(
                "CELLS " + count.get() + " " + sum.get() + " PAGES " + pages.get() + " BYTES " + bytes.get());
    }

    private static void answer(HttpExchange exchange, long cells, AtomicLong pages, AtomicLong bytes)
            throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/arrays/acme/big")) {
            Hostile.answer(exchange, 200, SCHEMA);
            return;
        }
        if (!path.equals("/v2/arrays/acme/big/query/submit")) {
            Hostile.answer(exchange, 404, "{\"code\": 404, \"message\": \"no " + path + "\"}");
            return;
        }
        StructView request = MessageReader.of(exchange.getRequestBody().readAllBytes(), "read request")
                .root("Query");
        long from = request.getLong(0);
        StructView budget = request.structs(0, "attributeBufferHeaders").get(0);
        long perPage = budget.getLong(24) / 8; // the original (budget) fixed bytes of v
        long n = Math.min(perPage, cells - from);
        boolean complete = from + n >= cells;

        MessageBuilder m = new MessageBuilder();
        StructBuilder q = m.root(4, 17);
        q.setText(1, "unordered")
                .setText(2, complete ? "COMPLETED" : "INCOMPLETE")
                .setText(3, "READ");
        q.setLong(0, from + n);
        StructBuilder[] headers = q.initStructList(0, 1, 6, 1);
        headers[0].setText(0, "v").setLong(0, n * 8).setLong(24, perPage * 8);
        byte[] message = m.toBytes();

        exchange.getResponseHeaders().add("Content-Type", "application/capnp");
        exchange.sendResponseHeaders(200, 8 + message.length + n * 8);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            out.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(message.length)
                    .array());
            out.write(message);
            ByteBuffer cell = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = from; i < from + n; i++) {
                out.write(cell.putLong(0, i).array());
            }
        }
        pages.incrementAndGet();
        bytes.addAndGet(n * 8);
    }
}
