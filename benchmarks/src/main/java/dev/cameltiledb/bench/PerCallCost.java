package dev.cameltiledb.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.User;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The per-message cost of the component next to the hand-written baseline, measured in the client's process only:
 * the emulator runs in a JVM of its own, so this process's CPU time ({@code getProcessCpuTime}) is the client's. For
 * workloads 1 (one caller) and 2 (32 callers) it reports the wall ratio of medians and the CPU microseconds per call,
 * first on a quiet machine, then with a background CPU load: busy threads in a third process ({@link BusyLoad}).
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl benchmarks -am -DskipTests package exec:java
 * -Dbench.main=dev.cameltiledb.bench.PerCallCost}. Scale with {@code -Dbench.calls}, {@code -Dbench.rounds},
 * {@code -Dbench.loadThreads} (default 2: both cores of this machine busy).
 */
public final class PerCallCost {

    private static final String KEY = "bench-key";
    private static final String NS = "bench";
    private static final int CALLS = Integer.getInteger("bench.calls", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 9);
    private static final int LOAD_THREADS = Integer.getInteger("bench.loadThreads", 2);
    private static final int CONCURRENCY = 32;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One measured round: wall and this process's CPU time. */
    private record Sample(double wallMillis, double cpuMillis) {}

    public static void main(String[] args) throws Exception {
        Seed seed = new Seed(
                List.of(new User("bench", "bench@example.com", "bench-password", List.of(KEY))),
                List.of(new Organization(NS, Map.of("bench", "owner"))),
                List.of(new Seed.SeedArray(
                        NS, "target", null, "the array every info call reads", List.of("bench"), null, null, null)));
        List<String> rows = new ArrayList<>();
        try (StandaloneEmulator emulator = StandaloneEmulator.start("per-call", seed);
                BaselineClient baseline = new BaselineClient(emulator.url(), KEY, CONCURRENCY);
                CamelContext camel = new DefaultCamelContext()) {
            String url = emulator.url();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:info")
                            .to("tiledb:arrays?operation=info&namespace=" + NS + "&array=target&maxConnections="
                                    + CONCURRENCY + "&host=" + url + "&apiKey=" + KEY);
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Endpoint info = camel.getEndpoint("direct:info");
            Benchmarks.Call base = () -> baseline.info(NS, "target");
            Benchmarks.Call component = () -> template.requestBody(info, (Object) null);

            for (boolean loaded : new boolean[] {false, true}) {
                Process load = loaded
                        ? Benchmarks.java("-Xmx64m", BusyLoad.class.getName(), String.valueOf(LOAD_THREADS))
                                .start()
                        : null;
                try {
                    String machine = loaded ? LOAD_THREADS + " busy threads in another process" : "quiet";
                    measure(rows, "1. info x " + CALLS + ", one caller", machine, 1, base, component);
                    measure(
                            rows,
                            "2. info x " + CALLS + ", " + CONCURRENCY + " callers",
                            machine,
                            CONCURRENCY,
                            base,
                            component);
                } finally {
                    if (load != null) {
                        load.destroyForcibly().waitFor();
                    }
                }
            }
        }
        System.out.printf(
                "%n%d rounds after one warm-up round, baseline and component alternating; emulator in its own JVM;"
                        + " CPU = this (client) process's CPU time per call%n%n",
                ROUNDS);
        System.out.println("| workload | machine | baseline median ms | camel-tiledb median ms | wall ratio |"
                + " baseline CPU µs/call | camel-tiledb CPU µs/call | CPU ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static void measure(
            List<String> rows,
            String workload,
            String machine,
            int threads,
            Benchmarks.Call baseline,
            Benchmarks.Call component)
            throws Exception {
        Map<String, Benchmarks.Call> contenders = new LinkedHashMap<>();
        contenders.put("baseline", baseline);
        contenders.put("component", component);
        for (Benchmarks.Call call : contenders.values()) {
            timed(CALLS, threads, call);
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(contenders.keySet());
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < order.size(); i++) {
                String name = order.get((round + i) % order.size());
                samples.get(name).add(timed(CALLS, threads, contenders.get(name)));
            }
        }
        double baseWall = median(samples.get("baseline"), Sample::wallMillis);
        double compWall = median(samples.get("component"), Sample::wallMillis);
        double baseCpu = median(samples.get("baseline"), Sample::cpuMillis) * 1000 / CALLS;
        double compCpu = median(samples.get("component"), Sample::cpuMillis) * 1000 / CALLS;
        rows.add(String.format(
                "| %s | %s | %.0f | %.0f | %.2f | %.1f | %.1f | %.2f |",
                workload, machine, baseWall, compWall, compWall / baseWall, baseCpu, compCpu, compCpu / baseCpu));
        System.err.println("done: " + workload + ", " + machine);
    }

    private static Sample timed(int calls, int threads, Benchmarks.Call call) throws Exception {
        long cpu = OS.getProcessCpuTime();
        long started = System.nanoTime();
        Benchmarks.runCalls(calls, threads, call);
        return new Sample((System.nanoTime() - started) / 1e6, (OS.getProcessCpuTime() - cpu) / 1e6);
    }

    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
