package dev.cameltiledb.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * What the consumers cost: events per second from a hot array, requests and time per poll of a namespace activity
 * stream over 100,000 arrays, events per second from a group, and a change feed over 100,000 arrays (state size, heap,
 * poll time). The consumers run with {@code startScheduler=false}, so each poll is one call of the consumer's
 * {@code run()}. The hot array runs first, against an emulator in a JVM of its own ({@link StandaloneEmulator}), so its
 * figure is the consumer's alone; the other workloads share this JVM with an emulator whose request hook counts each
 * poll's requests exactly.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl benchmarks -am -DskipTests package exec:java
 * -Dbench.main=dev.cameltiledb.bench.ConsumerBenchmarks}. Scale with {@code -Dbench.arrays=100000
 * -Dbench.hotEvents=50000 -Dbench.hotRuns=5 -Dbench.changed=100}; {@code -Dbench.workloads=hot} (or any of
 * {@code hot,namespace,group,feed}) runs only those.
 */
public final class ConsumerBenchmarks {

    private static final String KEY = "bench-key";
    private static final int ARRAYS = Integer.getInteger("bench.arrays", 100_000);
    private static final int HOT_EVENTS = Integer.getInteger("bench.hotEvents", 50_000);
    private static final int CHANGED = Integer.getInteger("bench.changed", 100);
    private static final int POLLS = 5;
    private static final int HOT_RUNS = Integer.getInteger("bench.hotRuns", 5);
    /**
     * Drains before the measured ones, while the JIT compiles the delivery path: on a busy machine its compiler
     * threads wait for a core too, and two warm-up drains left the first measured ones at interpreter speed.
     */
    private static final int HOT_WARM_UP_RUNS = 5;

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final String ALL_WORKLOADS = "hot,namespace,group,feed";
    private static final User USER = new User("bench", "bench@example.com", "bench-password", List.of(KEY));

    private final TileDBEmulator emulator;
    private final AtomicLong requests = new AtomicLong();
    private final List<String> rows;

    private ConsumerBenchmarks(TileDBEmulator emulator, List<String> rows) {
        this.emulator = emulator;
        this.rows = rows;
        emulator.onRequest(r -> requests.incrementAndGet());
    }

