package dev.cameltiledb.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.client.capnp.MessageBuilder;
import dev.cameltiledb.client.capnp.MessageReader;
import dev.cameltiledb.client.capnp.StructBuilder;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellColumns;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.testing.Hostile;

/**
 * Run in a child JVM with a small heap by {@link CellReadHeapTest}: a loopback server answers a read of {@code cells}
 * int64 cells ({@code v[i] = i}) page by page in the query protocol, each page as large as the request's budget
 * allows, generated as it is written; the client reads them with a buffer of {@value #BUFFER} bytes and prints
 * {@code CELLS <count> <sum> PAGES <pages>}. Mode {@code collect} keeps every page, as a read taken whole would: the
 * control that shows the heap cannot hold the cells.
 */
public final class CellReadHeapMain {

    static final int BUFFER = 4 << 20;

    private static final String SCHEMA = "{\"arrayType\":\"dense\",\"tileOrder\":\"row-major\",\"cellOrder\":"
            + "\"row-major\",\"capacity\":10000,\"domain\":{\"type\":\"INT64\",\"dimensions\":[{\"name\":\"i\","
            + "\"type\":\"INT64\",\"domain\":{\"int64\":[0,%d]},\"nullTileExtent\":false,\"tileExtent\":"
            + "{\"int64\":100000}}]},\"attributes\":[{\"name\":\"v\",\"type\":\"INT64\",\"cellValNum\":1,"
            + "\"nullable\":false}]}";

    private CellReadHeapMain() {}

    public static void main(String[] args) throws Exception {
        boolean collect = args[0].equals("collect");
        long cells = Long.parseLong(args[1]);
        try (Hostile server = new Hostile(x -> answer(x, cells));
                TileDBClient client = new TileDBClient(DataPlaneServer.settings(server.url())
                        .timeouts(5000, 120_000, 5000)
                        .build())) {
            ArrayCells schema = client.cells().schema("acme", "big");
            List<CellColumns> kept = new ArrayList<>();
            long count = 0;
            long sum = 0;
            int pages;
            try (CellPages read = client.cells()
                    .read("acme", "big", schema, new CellRead(List.of("v"), null, null, null, null, BUFFER))) {
                while (read.hasNext()) {
                    CellColumns page = read.next();
                    if (collect) {
                        kept.add(page);
                    }
                    for (long v : (long[]) page.column("v")) {
                        sum += v;
                    }
                    count += page.size();
                }
                pages = read.pages();
            }
            System.out.println(
                    "CELLS " + count + " " + sum + " PAGES " + pages + (collect ? " kept " + kept.size() : ""));
        }
    }

    private static void answer(HttpExchange exchange, long cells) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            Hostile.answer(exchange, 200, String.format(SCHEMA, cells - 1));
            return;
        }
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        var query = MessageReader.of(request, "request").root("Query");
        long budget = query.structs(0, "attributeBufferHeaders").get(0).getLong(24);
        // where the read stands: the server's own note in reader.readState.subarrayPartitioner.current.start
        long from = query.struct(5, "reader")
                .struct(2, "readState")
                .struct(0, "subarrayPartitioner")
                .struct(2, "current")
                .getLong(0);
        long n = Math.min(budget / 8, cells - from);
        MessageBuilder m = new MessageBuilder();
        StructBuilder q = m.root(4, 17);
        q.setText(2, from + n < cells ? "INCOMPLETE" : "COMPLETED").setText(3, "READ");
        q.initStructList(0, 1, 6, 1)[0].setText(0, "v").setLong(0, n * 8).setLong(24, budget);
        q.initStruct(5, 1, 5)
                .initStruct(2, 1, 1)
                .initStruct(0, 3, 5)
                .initStruct(2, 3, 1)
                .setLong(0, from + n);
        byte[] message = m.toBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/capnp");
        exchange.sendResponseHeaders(200, 8 + message.length + n * 8);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            out.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(message.length)
                    .array());
            out.write(message);
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = from; i < from + n; i++) {
                chunk.putLong(i);
                if (!chunk.hasRemaining()) {
                    out.write(chunk.array(), 0, chunk.position());
                    chunk.clear();
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        } catch (IOException dropped) {
            // the client stopped reading: what the control run does when it runs out of heap
        }
    }
}
