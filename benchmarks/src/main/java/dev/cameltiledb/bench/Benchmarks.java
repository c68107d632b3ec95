package dev.cameltiledb.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What does the convenience cost? Each workload runs its contenders alternately (A B C, B C A, ...) after a warm-up
 * round, against one emulator on loopback, and the table gives median, min and max with the ratio of medians to the
 * hand-written baseline. Heap is measured in JVMs of their own with the same -Xmx (see {@link HeapProbe}).
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl benchmarks -am -DskipTests package exec:java}. Scale with
 * {@code -Dbench.calls=20000 -Dbench.rounds=9 -Dbench.arrays=100000 -Dbench.notebookMb=200 -Dbench.notebookRounds=25};
 * choose workloads with {@code -Dbench.workloads=info,listing,notebook,assets,arraylake,sql-rows,query-cells,cells-read,cells-write}
 * (all by default); the data plane's with {@code -Dbench.rows=1000000 -Dbench.dataRounds=5}; the cells' (workloads 10
 * and 11, {@link CellsWorkloads}) with {@code -Dbench.cells=10000000 -Dbench.cellRounds=1 -Dbench.cellBuffer=67108864}.
 */
public final class Benchmarks {

    private static final String KEY = "bench-key";
    private static final String NS = "bench";
    private static final int CALLS = Integer.getInteger("bench.calls", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 9);
    /**
     * Workload 4 writes 400 MiB a run (the emulator's copy and the download), and this machine's disk stalls one run in
     * three or four for up to a second, whichever contender it is. With fifteen rounds the medians still moved
     * 1.03-1.12 between runs; twenty-five keep them about the client.
     */
    private static final int NOTEBOOK_ROUNDS = Integer.getInteger("bench.notebookRounds", 25);

    private static final int ARRAYS = Integer.getInteger("bench.arrays", 100_000);
    /** The workloads to run, by name. */
    private static final List<String> WORKLOADS = List.of(System.getProperty(
                    "bench.workloads",
                    "info,listing,notebook,assets,arraylake,sql-rows,query-cells,cells-read,cells-write")
            .split(","));

    private static final int NOTEBOOK_MB = Integer.getInteger("bench.notebookMb", 200);
    private static final int CONCURRENCY = 32;
    /** Busy threads of the background load in the loaded runs of workloads 1 and 2 (2: both cores here). */
    private static final int LOAD_THREADS = Integer.getInteger("bench.loadThreads", 2);
    /** The benchmarks module, where the build left the probes' classpath and the Node script lives. */
    static final Path DIR = Path.of(System.getProperty("bench.dir", "."));

    private final List<String> rows = new ArrayList<>();
    /** Workloads 10 and 11 have columns of their own (throughput, CPU per cell, the emulator's share). */
    private final List<String> cellRows = new ArrayList<>();

    private final TileDBEmulator emulator;
    private final Path work;

    private Benchmarks(TileDBEmulator emulator, Path work) {
        this.emulator = emulator;
        this.work = work;
    }

    @FunctionalInterface
    interface Call {
        void call() throws Exception;
    }

