package dev.cameltiledb.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Workloads 8 and 9, the data plane: a SQL result of {@code -Dbench.rows} rows (1,000,000 by default) and a JSON query
 * of as many cells, read one {@code Map} a row by a Camel route ({@code split(body()).streaming()}), by HttpClient 5
 * and Jackson's streaming parser written by hand, and by TileDB's JavaScript client. Every run is a JVM of its own
 * with the same small heap ({@link DataPlaneProbe}), timed inside after a warm-up read; heap is that JVM's peak, at
 * 10,000 and 100,000 rows and at the full size.
 *
 * <p>The route needs the component's {@code tiledb:sql} resource and the query operation; where the component on the
 * classpath has not got them, the client module's row streams (what the route would hand to the splitter) stand in,
 * and the table says so.
 */
final class DataPlaneWorkloads {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    /** Each run reads up to a million rows in a fresh JVM: a few rounds give a steady median. */
    static final int ROUNDS = Integer.getInteger("bench.dataRounds", 5);
    /** Small enough that a result held whole (a million Maps) could not fit. */
    static final String XMX = "128m";

    private static final String KEY = "bench-key";
    private static final String SCHEMA = """
            {"arrayType":"sparse","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "domain":{"type":"INT64","dimensions":[
               {"name":"id","type":"INT64","domain":{"int64":[0,1000000000]},"nullTileExtent":false,"tileExtent":{"int64":10000}}]},
             "attributes":[{"name":"v","type":"FLOAT64","cellValNum":1,"nullable":false},
                           {"name":"s","type":"STRING_UTF8","cellValNum":4294967295,"nullable":false}]}""";

    private DataPlaneWorkloads() {}

    /** An emulator whose array {@code bench/cells} holds {@code ROWS} cells: id 0.., v = id + 0.25, s = "row-<id>". */
    static TileDBEmulator startEmulator() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode cells = mapper.createObjectNode();
        ArrayNode ids = cells.putArray("id");
        ArrayNode values = cells.putArray("v");
        ArrayNode labels = cells.putArray("s");
        for (long id = 0; id < ROWS; id++) {
            ids.add(id);
            values.add(id + 0.25);
            labels.add("row-" + id);
        }
        JsonNode schema = mapper.readTree(SCHEMA);
        long started = System.nanoTime();
        TileDBEmulator emulator = TileDBEmulator.builder()
                .seed(new Seed(
                        List.of(new User("bench", "bench@example.com", "bench-password", List.of(KEY))),
                        List.of(new Organization(DataPlaneProbe.NS, Map.of("bench", "owner"))),
                        List.of(new Seed.SeedArray(
                                        DataPlaneProbe.NS, DataPlaneProbe.ARRAY, null, null, null, null, null, null)
                                .withCells(schema, cells, 1_000L))))
                .build()
                .start();
        System.err.printf("seeded %d cells in %.1f s%n", ROWS, (System.nanoTime() - started) / 1e9);
        return emulator;
    }

    /**
     * Whether the component on the classpath starts a route to {@code endpoint} (its resource, operation and options
     * known); the route variant needs it. Nothing is sent.
     */
    static boolean componentHas(String endpoint) {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:check").to(endpoint + "&host=http://127.0.0.1:1&apiKey=probe");
                }
            });
            camel.start();
            return true;
        } catch (Exception unknown) {
            return false;
        }
    }

    /** The route contender whose split exchanges each carry a List of rows ({@code batchSize}). */
    static final String BATCHED =
            "camel-tiledb route, batchSize=" + DataPlaneProbe.BATCH + ", split(body()).streaming()";

    /** The mode of the JavaScript peer's runs in the heaps map. */
    static final String JS = "js";

    /**
     * The contenders of one workload ({@code sql} or {@code query}), each a probe run answering its elapsed ms and
     * adding its peak heap to {@code heaps} under its mode. With the route come, where the component has
     * {@code batchSize} ({@code batches}), the same route split in batches, and two rows that show where the route's
     * time goes: the client's row stream with no Camel, and Camel's splitter alone over as many Maps made in memory.
     */
    static Map<String, Benchmarks.Run> contenders(
            String kind, String url, boolean route, boolean batches, Path jsPeer, Map<String, List<Long>> heaps) {
        Map<String, Benchmarks.Run> contenders = new LinkedHashMap<>();
        add(contenders, "baseline (HttpClient 5 + Jackson streaming)", kind + "-baseline", url, heaps);
        if (route) {
            add(contenders, "camel-tiledb route, split(body()).streaming()", kind + "-route", url, heaps);
            if (batches) {
                add(contenders, BATCHED, kind + "-route-batch", url, heaps);
            }
            add(contenders, "tiledb-cloud-client RowStream, no Camel", kind + "-client", url, heaps);
            add(contenders, "control: the same split over Maps made in memory, no HTTP", "split-only", url, heaps);
        } else {
            add(contenders, "tiledb-cloud-client RowStream (stand-in for the route)", kind + "-client", url, heaps);
        }
        if (jsPeer != null) {
            contenders.put(
                    "@tiledb-inc/tiledb-cloud 1.0.8 (Node, whole answer)",
                    () -> node(jsPeer, kind, url, ROWS, heaps.computeIfAbsent(JS, k -> new ArrayList<>())));
        }
        return contenders;
    }

    private static void add(
            Map<String, Benchmarks.Run> contenders,
            String name,
            String mode,
            String url,
            Map<String, List<Long>> heaps) {
        contenders.put(name, () -> probe(mode, url, ROWS, heaps.computeIfAbsent(mode, k -> new ArrayList<>())));
    }

    /** One probe JVM reading {@code n} rows; adds its peak heap to {@code heaps}, answers its elapsed ms. */
    static double probe(String mode, String url, long n, List<Long> heaps) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + XMX,
                "-XX:+UseSerialGC",
                "-cp",
                Benchmarks.probeClasspath(),
                DataPlaneProbe.class.getName(),
                mode,
                url,
                KEY,
                String.valueOf(n));
        return Benchmarks.measured(mode, new ProcessBuilder(command), heaps);
    }

    /** TileDB's JavaScript client reading {@code n} rows; adds its peak resident set to {@code heaps}. */
    static double node(Path peer, String kind, String url, long n, List<Long> heaps) throws Exception {
        ProcessBuilder node = new ProcessBuilder(
                "node",
                peer.resolveSibling("data-peer.mjs").toString(),
                url,
                KEY,
                kind,
                DataPlaneProbe.NS,
                DataPlaneProbe.ARRAY,
                String.valueOf(n));
        return Benchmarks.measured("the JavaScript peer (" + kind + ")", node, heaps);
    }
}
