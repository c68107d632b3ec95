package dev.cameltiledb.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.cells.ArrayCells;
import dev.cameltiledb.client.cells.CellInput;
import dev.cameltiledb.client.cells.CellWrite;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;

/**
 * Workloads 10 and 11, cells over TileDB's REST query protocol: read {@code -Dbench.cells} int64 cells (10,000,000 by
 * default) and write as many, dense (one INT64 dimension, one INT64 attribute, no coordinates sent) and sparse
 * (coordinates sent), by our client ({@code CellsApi}, typed columns), the Camel route (columns), TileDB's JavaScript
 * client ({@code TileDBQuery}) and the ceiling, HttpClient 5 by hand moving the same bytes ({@link CellsProbe}).
 *
 * <p>The emulator runs in this JVM; every contender runs in a JVM (or Node process) of its own with the same heap and
 * reports its timed wall time, peak heap and process CPU time. This JVM's CPU time over the same run is the
 * emulator's (nothing else runs here meanwhile): the table gives both, so what the client costs is seen apart from
 * what the emulator (cells in H2) costs. Every write goes into a fresh array, deleted after the run.
 */
final class CellsWorkloads {

    static final long CELLS = Long.getLong("bench.cells", 10_000_000L);
    /** Each run moves up to ten million cells through the emulator: one round by default. */
    static final int ROUNDS = Integer.getInteger("bench.cellRounds", 1);
    /** The read buffer of ours, the route, the loop and the JavaScript client alike. */
    static final long BUFFER = Long.getLong("bench.cellBuffer", 64L << 20);
    /** The JavaScript client's read buffer where the shared one fails it. */
    static final long JS_FALLBACK = 8L << 20;
    /** The cells of each write request (a fragment): the component's default fragmentSize. */
    static final int FRAGMENT = (int) Math.min(CELLS, Integer.getInteger("bench.fragment", 1_000_000));

    static final String XMX = System.getProperty("bench.cellXmx", "512m");
    /**
     * Node's old space, in MiB: a cap that keeps the JavaScript client (several GiB of resident set for a million
     * cells) from taking the machine; its ArrayBuffers live outside it.
     */
    static final int NODE_HEAP_MB = Integer.getInteger("bench.nodeHeapMb", 4096);

    private static final String KEY = "bench-key";
    /** The cells the emulator is warmed with, each way. */
    private static final long WARM_EMULATOR = 500_000;