    public static void main(String[] args) throws Exception {
        Set<String> workloads =
                Set.of(System.getProperty("bench.workloads", ALL_WORKLOADS).split(","));
        List<String> rows = new ArrayList<>();
        if (workloads.contains("hot")) {
            // first, while this JVM holds nothing else: the consumer's figure, the emulator in its own process
            hotArray(rows);
        }
        if (workloads.stream().anyMatch(w -> !w.equals("hot"))) {
            inProcess(workloads, rows);
        }
        System.out.println();
        System.out.println("| workload | measure | value |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** The workloads that count the emulator's requests through its hook, the emulator in this JVM. */
    private static void inProcess(Set<String> workloads, List<String> rows) throws Exception {
        List<Seed.SeedArray> arrays = new ArrayList<>();
        IntStream.range(0, ARRAYS).forEach(i -> arrays.add(array("ns", i)));
        IntStream.range(0, ARRAYS).forEach(i -> arrays.add(array("feed", i)));
        IntStream.range(0, 200).forEach(i -> arrays.add(array("grp", i)));
        List<Organization> orgs = List.of("ns", "feed", "grp").stream()
                .map(o -> new Organization(o, Map.of("bench", "owner")))
                .toList();
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                .seed(new Seed(List.of(USER), orgs, arrays))
                .build()
                .start()) {
            ConsumerBenchmarks bench = new ConsumerBenchmarks(emulator, rows);
            if (workloads.contains("namespace")) {
                bench.namespaceStream();
            }
            if (workloads.contains("group")) {
                bench.group();
            }
            if (workloads.contains("feed")) {
                bench.changeFeed();
            }
        }
    }

    private static Seed.SeedArray array(String namespace, int i) {
        return new Seed.SeedArray(namespace, String.format("a%06d", i), null, "array " + i, null, null, null, null);
    }

    private String uri(String resource, String options) {
        return uri(emulator.url(), resource, options);
    }

    private static String uri(String host, String resource, String options) {
        return "tiledb:" + resource + "?host=" + host + "&apiKey=" + KEY + "&startScheduler=false&" + options;
    }

    /** A context with one consumer route counting exchanges; polls are driven by {@link #poll}. */
    private static CamelContext consumer(String uri, AtomicLong delivered) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("state", new MemoryStateRepository());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("measured").process(e -> delivered.incrementAndGet());
            }
        });
        camel.start();
        return camel;
    }

    /** One poll (greedy repeats included); returns {requests, millis}. */
    private long[] poll(CamelContext camel) {
        ScheduledPollConsumer consumer =
                (ScheduledPollConsumer) camel.getRoute("measured").getConsumer();
        long before = requests.get();
        long started = System.nanoTime();
        consumer.run();
        return new long[] {requests.get() - before, (System.nanoTime() - started) / 1_000_000};
    }

    private void row(String workload, String measure, String value) {
        row(rows, workload, measure, value);
    }

    private static void row(List<String> rows, String workload, String measure, String value) {
        rows.add("| " + workload + " | " + measure + " | " + value + " |");
        System.err.println(workload + ": " + measure + " = " + value);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    // ---- the namespace stream

    private void namespaceStream() throws Exception {
        String workload = "activity, namespace of " + ARRAYS + " arrays, " + CHANGED + " changed between polls";
        AtomicLong delivered = new AtomicLong();
        long heapBefore = usedHeapAfterGc();
        try (CamelContext camel =
                consumer(uri("activity", "namespace=ns&perPage=100&maxRequestsPerPoll=1000"), delivered)) {
            long[] first = poll(camel);
            row(workload, "first poll (full listing)", first[0] + " requests, " + first[1] + " ms");
            Random random = new Random(42);
            List<Long> counts = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            for (int p = 0; p < POLLS; p++) {
                long expected = delivered.get() + CHANGED;
                Instant now = Instant.now();
                random.ints(0, ARRAYS)
                        .distinct()
                        .limit(CHANGED)
                        .forEach(i ->
                                emulator.addActivity("ns", String.format("a%06d", i), now, "query_write", "bench"));
                long[] measured = poll(camel);
                if (delivered.get() != expected) {
                    throw new IllegalStateException(
                            "the poll delivered " + delivered.get() + " events, expected " + expected);
                }
                counts.add(measured[0]);
                times.add(measured[1]);
            }
            row(
                    workload,
                    "requests per poll, " + POLLS + " polls (each: " + CHANGED + " new events in " + CHANGED
                            + " other arrays)",
                    counts + " (before this change: " + (ARRAYS + 1) + " per poll)");
            row(workload, "poll time ms", times.toString());
            row(
                    workload,
                    "heap held by the consumer (used heap after GC, minus before)",
                    mib(usedHeapAfterGc() - heapBefore));
        }
        steadyNamespaceStream(workload);
    }

    /**
     * The same stream once every changed array also gets its second read, lateArrivalSeconds after the first: polls
     * 2.5 s apart with lateArrivalSeconds=2, so each poll reads the arrays changed since the last one and, once more,
     * those of the poll before (as polls 10 s apart would with the default 60 s, six polls later).
     */
    private void steadyNamespaceStream(String workload) throws Exception {
        AtomicLong delivered = new AtomicLong();
        try (CamelContext camel = consumer(
                uri("activity", "namespace=ns&perPage=100&maxRequestsPerPoll=1000&lateArrivalSeconds=2"), delivered)) {
            poll(camel);
            Random random = new Random(43);
            List<Long> counts = new ArrayList<>();
            for (int p = 0; p < POLLS; p++) {
                Instant now = Instant.now();
                random.ints(0, ARRAYS)
                        .distinct()
                        .limit(CHANGED)
                        .forEach(i ->
                                emulator.addActivity("ns", String.format("a%06d", i), now, "query_write", "bench"));
                counts.add(poll(camel)[0]);
                Thread.sleep(2500);
            }
            row(
                    workload,
                    "requests per poll with the second read of each changed array (polls 2.5 s apart, lateArrivalSeconds=2)",
                    counts.toString());
        }
    }

    // ---- events per second: a hot array, a group

    /**
     * One array with {@code HOT_EVENTS} events in its window, drained from the beginning by a fresh consumer (fresh
     * state) {@code HOT_WARM_UP_RUNS} + {@code HOT_RUNS} times; the emulator runs in a JVM of its own, so the
     * figure is the consumer's alone (its reads, its deliveries and its cursor saves).
     */
    private static void hotArray(List<String> rows) throws Exception {
        String workload = "activity, one hot array, " + HOT_EVENTS + " events in its window, emulator in its own JVM";
        Instant base = Instant.now().minusSeconds(600);
        List<Seed.SeedEvent> events = IntStream.range(0, HOT_EVENTS)
                .mapToObj(i -> new Seed.SeedEvent(
                        "query_read", "bench", base.plusMillis(i * 10L).toString()))
                .toList();
        Seed.SeedArray hot = new Seed.SeedArray("hot", "a000000", null, "the hot array", null, null, null, null)
                .withActivity(events);
        Seed seed = new Seed(List.of(USER), List.of(new Organization("hot", Map.of("bench", "owner"))), List.of(hot));
        try (StandaloneEmulator emulator = StandaloneEmulator.start("hot-array", seed)) {
            String uri = uri(
                    emulator.url(),
                    "activity",
                    "namespace=hot&array=a000000&startFrom=beginning&lateArrivalSeconds=3600&perPage=1000"
                            + "&maxMessagesPerPoll=0&stateRepository=#state");
            for (int run = 0; run < HOT_WARM_UP_RUNS; run++) {
                drainOnce(HOT_EVENTS, uri + "&stateKey=warm-up" + run, null);
            }
            List<Drain> runs = new ArrayList<>();
            for (int run = 0; run < HOT_RUNS; run++) {
                runs.add(drainOnce(HOT_EVENTS, uri + "&stateKey=run" + run, null));
            }
            double[] rates =
                    runs.stream().mapToDouble(Drain::eventsPerSecond).sorted().toArray();
            double[] perCpu = runs.stream()
                    .mapToDouble(Drain::eventsPerCpuSecond)
                    .sorted()
                    .toArray();
            row(
                    rows,
                    workload,
                    "events per second, trivial route (read + deliver + cursor saves), " + HOT_WARM_UP_RUNS
                            + " warm-up runs then " + HOT_RUNS + " measured runs",
                    runs.stream().map(Drain::toString).collect(Collectors.joining("; ")));
            row(
                    rows,
                    workload,
                    "median and min of the " + HOT_RUNS + " measured runs",
                    String.format(
                            "median %.0f, min %.0f events/s; per CPU second of this process (the consumer's JVM,"
                                    + " its GC and JIT threads included): median %.0f, min %.0f",
                            median(rates), rates[0], median(perCpu), perCpu[0]));
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private void group() throws Exception {
        try (CamelContext api = new DefaultCamelContext()) {
            api.start();
            ProducerTemplate template = api.createProducerTemplate();
            String groups = "tiledb:groups?host=" + emulator.url() + "&apiKey=" + KEY + "&namespace=grp";
            template.sendBodyAndHeaders(
                    groups,
                    null,
                    Map.of(
                            TileDBConstants.OPERATION,
                            "create",
                            TileDBConstants.GROUP,
                            "g",
                            TileDBConstants.STORAGE_URI,
                            "s3://bench/g"));
            template.sendBodyAndHeaders(
                    groups,
                    null,
                    Map.of(
                            TileDBConstants.OPERATION,
                            "addMembers",
                            TileDBConstants.GROUP,
                            "g",
                            TileDBConstants.MEMBERS,
                            String.join(
                                    ",",
                                    IntStream.range(0, 200)
                                            .mapToObj(i -> String.format("a%06d", i))
                                            .toList())));
        }
        int events = HOT_EVENTS;
        Instant base = Instant.now().minusSeconds(600);
        for (int i = 0; i < events; i++) {
            emulator.addActivity(
                    "grp", String.format("a%06d", i % 200), base.plusMillis(i * 10L), "query_read", "bench");
        }
        drain(
                "activity, a group of 200 arrays, " + events + " events",
                events,
                uri(
                        "activity",
                        "namespace=grp&group=g&startFrom=beginning&lateArrivalSeconds=3600&perPage=1000"
                                + "&maxMessagesPerPoll=0&stateRepository=#state"));
    }

    /** Drains the stream three times from the beginning (fresh state each time); the first run warms the JIT up. */
    private void drain(String workload, long events, String uri) throws Exception {
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            runs.add(drainOnce(events, uri + "&stateKey=run" + run, requests).toString());
        }
        row(
                workload,
                "events per second, trivial route (read + deliver + cursor saves), warm-up run then two measured runs",
                String.join("; ", runs));
    }

    /**
     * One drain: its time, this process's CPU time, its polls, and its requests when the emulator's hook counts them
     * (else null).
     */
    private record Drain(long events, double seconds, double cpuSeconds, long polls, Long requests) {

        double eventsPerSecond() {
            return events / seconds;
        }

        double eventsPerCpuSecond() {
            return events / cpuSeconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%.0f (%d events in %.2f s, %.2f s CPU, %d polls%s)",
                    eventsPerSecond(),
                    events,
                    seconds,
                    cpuSeconds,
                    polls,
                    requests == null ? "" : ", " + requests + " requests");
        }
    }

    /** Polls a fresh consumer until it delivered {@code events}; {@code requests} counts the emulator's, or null. */
    private static Drain drainOnce(long events, String uri, AtomicLong requests) throws Exception {
        AtomicLong delivered = new AtomicLong();
        try (CamelContext camel = consumer(uri, delivered)) {
            ScheduledPollConsumer consumer =
                    (ScheduledPollConsumer) camel.getRoute("measured").getConsumer();
            long requestsBefore = requests == null ? 0 : requests.get();
            long cpuBefore = OS.getProcessCpuTime();
            long started = System.nanoTime();
            long polls = 0;
            while (delivered.get() < events) {
                long before = delivered.get();
                consumer.run();
                polls++;
                if (delivered.get() == before) {
                    throw new IllegalStateException("poll " + polls + " delivered nothing after " + before + " of "
                            + events + " events; see the consumer's log");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (OS.getProcessCpuTime() - cpuBefore) / 1e9;
            return new Drain(
                    events, seconds, cpuSeconds, polls, requests == null ? null : requests.get() - requestsBefore);
        }
    }

    // ---- the change feed

    private void changeFeed() throws Exception {
        String workload = "change feed, " + ARRAYS + " arrays";
        AtomicLong delivered = new AtomicLong();
        long heapBefore = usedHeapAfterGc();
        MemoryStateRepository state = new MemoryStateRepository();
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("feedState", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("arrays", "namespace=feed&perPage=100&stateRepository=#feedState"))
                        .routeId("measured")
                        .process(e -> delivered.incrementAndGet());
                from("direct:update")
                        .to("tiledb:arrays?operation=update&namespace=feed&host=" + emulator.url() + "&apiKey=" + KEY);
            }
        });
        try (camel) {
            camel.start();
            long[] snapshot = poll(camel);
            row(workload, "snapshot poll", snapshot[0] + " requests, " + snapshot[1] + " ms");
            LongSupplier stateSize = () -> state.getState("tiledb:arrays:feed").length();
            row(
                    workload,
                    "state size",
                    String.format(
                            "%,d bytes (%.0f bytes an asset)",
                            stateSize.getAsLong(), stateSize.getAsLong() / (double) ARRAYS));
            List<Long> quiet = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                quiet.add(poll(camel)[1]);
            }
            row(workload, "poll time ms, nothing changed (3 polls)", quiet.toString());
            ProducerTemplate template = camel.createProducerTemplate();
            Random random = new Random(7);
            List<Long> busy = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                long expected = delivered.get() + CHANGED;
                int round = p;
                random.ints(0, ARRAYS)
                        .distinct()
                        .limit(CHANGED)
                        .forEach(i -> template.sendBodyAndHeader(
                                "direct:update",
                                Map.of("description", "changed in round " + round),
                                TileDBConstants.ARRAY,
                                String.format("a%06d", i)));
                long[] measured = poll(camel);
                if (delivered.get() != expected) {
                    throw new IllegalStateException("the feed emitted " + delivered.get() + ", expected " + expected);
                }
                busy.add(measured[1]);
            }
            row(workload, "poll time ms, " + CHANGED + " arrays changed (3 polls)", busy.toString());
            row(
                    workload,
                    "heap held by the consumer (used heap after GC, minus before)",
                    mib(usedHeapAfterGc() - heapBefore));
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