    @FunctionalInterface
    interface Run {
        /** One measured unit of work; returns its elapsed milliseconds (and may add a note). */
        double millis() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(DIR.resolve("target").resolve("bench"));
        List<Seed.SeedArray> arrays = new ArrayList<>();
        arrays.add(new Seed.SeedArray(
                NS, "target", null, "the array every info call reads", List.of("bench"), null, null, null));
        IntStream.range(0, ARRAYS)
                .forEach(i -> arrays.add(
                        new Seed.SeedArray("big", String.format("a%06d", i), null, null, null, null, null, null)));
        IntStream.range(0, 10_000)
                .forEach(i -> arrays.add(
                        new Seed.SeedArray("small", String.format("a%06d", i), null, null, null, null, null, null)));
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                .seed(new Seed(
                        List.of(new User("bench", "bench@example.com", "bench-password", List.of(KEY))),
                        List.of(
                                new Organization(NS, Map.of("bench", "owner")),
                                new Organization("big", Map.of("bench", "owner")),
                                new Organization("small", Map.of("bench", "owner"))),
                        arrays))
                .build()
                .start()) {
            Benchmarks bench = new Benchmarks(emulator, work);
            if (WORKLOADS.contains("info")) {
                bench.infoWorkloads();
            }
            if (WORKLOADS.contains("listing")) {
                bench.listingWorkload();
            }
            if (WORKLOADS.contains("notebook")) {
                bench.notebookWorkload();
            }
            if (WORKLOADS.contains("assets")) {
                bench.assetsWorkload();
            }
            if (WORKLOADS.contains("arraylake")) {
                bench.arraylakeWorkload();
            }
            if (WORKLOADS.contains("sql-rows") || WORKLOADS.contains("query-cells")) {
                bench.dataPlaneWorkloads();
            }
            if (WORKLOADS.contains("cells-read") || WORKLOADS.contains("cells-write")) {
                bench.cellRows.addAll(
                        CellsWorkloads.run(work, WORKLOADS.contains("cells-read"), WORKLOADS.contains("cells-write")));
            }
            bench.print();
        }
        System.exit(0);
    }

    // ---- workloads 1, 2 and 5: info calls, one caller and 32, component vs baseline vs the JavaScript peer

    private void infoWorkloads() throws Exception {
        Path peer = JsPeer.install(work);
        try (CamelContext camel = new DefaultCamelContext();
                BaselineClient baseline = new BaselineClient(emulator.url(), KEY, CONCURRENCY)) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:info")
                            .to("tiledb:arrays?operation=info&namespace=" + NS + "&array=target&maxConnections="
                                    + CONCURRENCY + "&host=" + emulator.url() + "&apiKey=" + KEY);
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            // resolved once, as a hot loop should: a String URI is normalised and looked up on every call
            Endpoint info = camel.getEndpoint("direct:info");
            Map<String, List<Double>> results = infoRounds(baseline, template, info, peer, "");
            // the same two workloads while another process keeps the CPUs busy, as on a shared machine
            Process load = java("-Xmx64m", BusyLoad.class.getName(), String.valueOf(LOAD_THREADS))
                    .start();
            try {
                infoRounds(baseline, template, info, peer, ", " + LOAD_THREADS + " busy threads in another process");
            } finally {
                load.destroyForcibly().waitFor();
            }
            double best = results.get("baseline (HttpClient 5 + Jackson)").stream()
                    .mapToDouble(Double::doubleValue)
                    .min()
                    .orElseThrow();
            rows.add(String.format(
                    "| 5. emulator ceiling | baseline, %d callers | %.0f requests/s at best | | | |",
                    CONCURRENCY, CALLS / (best / 1000)));
        }
    }

    /** Workloads 1 and 2: the same info call by one caller and by 32, every contender in turn. */
    private Map<String, List<Double>> infoRounds(
            BaselineClient baseline, ProducerTemplate template, Endpoint info, Path peer, String machine)
            throws Exception {
        Map<String, Run> sequential = new LinkedHashMap<>();
        sequential.put("baseline (HttpClient 5 + Jackson)", () -> timed(CALLS, 1, () -> baseline.info(NS, "target")));
        sequential.put(
                "camel-tiledb (ProducerTemplate)",
                () -> timed(CALLS, 1, () -> template.requestBody(info, (Object) null)));
        if (peer != null) {
            sequential.put(
                    "@tiledb-inc/tiledb-cloud 1.0.8 (Node)",
                    () -> JsPeer.run(peer, emulator.url(), KEY, NS, "target", CALLS, 1));
        }
        report("1. info x " + CALLS + ", one caller" + machine, sequential);

        Map<String, Run> concurrent = new LinkedHashMap<>();
        concurrent.put(
                "baseline (HttpClient 5 + Jackson)",
                () -> timed(CALLS, CONCURRENCY, () -> baseline.info(NS, "target")));
        concurrent.put(
                "camel-tiledb (ProducerTemplate)",
                () -> timed(CALLS, CONCURRENCY, () -> template.requestBody(info, (Object) null)));
        if (peer != null) {
            concurrent.put(
                    "@tiledb-inc/tiledb-cloud 1.0.8 (Node)",
                    () -> JsPeer.run(peer, emulator.url(), KEY, NS, "target", CALLS, CONCURRENCY));
        }
        return report("2. info x " + CALLS + ", " + CONCURRENCY + " callers" + machine, concurrent);
    }

    /** Runs {@code calls} calls over {@code threads} threads; returns elapsed ms. */
    private static double timed(int calls, int threads, Call call) throws Exception {
        long started = System.nanoTime();
        runCalls(calls, threads, call);
        return (System.nanoTime() - started) / 1e6;
    }

    /** {@code calls} calls, on this thread or shared out over {@code threads} threads. */
    static void runCalls(int calls, int threads, Call call) throws Exception {
        if (threads == 1) {
            for (int i = 0; i < calls; i++) {
                call.call();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = calls / threads + (t < calls % threads ? 1 : 0);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        call.call();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    // ---- workload 3: streamed listing, time and heap in JVMs of their own

    private void listingWorkload() throws Exception {
        Map<String, Run> contenders = new LinkedHashMap<>();
        List<Long> componentHeap = new ArrayList<>();
        List<Long> baselineHeap = new ArrayList<>();
        contenders.put("baseline paging loop", () -> probe("list-baseline", "big", null, "128m", baselineHeap));
        contenders.put("camel-tiledb streamResults", () -> probe("list-component", "big", null, "128m", componentHeap));
        report("3. list " + ARRAYS + " arrays, pages of 100 (-Xmx128m)", contenders);
        List<Long> smallHeap = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            probe("list-component", "small", null, "128m", smallHeap);
        }
        // the control: the same listing collected into one List, so a reader sees the measure catch a heap that grows
        List<Long> allSmallHeap = new ArrayList<>();
        List<Long> allHeap = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            probe("list-component-all", "small", null, "512m", allSmallHeap);
            probe("list-component-all", "big", null, "512m", allHeap);
        }
        rows.add(heapRow("3", "arrays", smallHeap, componentHeap, baselineHeap, allSmallHeap, allHeap));
    }

    // ---- workload 6: a teamspace's assets on the workspace platform, streamed; the same shape as workload 3

    private void assetsWorkload() throws Exception {
        List<Seed.SeedArray> assets = new ArrayList<>();
        assets.add(new Seed.SeedArray(HeapProbe.WARM_TEAMSPACE, "a0", null, null, null, null, null, null));
        IntStream.range(0, ARRAYS)
                .forEach(i -> assets.add(new Seed.SeedArray(
                        "bench/big", String.format("a%06d", i), null, null, null, null, null, null)));
        IntStream.range(0, 10_000)
                .forEach(i -> assets.add(new Seed.SeedArray(
                        "bench/small", String.format("a%06d", i), null, null, null, null, null, null)));
        try (TileDBEmulator workspace = TileDBEmulator.builder()
                .workspaceServer()
                .user("bench", KEY)
                .teamspace("bench", "warm", Map.of("bench", "owner"))
                .teamspace("bench", "big", Map.of("bench", "owner"))
                .teamspace("bench", "small", Map.of("bench", "owner"))
                .seed(new Seed(null, null, assets))
                .build()
                .start()) {
            String url = workspace.url();
            Map<String, Run> contenders = new LinkedHashMap<>();
            List<Long> componentHeap = new ArrayList<>();
            List<Long> baselineHeap = new ArrayList<>();
            contenders.put(
                    "baseline paging loop",
                    () -> probe(url, "assets-baseline", "bench/big", null, "128m", baselineHeap));
            contenders.put(
                    "camel-tiledb streamResults",
                    () -> probe(url, "assets-component", "bench/big", null, "128m", componentHeap));
            report("6. list " + ARRAYS + " assets of a teamspace, pages of 100 (-Xmx128m)", contenders);
            List<Long> smallHeap = new ArrayList<>();
            List<Long> allSmallHeap = new ArrayList<>();
            List<Long> allHeap = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                probe(url, "assets-component", "bench/small", null, "128m", smallHeap);
                // the control: the same listing collected into one List
                probe(url, "assets-component-all", "bench/small", null, "512m", allSmallHeap);
                probe(url, "assets-component-all", "bench/big", null, "512m", allHeap);
            }
            rows.add(heapRow("6", "assets", smallHeap, componentHeap, baselineHeap, allSmallHeap, allHeap));
        }
    }

    /** The peak-heap row of a streamed-listing workload: streamed at two sizes, the baseline, and the List control. */
    private static String heapRow(
            String workload,
            String items,
            List<Long> smallHeap,
            List<Long> componentHeap,
            List<Long> baselineHeap,
            List<Long> allSmallHeap,
            List<Long> allHeap) {
        return String.format(
                "| %s. peak heap | camel-tiledb streamed: 10,000 %s %s, %d %s %s; baseline %d %s %s;"
                        + " control, the same list without streamResults (one List, -Xmx512m): 10,000 %s %s,"
                        + " %d %s %s | | | | |",
                workload,
                items,
                mib(median(smallHeap)),
                ARRAYS,
                items,
                mib(median(componentHeap)),
                ARRAYS,
                items,
                mib(median(baselineHeap)),
                items,
                mib(median(allSmallHeap)),
                ARRAYS,
                items,
                mib(median(allHeap)));
    }

    // ---- workload 7: an Arraylake org's repositories, listed page by page, component vs the hand-written loop

    private void arraylakeWorkload() throws Exception {
        try (var arraylake = ArraylakeListing.startEmulator();
                CamelContext camel = ArraylakeListing.camel(arraylake)) {
            // a run lasts ~0.2 s, so a collector pause weighs on one sample: more rounds keep the median steady
            report(
                    "7. list " + ArraylakeListing.REPOS + " Arraylake repositories of an org, pages of 100",
                    ArraylakeListing.contenders(arraylake, camel),
                    ArraylakeListing.ROUNDS);
        }
    }

    // ---- workloads 8 and 9: the data plane, a SQL result and a JSON query read row by row, time and heap

    private void dataPlaneWorkloads() throws Exception {
        Path peer = JsPeer.install(work);
        try (TileDBEmulator data = DataPlaneWorkloads.startEmulator()) {
            String ns = "namespace=" + DataPlaneProbe.NS;
            if (WORKLOADS.contains("sql-rows")) {
                dataPlaneWorkload(
                        "8. SQL result of", "sql", data.url(), peer, "tiledb:sql?" + ns + "&streamResults=true");
            }
            if (WORKLOADS.contains("query-cells")) {
                dataPlaneWorkload(
                        "9. JSON query of",
                        "query",
                        data.url(),
                        peer,
                        "tiledb:arrays?operation=query&" + ns + "&array=" + DataPlaneProbe.ARRAY
                                + "&streamResults=true");
            }
        }
    }

    private void dataPlaneWorkload(String title, String kind, String url, Path peer, String endpoint) throws Exception {
        boolean route = DataPlaneWorkloads.componentHas(endpoint);
        if (!route) {
            System.err.println(
                    "the component has no " + endpoint + ": the client's row stream stands in for the route");
        }
        if (peer == null) {
            System.err.println("no Node or npm: the JavaScript peer is left out of " + title);
        }
        Map<String, List<Long>> heaps = new LinkedHashMap<>();
        String workload = title + " " + DataPlaneWorkloads.ROWS + " rows (-Xmx" + DataPlaneWorkloads.XMX + ")";
        boolean batches = route && DataPlaneWorkloads.componentHas(endpoint + "&batchSize=" + DataPlaneProbe.BATCH);
        if (route && !batches) {
            System.err.println("the component has no batchSize: the route in batches is left out of " + title);
        }
        Map<String, Run> contenders = DataPlaneWorkloads.contenders(kind, url, route, batches, peer, heaps);
        report(workload, contenders, DataPlaneWorkloads.ROUNDS);
        // peak heap at smaller sizes, three JVMs each, so a reader sees whether it grows with the rows
        StringBuilder row = new StringBuilder("| " + title.substring(0, 1) + ". peak heap |");
        String jvmMode = kind + (route ? "-route" : "-client");
        String camel = route ? "camel-tiledb route" : "client stand-in";
        List<String[]> measured =
                new ArrayList<>(List.of(new String[] {kind + "-baseline", "baseline"}, new String[] {jvmMode, camel}));
        if (batches) {
            measured.add(new String[] {kind + "-route-batch", "route, batchSize=" + DataPlaneProbe.BATCH});
        }
        for (String[] contender : measured) {
            row.append(' ').append(contender[1]).append(':');
            for (int n : new int[] {10_000, 100_000}) {
                if (n < DataPlaneWorkloads.ROWS) {
                    List<Long> small = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        DataPlaneWorkloads.probe(contender[0], url, n, small);
                    }
                    row.append(String.format(" %,d rows %s,", n, mib(median(small))));
                }
            }
            row.append(String.format(" %,d rows %s;", DataPlaneWorkloads.ROWS, mib(median(heaps.get(contender[0])))));
        }
        if (heaps.containsKey(DataPlaneWorkloads.JS)) {
            row.append(String.format(
                    " JavaScript client, peak resident set of the Node process: %,d rows %s;",
                    DataPlaneWorkloads.ROWS, mib(median(heaps.get(DataPlaneWorkloads.JS)))));
        }
        rows.add(row.append(" | | | | |").toString());
    }

    // ---- workload 4: notebook upload + download, time and heap in JVMs of their own

    private void notebookWorkload() throws Exception {
        Path notebook = work.resolve("huge.ipynb");
        writeNotebook(notebook, (long) NOTEBOOK_MB * 1024 * 1024);
        Map<String, Run> contenders = new LinkedHashMap<>();
        List<Long> componentHeap = new ArrayList<>();
        List<Long> baselineHeap = new ArrayList<>();
        try (BaselineClient pruner = new BaselineClient(emulator.url(), KEY, 1)) {
            // Each run adds a 200 MiB version; dropping the older ones between runs (untimed) keeps the page cache's
            // write-back of thousands of megabytes from landing at random in later runs.
            contenders.put(
                    "baseline streaming upload + download",
                    () -> pruned(pruner, probe("notebook-baseline", NS, notebook, "64m", baselineHeap)));
            contenders.put(
                    "camel-tiledb upload + download to file",
                    () -> pruned(pruner, probe("notebook-component", NS, notebook, "64m", componentHeap)));
            contenders.put(
                    "camel-tiledb, download replacing the file it wrote a second earlier",
                    () -> pruned(pruner, probe("notebook-component-replace", NS, notebook, "64m", new ArrayList<>())));
            report(
                    "4. notebook " + NOTEBOOK_MB + " MiB up and down (-Xmx64m), " + NOTEBOOK_ROUNDS + " rounds",
                    contenders,
                    NOTEBOOK_ROUNDS);
        }
        rows.add(String.format(
                "| 4. peak heap | camel-tiledb %s, baseline %s, for a %d MiB notebook | | | | |",
                mib(median(componentHeap)), mib(median(baselineHeap)), NOTEBOOK_MB));
    }

    private static double pruned(BaselineClient pruner, double millis) throws IOException {
        pruner.prune(NS, "huge");
        return millis;
    }

    private double probe(String mode, String namespace, Path file, String xmx, List<Long> heaps) throws Exception {
        return probe(emulator.url(), mode, namespace, file, xmx, heaps);
    }

    private double probe(String url, String mode, String namespace, Path file, String xmx, List<Long> heaps)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx,
                "-XX:+UseSerialGC",
                "-cp",
                probeClasspath(),
                HeapProbe.class.getName(),
                mode,
                url,
                KEY,
                namespace));
        if (file != null) {
            command.add(file.toString());
        }
        return measured(mode, new ProcessBuilder(command), heaps);
    }

    /**
     * Runs a probe that prints {@code <ms> <peak bytes> <items>} as its last line; adds the peak to {@code heaps},
     * answers the ms. {@code what} names the probe when it fails.
     */
    static double measured(String what, ProcessBuilder builder, List<Long> heaps) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(what + " failed: " + out);
        }
        String[] last = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        heaps.add(Long.parseLong(last[1]));
        return Double.parseDouble(last[0]);
    }

    /** A JVM of its own on the benchmarks' classpath, running {@code mainClass}. */
    static ProcessBuilder java(String xmx, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                xmx,
                "-cp",
                probeClasspath(),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    static String probeClasspath() throws IOException {
        return DIR.resolve("target/classes")
                + java.io.File.pathSeparator
                + Files.readString(DIR.resolve("target/probe.classpath")).strip();
    }

    // ---- measuring and reporting

    private Map<String, List<Double>> report(String workload, Map<String, Run> contenders) throws Exception {
        return report(workload, contenders, ROUNDS);
    }

    /** A warm-up round, then {@code rounds} rounds of every contender in turn; adds the rows and returns the samples. */
    private Map<String, List<Double>> report(String workload, Map<String, Run> contenders, int rounds)
            throws Exception {
        for (Run run : contenders.values()) {
            run.millis();
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        List<Map.Entry<String, Run>> order = new ArrayList<>(contenders.entrySet());
        for (int round = 0; round < rounds; round++) {
            // each round starts one contender later (A B C, B C A, C A B ...), so none always runs right after another
            for (int i = 0; i < order.size(); i++) {
                Map.Entry<String, Run> c = order.get((round + i) % order.size());
                samples.get(c.getKey()).add(c.getValue().millis());
            }
        }
        double baseline = median(samples.values().iterator().next());
        samples.forEach((name, ms) -> rows.add(String.format(
                "| %s | %s | %.0f | %.0f | %.0f | %.2f |",
                workload,
                name,
                median(ms),
                ms.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                ms.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                median(ms) / baseline)));
        System.err.println("done: " + workload);
        return samples;
    }

    private void print() {
        System.out.printf(
                "%n%d rounds per workload (workload 4: %d, 7: %d, 8 and 9: %d) after one warm-up round, contenders"
                        + " alternating, each round starting one later; times in ms;"
                        + " ratio = median / baseline median%n%n",
                ROUNDS, NOTEBOOK_ROUNDS, ArraylakeListing.ROUNDS, DataPlaneWorkloads.ROUNDS);
        System.out.println("| workload | contender | median | min | max | ratio |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        if (!cellRows.isEmpty()) {
            System.out.printf(
                    "%nWorkloads 10 and 11: %d round(s), %s cells, each contender in a JVM (or Node) of its"
                            + " own; client CPU = that process's CPU time over the timed run; emulator CPU / wall ="
                            + " the harness JVM's CPU time (the emulator's) over the run's wall time; client CPU vs ceiling ="
                            + " client CPU / the hand-written loop's; time vs ceiling = median / the loop's; time vs"
                            + " ours = median / ours (above 1: ours is faster)%n%n",
                    CellsWorkloads.ROUNDS, String.format("%,d", CellsWorkloads.CELLS));
            CellsWorkloads.header().forEach(System.out::println);
            cellRows.forEach(System.out::println);
        }
    }

    private static <T extends Number> double median(List<T> values) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String mib(double bytes) {
        return String.format("%.1f MiB", bytes / (1024 * 1024));
    }

    private static void writeNotebook(Path file, long size) throws IOException {
        if (Files.exists(file) && Files.size(file) >= size) {
            return;
        }
        String line = "    \"x = 1234567890  # one line of a very long notebook cell for the benchmark\\n\",\n";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\n");
            for (long written = 0; written < size; written += line.length()) {
                out.write(line);
            }
            out.write("    \"end\"\n]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        }
    }
}
