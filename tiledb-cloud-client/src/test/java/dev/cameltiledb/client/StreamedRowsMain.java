package dev.cameltiledb.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.cameltiledb.client.model.QueryJson;
import dev.cameltiledb.client.model.QueryRanges;
import dev.cameltiledb.client.model.SqlParameters;
import dev.cameltiledb.testing.Hostile;

/**
 * Run in a child JVM with a small heap by {@link StreamedRowsHeapTest}: a loopback server answers a result of
 * {@code rows} rows, generated as it is written, and the client reads it row by row, printing
 * {@code ROWS <count> <sum of i>}. Modes: {@code sql} (an array of row objects off the live answer), {@code query}
 * (columns, spooled and read side by side), and {@code sql-collect}, which keeps every row, as a result read whole would:
 * the control that shows the heap is too small to hold the result.
 */
public final class StreamedRowsMain {

    private StreamedRowsMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rows = Integer.parseInt(args[1]);
        boolean sql = mode.startsWith("sql");
        try (Hostile server = new Hostile(x -> answer(x, sql, rows));
                TileDBClient client = new TileDBClient(DataPlaneServer.settings(server.url())
                        .timeouts(5000, 60_000, 5000)
                        // the spool of a JSON query is bounded by maxResponseSize: disk, not heap
                        .limits(300_000, 256L << 20)
                        .build())) {
            List<Map<String, Object>> kept = new ArrayList<>();
            long count = 0;
            long sum = 0;
            try (RowStream result = sql
                    ? client.sql()
                            .exec("acme", SqlParameters.of("select * from `tiledb://acme/big`"))
                            .rows()
                    : client.arrays()
                            .queryJson(
                                    new AssetRef("acme", "big"),
                                    new QueryJson(new QueryRanges("row-major", List.of(List.of())), null),
                                    null)) {
                while (result.hasNext()) {
                    Map<String, Object> row = result.next();
                    if (mode.equals("sql-collect")) {
                        kept.add(row);
                    }
                    count++;
                    sum += ((Number) row.get("i")).longValue();
                }
            }
            System.out.println("ROWS " + count + " " + sum + (kept.isEmpty() ? "" : " kept " + kept.size()));
        }
    }

    private static void answer(HttpExchange exchange, boolean sql, int rows) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-TILEDB-CLOUD-TASK-ID", DataPlaneServer.TASK_ID);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            if (sql) {
                out.write('[');
                for (int i = 0; i < rows; i++) {
                    write(
                            out,
                            (i == 0 ? "" : ",") + "{\"i\":" + i + ",\"region\":\"region-" + (i % 7) + "\",\"total\":"
                                    + i + ".5}");
                }
                out.write(']');
            } else {
                write(out, "{\"i\":[");
                for (int i = 0; i < rows; i++) {
                    write(out, (i == 0 ? "" : ",") + i);
                }
                write(out, "],\"total\":[");
                for (int i = 0; i < rows; i++) {
                    write(out, (i == 0 ? "" : ",") + i + ".5");
                }
                write(out, "]}");
            }
        } catch (IOException dropped) {
            // the client stopped reading: what a control run may do
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