    private static final int ARRAYS_PER_KIND = 8 * (ROUNDS + 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TileDBEmulator emulator;
    private final Path jsPeer;
    private final List<String> rows = new ArrayList<>();
    private int nextArray;

    private CellsWorkloads(TileDBEmulator emulator, Path jsPeer) {
        this.emulator = emulator;
        this.jsPeer = jsPeer;
    }

    /**
     * An array's schema: dense d in [0, cells), or sparse d in [0, 2^40]; attribute a, both INT64. (The warm-up
     * arrays hold fewer cells: a route's dense write without coordinates fills the whole domain.)
     */
    static String schema(boolean dense, long cells) {
        long hi = dense ? cells - 1 : 1L << 40;
        long extent = dense ? Math.min(cells, 1_000_000) : 1_000_000;
        return """
                {"arrayType":"%s","tileOrder":"row-major","cellOrder":"row-major","capacity":100000,
                 "domain":{"type":"INT64","dimensions":[
                   {"name":"d","type":"INT64","domain":{"int64":[0,%d]},"nullTileExtent":false,"tileExtent":{"int64":%d}}]},
                 "attributes":[{"name":"a","type":"INT64","cellValNum":1,"nullable":false}]}""".formatted(dense ? "dense" : "sparse", hi, extent);
    }

    /** Runs the workloads asked for ({@code cells-read}, {@code cells-write}); answers the table's rows. */
    static List<String> run(Path work, boolean read, boolean write) throws Exception {
        Path peer = JsPeer.install(work);
        if (peer == null) {
            System.err.println("no Node or npm: the JavaScript client is left out of workloads 10 and 11");
        }
        List<Seed.SeedArray> arrays = new ArrayList<>();
        for (String kind : new String[] {"dense", "sparse"}) {
            var schema = JSON.readTree(schema(kind.equals("dense"), CELLS));
            arrays.add(new Seed.SeedArray(CellsProbe.NS, "warm-" + kind, null, null, null, null, null, null)
                    .withCells(
                            JSON.readTree(schema(kind.equals("dense"), Math.min(CELLS, CellsProbe.WARM_UP))),
                            null,
                            null));
            List<String> names = new ArrayList<>(List.of("read-" + kind, "spare-" + kind));
            for (int i = 0; i < ARRAYS_PER_KIND; i++) {
                names.add("w-" + kind + "-" + i);
            }
            for (String name : names) {
                arrays.add(new Seed.SeedArray(CellsProbe.NS, name, null, null, null, null, null, null)
                        .withCells(schema, null, null));
            }
        }
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                .seed(new Seed(
                        List.of(new User("bench", "bench@example.com", "bench-password", List.of(KEY))),
                        List.of(new Organization(CellsProbe.NS, Map.of("bench", "owner"))),
                        arrays))
                .build()
                .start()) {
            CellsWorkloads cells = new CellsWorkloads(emulator, peer);
            try {
                cells.warmEmulator();
                if (write) {
                    cells.workload(false, true);
                    cells.workload(false, false);
                }
                if (read) {
                    cells.writeThrough("read-dense", true, CELLS);
                    cells.writeThrough("read-sparse", false, CELLS);
                    cells.workload(true, true);
                    cells.workload(true, false);
                }
            } catch (Exception | OutOfMemoryError stopped) {
                // the rows measured so far are printed all the same, with what stopped the rest
                stopped.printStackTrace();
                cells.rows.add("| stopped | " + tail(new Exception(String.valueOf(stopped))) + " | | | | | | | | |");
            }
            return cells.rows;
        }
    }

    /**
     * Warms the emulator's write and read paths (its JIT, H2's pages) before anything is timed: the first runs were
     * up to three times slower than the same runs later. {@value #WARM_EMULATOR} cells (at most) each way, dense and
     * sparse, into spare arrays that are deleted after.
     */
    private void warmEmulator() throws Exception {
        long cells = Math.min(CELLS, WARM_EMULATOR);
        for (boolean dense : new boolean[] {true, false}) {
            String array = "spare-" + (dense ? "dense" : "sparse");
            writeThrough(array, dense, cells);
            try (TileDBClient client = CellsProbe.client(job(dense, array, array))) {
                var schema = client.cells().schema(CellsProbe.NS, array);
                var read = new dev.cameltiledb.client.cells.CellRead(
                        CellsProbe.fields(dense), CellsProbe.ranges(dense, cells), "row-major", null, null, BUFFER);
                try (var pages = client.cells().read(CellsProbe.NS, array, schema, read)) {
                    pages.forEachRemaining(page -> {});
                }
            }
            delete(array);
        }
    }

    /** Writes the cells {@link CellsProbe} reads (a = i) through our client, in this JVM, untimed. */
    private void writeThrough(String array, boolean dense, long cells) throws Exception {
        CellsProbe.Job job = job(dense, array, array);
        try (TileDBClient client = CellsProbe.client(job)) {
            long started = System.nanoTime();
            long cpu = CellsProbe.processCpu();
            ArrayCells schema = client.cells().schema(CellsProbe.NS, array);
            for (long from = 0; from < cells; from += FRAGMENT) {
                int size = (int) Math.min(FRAGMENT, cells - from);
                CellWrite w = CellInput.columns(schema, job.cells(from, size));
                if (dense) {
                    w = w.inBox(List.<long[]>of(new long[] {from, from + size - 1}), "row-major");
                }
                client.cells().write(CellsProbe.NS, array, schema, w, null);
            }
            System.err.printf(
                    "wrote %,d cells into %s in %.1f s (this JVM's CPU, client and emulator: %.1f s)%n",
                    cells, array, (System.nanoTime() - started) / 1e9, (CellsProbe.processCpu() - cpu) / 1e9);
        }
    }

    private CellsProbe.Job job(boolean dense, String array, String warm) {
        return new CellsProbe.Job(emulator.url(), KEY, dense, array, warm, CELLS, BUFFER, FRAGMENT);
    }

    /** One measured run: wall ms, peak heap (or Node's resident set), client CPU ns, emulator CPU ns. */
    record Sample(double millis, long heap, long clientCpu, long emulatorCpu) {}

    private void workload(boolean read, boolean dense) throws Exception {
        String kind = dense ? "dense" : "sparse";
        String op = read ? "read" : "write";
        Map<String, String> contenders = new LinkedHashMap<>();
        contenders.put("hand-written HttpClient 5 loop (ceiling)", "loop");
        contenders.put("ours: CellsApi, typed columns", "ours");
        if (DataPlaneWorkloads.componentHas("tiledb:arrays?operation=" + op + "&namespace=x&array=y")) {
            contenders.put(
                    read
                            ? "camel-tiledb route, cellFormat=columns, streamResults"
                            : "camel-tiledb route, the body a Map of long[] columns",
                    "camel");
        } else {
            System.err.println("the component has no arrays?operation=" + op + ": the route is left out");
        }
        if (jsPeer != null) {
            contenders.put("@tiledb-inc/tiledb-cloud 1.0.8 TileDBQuery (Node)", "js");
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        List<Map.Entry<String, String>> order = new ArrayList<>(contenders.entrySet());
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < order.size(); i++) {
                Map.Entry<String, String> c = order.get((round + i) % order.size());
                String array = read ? "read-" + kind : "w-" + kind + "-" + nextArray++;
                Sample s;
                try {
                    s = measure(c.getValue(), op, dense, array, BUFFER);
                } catch (IllegalStateException failed) {
                    if (read && c.getValue().equals("js")) {
                        // TileDB's JavaScript client holds several copies of a page: where the shared buffer is too
                        // much for it, its row says so and gives it with a smaller one
                        System.err.println("  read " + kind + " js failed with a buffer of " + (BUFFER >> 20)
                                + " MiB; again with " + (JS_FALLBACK >> 20) + " MiB: " + tail(failed));
                        try {
                            samples.get(c.getKey()).add(measure("js", op, dense, array, JS_FALLBACK));
                            failures.put(
                                    c.getKey(),
                                    "failed with a buffer of " + (BUFFER >> 20) + " MiB (" + tail(failed)
                                            + "); this row: bufferSize " + (JS_FALLBACK >> 20) + " MiB");
                            continue;
                        } catch (IllegalStateException again) {
                            failed = again;
                        }
                    }
                    // one contender failing (the JavaScript client out of memory, say) leaves the others' rows
                    failures.put(c.getKey(), "failed: " + tail(failed));
                    System.err.println("  " + op + " " + kind + " " + c.getValue() + " failed: " + failed.getMessage());
                    if (!read) {
                        delete(array);
                    }
                    continue;
                }
                samples.get(c.getKey()).add(s);
                System.err.printf(
                        "  %s %s %s: %.0f ms, client CPU %.1f s, emulator CPU %.1f s, peak %s%n",
                        op, kind, c.getValue(), s.millis(), s.clientCpu() / 1e9, s.emulatorCpu() / 1e9, mib(s.heap()));
                if (!read) {
                    delete(array);
                }
            }
        }
        String title = (read ? "10. read " : "11. write ") + String.format("%,d", CELLS) + " " + kind + " int64 cells"
                + (read ? ", buffer " + (BUFFER >> 20) + " MiB" : ", fragments of " + String.format("%,d", FRAGMENT))
                + " (-Xmx" + XMX + ")";
        double ceiling = median(samples.values().iterator().next(), Sample::millis);
        double ceilingCpu = median(samples.values().iterator().next(), Sample::clientCpu);
        double ours = median(samples.get("ours: CellsApi, typed columns"), Sample::millis);
        samples.forEach((name, list) -> {
            if (list.isEmpty()) {
                rows.add("| " + title + " | " + name + " | " + failures.get(name) + " | | | | | | | |");
                return;
            }
            String note = failures.containsKey(name) ? " (" + failures.get(name) + ")" : "";
            double ms = median(list, Sample::millis);
            double clientCpu = median(list, Sample::clientCpu);
            double emulatorCpu = median(list, Sample::emulatorCpu);
            rows.add(String.format(
                    "| %s | %s | %.0f | %,.0f | %.0f | %.2f | %.0f%% | %s | %.2f | %.2f |",
                    title,
                    name + note,
                    ms,
                    CELLS / (ms / 1000),
                    clientCpu / CELLS,
                    clientCpu / ceilingCpu,
                    100 * emulatorCpu / (ms * 1e6),
                    mib(median(list, Sample::heap)) + (name.contains("Node") ? " (resident set)" : ""),
                    ms / ceiling,
                    ms / ours));
        });
        System.err.println("done: " + title);
    }

    /** One contender's run in a JVM (or Node) of its own; this JVM's CPU meanwhile is the emulator's. */
    private Sample measure(String contender, String op, boolean dense, String array, long buffer) throws Exception {
        String kind = dense ? "dense" : "sparse";
        String warm = "warm-" + kind;
        List<String> command = contender.equals("js")
                ? List.of(
                        "node",
                        "--max-old-space-size=" + NODE_HEAP_MB,
                        jsPeer.resolveSibling("cells-peer.mjs").toString(),
                        emulator.url(),
                        KEY,
                        op,
                        kind,
                        CellsProbe.NS,
                        array,
                        warm,
                        String.valueOf(CELLS),
                        String.valueOf(buffer),
                        String.valueOf(FRAGMENT))
                : List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + XMX,
                        "-XX:+UseSerialGC",
                        "-cp",
                        Benchmarks.probeClasspath(),
                        CellsProbe.class.getName(),
                        contender + "-" + op,
                        emulator.url(),
                        KEY,
                        kind,
                        array,
                        warm,
                        String.valueOf(CELLS),
                        String.valueOf(buffer),
                        String.valueOf(FRAGMENT));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        long startCpu = -1;
        long emulatorCpu = -1;
        String last = "";
        try (var lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.equals(CellsProbe.START)) {
                    startCpu = CellsProbe.processCpu();
                } else if (line.equals(CellsProbe.END) && startCpu >= 0) {
                    emulatorCpu = CellsProbe.processCpu() - startCpu;
                } else {
                    out.append(line).append('\n');
                    if (!line.isBlank()) {
                        last = line.strip();
                    }
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || emulatorCpu < 0) {
            throw new IllegalStateException(contender + " " + op + " " + kind + " failed (exit " + exit + "): " + out);
        }
        String[] fields = last.split(" ");
        return new Sample(
                Double.parseDouble(fields[0]),
                (long) Double.parseDouble(fields[1]),
                (long) Double.parseDouble(fields[3]),
                emulatorCpu);
    }

    /**
     * A failure's message on one line for the table: its first line naming an error (Node's stack comes after the
     * error), else its end.
     */
    private static String tail(Exception failed) {
        String message = String.valueOf(failed.getMessage()).strip();
        for (String line : message.split("\n")) {
            if (line.contains("Error") && !line.strip().startsWith("at ")) {
                return line.strip().replace('|', '/');
            }
        }
        String why = message.replace('\n', ' ').replace('|', '/');
        return why.substring(Math.max(0, why.length() - 200));
    }

    /** Deletes a written array, so the emulator's memory does not grow by ten million cells a run. */
    private void delete(String array) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.url() + "/v1/arrays/" + CellsProbe.NS + "/" + array))
                                .header("X-TILEDB-REST-API-KEY", KEY)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            System.err.println("deleting " + array + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The rows' header: what the columns mean. */
    static List<String> header() {
        return List.of(
                "| workload | contender | median ms | cells/s | client CPU ns/cell | client CPU vs ceiling |"
                        + " emulator CPU / wall | peak heap | time vs ceiling | time vs ours |",
                "|---|---|---|---|---|---|---|---|---|---|");
    }

    private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> of) {
        double[] sorted = values.stream().mapToDouble(of).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String mib(double bytes) {
        return String.format("%.1f MiB", bytes / (1024 * 1024));
    }
}
