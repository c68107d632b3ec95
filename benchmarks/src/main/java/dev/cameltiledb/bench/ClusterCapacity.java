package dev.cameltiledb.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a partitioned activity consumer does on a cluster: a namespace's arrays split into six partitions
 * ({@code partitions=6&partition=i}), each in its own {@code master:cap-p<i>:tiledb:activity?...} route, on one to three
 * Camel nodes (one {@link DefaultCamelContext} each, with its own {@link ZooKeeperClusterService}) over a real
 * three-server ZooKeeper ensemble ({@link TestingCluster}) in this JVM, against the embedded emulator. The nodes share
 * one {@link MemoryStateRepository} for the cursors, as in-process nodes can (separate processes need a shared durable
 * store). Three measurements, each repeated over rounds, medians reported:
 * <ol>
 * <li><b>events per second</b> draining a backlog with 1, 2 and 3 nodes: the nodes start and balance (each leads its
 * share of the partitions and its consumers poll), and only then may deliver (see {@link GatedClusterService}); the
 * time runs from the first delivery to the last, and, reads included, from the first request to the last delivery;</li>
 * <li><b>requests per poll</b>, idle and busy, of a partition's poll, listing and activity requests apart, against one
 * unpartitioned consumer of the same namespace (both {@code startFrom=now}, so the windows see the steady state, not
 * the first reads of every array);</li>
 * <li><b>hand-over and fail-over time</b> with three nodes and a trickle of events: one node stops gracefully
 * ({@code camel.stop()}), or is cut off from the ensemble without closing its session ({@link CuttableLink#cut}, the
 * in-process stand-in for {@code kill -9}; its routes refuse what they still get): the time from then to the first
 * delivery, by another node, of each of its partitions (the slowest of them).</li>
 * </ol>
 * Everything shares one machine: the ensemble, the nodes and the emulator compete for its cores, so the figures are
 * ratios and orders of magnitude of this run, not capacities of a deployment; more nodes cannot add CPU here.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl benchmarks -am -DskipTests package exec:java
 * -Dbench.main=dev.cameltiledb.bench.ClusterCapacity}. Scale with {@code -Dbench.backlog=300000 -Dbench.rounds=3
 * -Dbench.arrays=200 -Dbench.delay=200 -Dbench.sessionTimeouts=2000,4000 -Dbench.trickleRate=20
 * -Dbench.busyRate=100 -Dbench.requestDelay=500 -Dbench.window=5000}; run some of the measurements with
 * {@code -Dbench.parts=throughput,requests,failover}.
 */
public final class ClusterCapacity {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterCapacity.class);

    private static final String KEY = "bench-key";
    private static final int PARTITIONS = 6;
    private static final int ARRAYS = Integer.getInteger("bench.arrays", 200);
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 300_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** The poll delay of the throughput and fail-over routes. */
    private static final long DELAY = Long.getLong("bench.delay", 200);
    /** The poll delay while requests per poll are counted. */
    private static final long REQUEST_DELAY = Long.getLong("bench.requestDelay", 500);

    private static final long WINDOW_MILLIS = Long.getLong("bench.window", 5000);
    private static final int BUSY_RATE = Integer.getInteger("bench.busyRate", 100);
    private static final int TRICKLE_RATE = Integer.getInteger("bench.trickleRate", 20);
    private static final List<Long> SESSION_TIMEOUTS = Arrays.stream(
                    System.getProperty("bench.sessionTimeouts", "2000,4000").split(","))
            .map(String::strip)
            .map(Long::parseLong)
            .toList();
    /** Which measurements run: throughput, requests, failover (all by default). */
    private static final List<String> PARTS = List.of(
            System.getProperty("bench.parts", "throughput,requests,failover").split(","));
    /** How long a node's cluster service may take to answer isLeader before the node counts as stuck. */
    private static final long STUCK_MILLIS = 15_000;
    /** Where the leadership probes run, so that a stuck node cannot block the benchmark's own thread. */
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "leadership-probe");
        t.setDaemon(true);
        return t;
    });
    /** The session timeout of the nodes in the throughput, requests and graceful hand-over measurements. */
    private static final long SESSION_TIMEOUT = 4000;

    /** The emulator, the ensemble and the nodes all run in this process: its CPU time is all of theirs. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final Pattern NAMESPACE_PARAM = Pattern.compile("(?:^|[?&])namespace=([^&]+)");

    private final TileDBEmulator emulator;
    private final List<String> servers;
    /** Emulator requests by "kind namespace": listing, activity, other. */
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    private final PollCounter polls = new PollCounter();
    private final DeliveryFailures failures = new DeliveryFailures();
    private final List<String> rows = new ArrayList<>();
    private final AtomicInteger clusterRuns = new AtomicInteger();
    private final AtomicInteger failoverNamespaces = new AtomicInteger();
    private String sessionNote = "";
    /** The namespace whose first request after the throughput gate opened is timed; null for none. */
    private volatile String watched;

    private final AtomicLong firstRequest = new AtomicLong();
    /** What got stuck, one line each. */
    private final List<String> stuck = Collections.synchronizedList(new ArrayList<>());

    private final LongAdder stuckStops = new LongAdder();

    private ClusterCapacity(TileDBEmulator emulator, TestingCluster zooKeeper) {
        this.emulator = emulator;
        this.servers = zooKeeper.getInstances().stream()
                .map(InstanceSpec::getConnectString)
                .toList();
        emulator.onRequest(r -> {
            String path = r.rawPath();
            if (path.startsWith("/v1/arrays/browser/owned")) {
                count("listing", namespaceParam(r.query()));
            } else if (path.startsWith("/v2/arrays/") && path.endsWith("/activity")) {
                count("activity", path.split("/")[3]);
            } else {
                count("other", "");
            }
        });
    }

    public static void main(String[] args) throws Exception {
        // a namespace for each round, and spares for rounds run again after a node got stuck
        int failoverRounds = ROUNDS * (1 + SESSION_TIMEOUTS.size()) + 6;
        List<String> namespaces = new ArrayList<>(List.of("cap", "capreq"));
        IntStream.range(0, failoverRounds).forEach(i -> namespaces.add("capfo" + i));
        List<Seed.SeedArray> arrays = new ArrayList<>();
        for (String ns : namespaces) {
            IntStream.range(0, ARRAYS)
                    .forEach(i -> arrays.add(
                            new Seed.SeedArray(ns, arrayName(i), null, "array " + i, null, null, null, null)));
        }
        List<Organization> orgs = namespaces.stream()
                .map(o -> new Organization(o, Map.of("bench", "owner")))
                .toList();
        long started = System.nanoTime();
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                        .seed(new Seed(
                                List.of(new User("bench", "bench@example.com", "bench-password", List.of(KEY))),
                                orgs,
                                arrays))
                        .build()
                        .start();
                TestingCluster zooKeeper = new TestingCluster(3)) {
            zooKeeper.start();
            ClusterCapacity bench = new ClusterCapacity(emulator, zooKeeper);
            if (PARTS.contains("throughput")) {
                bench.throughput();
            }
            if (PARTS.contains("requests")) {
                bench.requestsPerPoll();
            }
            if (PARTS.contains("failover")) {
                bench.failover();
            }
            bench.print((System.nanoTime() - started) / 1e9);
        }
        System.exit(0);
    }

    private static String arrayName(int i) {
        return String.format("a%03d", i);
    }

    private static String namespaceParam(String query) {
        if (query == null) {
            return "";
        }
        Matcher m = NAMESPACE_PARAM.matcher(query);
        return m.find() ? m.group(1) : "";
    }

    private void count(String kind, String namespace) {
        if (namespace.equals(watched)) {
            firstRequest.compareAndSet(0, System.nanoTime());
        }
        requests.computeIfAbsent(kind + " " + namespace, k -> new LongAdder()).increment();
    }

    private long requests(String kind, String namespace) {
        LongAdder n = requests.get(kind + " " + namespace);
        return n == null ? 0 : n.sum();
    }

    private void row(String measure, String setup, String median, String rounds, String ratio) {
        rows.add("| " + measure + " | " + setup + " | " + median + " | " + rounds + " | " + ratio + " |");
        System.err.println(measure + " | " + setup + ": " + median + " (" + rounds + ") " + ratio);
    }

    // ---- 1. events per second with 1, 2 and 3 nodes

    private void throughput() throws Exception {
        Instant base = Instant.now().minusSeconds(60);
        for (int i = 0; i < BACKLOG; i++) {
            emulator.addActivity(
                    "cap",
                    arrayName(i % ARRAYS),
                    base.plusNanos(i * (60_000_000_000L / BACKLOG)),
                    "query_read",
                    "bench");
        }
        System.err.println("backlog of " + BACKLOG + " events over " + ARRAYS + " arrays written");
        // a warm-up round, then each round with every node count, one count later each round (1 2 3, 2 3 1, 3 1 2)
        Drain warmUp = drain(3);
        System.err.println("warm-up (3 nodes): " + warmUp);
        int[] perPartition = warmUp.perPartition;
        Map<Integer, List<Drain>> results = new ConcurrentHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < 3; k++) {
                int nodes = 1 + (round + k) % 3;
                Drain d = drain(nodes);
                System.err.println("round " + (round + 1) + ", " + nodes + " node(s): " + d);
                results.computeIfAbsent(nodes, n -> new ArrayList<>()).add(d);
            }
        }
        String backlog = String.format("%,d", BACKLOG);
        throughputRows(
                "1. events/s draining " + backlog + " events, first to last delivery", results, Drain::eventsPerSecond);
        throughputRows(
                "1. events/s draining " + backlog + " events, first request to last delivery (reads included)",
                results,
                Drain::withReads);
        for (int nodes = 1; nodes <= 3; nodes++) {
            List<Drain> runs = results.get(nodes);
            double total = median(runs.stream().map(Drain::eventsPerSecond).toList());
            Drain medianRun = runs.stream()
                    .min((a, b) -> Double.compare(
                            Math.abs(a.eventsPerSecond() - total), Math.abs(b.eventsPerSecond() - total)))
                    .orElseThrow();
            row(
                    "1. events/s per node, first to last delivery (the median round)",
                    nodes(nodes),
                    medianRun.perNode(),
                    "partitions led: " + medianRun.leadership,
                    "");
        }
        for (int nodes = 1; nodes <= 3; nodes++) {
            List<Double> busy =
                    results.get(nodes).stream().map(d -> d.cpuBusy * 100).toList();
            row(
                    "1. CPU busy from the gate opening to the last delivery (this process, all "
                            + Runtime.getRuntime().availableProcessors() + " cores)",
                    nodes(nodes),
                    String.format("%.0f%%", median(busy)),
                    busy.stream().map(v -> String.format("%.0f%%", v)).collect(Collectors.joining("; ")),
                    "");
        }
        List<Double> fromGate = results.values().stream()
                .flatMap(List::stream)
                .map(d -> d.fromGateMillis)
                .toList();
        row(
                "1. from the gate opening to the first delivery (all rounds)",
                "the first poll after the gate: the listing, then every array of the partition read (all pages)",
                String.format("%.0f ms", median(fromGate)),
                String.format("min %.0f, max %.0f ms", Collections.min(fromGate), Collections.max(fromGate)),
                "");
        row(
                "1. arrays per partition (FNV-1a split of " + ARRAYS + " arrays)",
                "",
                Arrays.stream(perPartition)
                        .mapToObj(n -> String.valueOf(n / (BACKLOG / ARRAYS)))
                        .collect(Collectors.joining(", ")),
                "",
                "");
    }

    private void throughputRows(String measure, Map<Integer, List<Drain>> results, ToDoubleFunction<Drain> rate) {
        double one = median(results.get(1).stream().map(rate::applyAsDouble).toList());
        for (int nodes = 1; nodes <= 3; nodes++) {
            List<Double> rates =
                    results.get(nodes).stream().map(rate::applyAsDouble).toList();
            double median = median(rates);
            row(
                    measure,
                    nodes(nodes),
                    String.format("%,.0f", median),
                    rates.stream().map(v -> String.format("%,.0f", v)).collect(Collectors.joining("; ")),
                    String.format("%.2f", median / one));
        }
    }

    private static String nodes(int n) {
        return n + (n == 1 ? " node" : " nodes") + ", 6 partitions";
    }

    /** One drain of the backlog by a fresh cluster of {@code n} nodes with fresh cursors. */
    private record Drain(
            double seconds,
            double withReadsSeconds,
            double fromGateMillis,
            long[] perNodeEvents,
            int[] perPartition,
            String leadership,
            long requests,
            long duplicates,
            double cpuBusy) {

        double eventsPerSecond() {
            return BACKLOG / seconds;
        }

        double withReads() {
            return BACKLOG / withReadsSeconds;
        }

        String perNode() {
            return Arrays.stream(perNodeEvents)
                    .mapToObj(n -> String.format("%,.0f", n / seconds))
                    .collect(Collectors.joining(" / "));
        }

        @Override
        public String toString() {
            return String.format(
                    "%,.0f events/s (%.2f s first to last delivery; %,.0f events/s, %.2f s from the first request),"
                            + " first delivery %.0f ms after the gate, per node %s, %d requests, %d duplicates,"
                            + " CPU %.0f%% busy, leadership %s",
                    eventsPerSecond(),
                    seconds,
                    withReads(),
                    withReadsSeconds,
                    fromGateMillis,
                    perNode(),
                    requests,
                    duplicates,
                    cpuBusy * 100,
                    leadership);
        }
    }

    private Drain drain(int n) throws Exception {
        return retryingStuck("throughput, " + n + " node(s)", nodes -> drain(n, nodes));
    }

    private Drain drain(int n, List<Node> nodes) throws Exception {
        String basePath = basePath("throughput");
        MemoryStateRepository cursors = new MemoryStateRepository();
        AtomicBoolean gate = new AtomicBoolean();
        Recorder recorder = new Recorder(false);
        for (int i = 0; i < n; i++) {
            nodes.add(new Node(
                    "node-" + (i + 1),
                    basePath,
                    SESSION_TIMEOUT,
                    "cap",
                    "startFrom=beginning&delay=" + DELAY,
                    cursors,
                    recorder,
                    gate::get));
        }
        for (Node node : nodes) {
            node.start();
        }
        awaitBalanced(nodes);
        awaitPolling(nodes);
        String leadership = leadership(nodes);
        long requestsBefore = requests("listing", "cap") + requests("activity", "cap");
        firstRequest.set(0);
        watched = "cap";
        long cpuBefore = PROCESS.getProcessCpuTime();
        long opened = System.nanoTime();
        gate.set(true);
        await(() -> recorder.ids.size() >= BACKLOG, 180_000, "every event of the backlog delivered");
        double cpuBusy = (PROCESS.getProcessCpuTime() - cpuBefore)
                / (double) (System.nanoTime() - opened)
                / Runtime.getRuntime().availableProcessors();
        long sent = requests("listing", "cap") + requests("activity", "cap") - requestsBefore;
        watched = null;
        return new Drain(
                (recorder.last.get() - recorder.first.get()) / 1e9,
                (recorder.last.get() - firstRequest.get()) / 1e9,
                (recorder.first.get() - opened) / 1e6,
                nodes.stream().mapToLong(node -> node.delivered.get()).toArray(),
                recorder.perPartition(),
                leadership,
                sent,
                recorder.duplicates.sum(),
                cpuBusy);
    }

    // ---- 2. requests per poll

    private void requestsPerPoll() throws Exception {
        String ns = "capreq";
        String options = "startFrom=now&delay=" + REQUEST_DELAY;
        List<List<double[]>> partitioned =
                retryingStuck("requests per poll, 3 nodes", nodes -> partitionedWindows(ns, options, nodes));
        List<double[]> partitionedIdle = partitioned.get(0);
        List<double[]> partitionedBusy = partitioned.get(1);

        List<double[]> singleIdle;
        List<double[]> singleBusy;
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cursors", new MemoryStateRepository());
            camel.getRegistry().bind("polls", polls);
            camel.getRegistry().bind("failures", failures);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from("tiledb:activity?host=" + emulator.url() + "&apiKey=" + KEY + "&namespace=" + ns + "&"
                                    + options
                                    + "&stateRepository=#cursors&pollStrategy=#polls&exceptionHandler=#failures")
                            .routeId("unpartitioned")
                            .process(e -> {});
                }
            });
            camel.start();
            Thread.sleep(2 * REQUEST_DELAY + 1500);
            singleIdle = windows(ns);
            try (Writer busy = new Writer(ns, BUSY_RATE)) {
                Thread.sleep(1000);
                singleBusy = windows(ns);
            }
        }
        requestRows("idle", partitionedIdle, singleIdle);
        requestRows("busy, " + BUSY_RATE + " events/s over the " + ARRAYS + " arrays", partitionedBusy, singleBusy);
    }

    /** {idle windows, busy windows} of six partition consumers on three nodes. */
    private List<List<double[]>> partitionedWindows(String ns, String options, List<Node> nodes) throws Exception {
        MemoryStateRepository cursors = new MemoryStateRepository();
        String basePath = basePath("requests");
        for (int i = 0; i < 3; i++) {
            nodes.add(new Node(
                    "node-" + (i + 1),
                    basePath,
                    SESSION_TIMEOUT,
                    ns,
                    options,
                    cursors,
                    new Recorder(false),
                    () -> true));
        }
        for (Node node : nodes) {
            node.start();
        }
        awaitBalanced(nodes);
        awaitPolling(nodes);
        Thread.sleep(2 * REQUEST_DELAY); // every partition's first poll (the full listing) done
        List<double[]> idle = windows(ns);
        try (Writer busy = new Writer(ns, BUSY_RATE)) {
            Thread.sleep(1000);
            return List.of(idle, windows(ns));
        }
    }

    private void requestRows(String load, List<double[]> partitioned, List<double[]> single) {
        String measure = "2. requests per poll, " + load + " (delay " + REQUEST_DELAY + " ms)";
        row(
                measure,
                "partitioned: one partition's poll (6 partitions on 3 nodes)",
                perPoll(partitioned),
                windowsText(partitioned),
                "");
        row(measure, "unpartitioned: one consumer's poll", perPoll(single), windowsText(single), "");
        double p = median(partitioned.stream().map(w -> w[3]).toList());
        double s = median(single.stream().map(w -> w[3]).toList());
        row(
                "2. requests/s for the whole namespace, " + load,
                "partitioned (6 partition consumers) / unpartitioned (1 consumer)",
                String.format("%.1f / %.1f", p, s),
                "",
                String.format("%.2f", p / s));
    }

    private static String perPoll(List<double[]> windows) {
        double listing = median(windows.stream().map(w -> w[0]).toList());
        double activity = median(windows.stream().map(w -> w[1]).toList());
        return String.format("%.2f listing + %.2f activity = %.2f", listing, activity, listing + activity);
    }

    private static String windowsText(List<double[]> windows) {
        return windows.stream()
                .map(w -> String.format("%.2f + %.2f over %.0f polls", w[0], w[1], w[2])
                        + (w[4] > 0 ? String.format(" (+ %.0f polls on nodes not leading)", w[4]) : ""))
                .collect(Collectors.joining("; "));
    }

    /**
     * Three windows of WINDOW_MILLIS: {listing requests per poll, activity requests per poll, polls, requests per
     * second, polls by consumers on a node that does not lead their partition}.
     */
    private List<double[]> windows(String ns) throws InterruptedException {
        List<double[]> windows = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            long listing = requests("listing", ns);
            long activity = requests("activity", ns);
            long polled = polls.of(ns);
            long idlePolls = polls.notLeading(ns);
            long started = System.nanoTime();
            Thread.sleep(WINDOW_MILLIS);
            double seconds = (System.nanoTime() - started) / 1e9;
            long l = requests("listing", ns) - listing;
            long a = requests("activity", ns) - activity;
            long p = polls.of(ns) - polled;
            windows.add(
                    new double[] {(double) l / p, (double) a / p, p, (l + a) / seconds, polls.notLeading(ns) - idlePolls
                    });
        }
        System.err.println(ns + " windows: " + windowsText(windows));
        return windows;
    }

    // ---- 3. hand-over and fail-over

    private void failover() throws Exception {
        List<String> kinds = new ArrayList<>();
        kinds.add("graceful");
        SESSION_TIMEOUTS.forEach(t -> kinds.add("session:" + t));
        Map<String, List<double[]>> results = new ConcurrentHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < kinds.size(); k++) {
                String kind = kinds.get((round + k) % kinds.size());
                double[] r = failoverRound(kind, round);
                results.computeIfAbsent(kind, x -> new ArrayList<>()).add(r);
            }
        }
        for (String kind : kinds) {
            List<double[]> runs = results.get(kind);
            String setup = kind.equals("graceful")
                    ? "graceful hand-over: camel.stop() of one of 3 nodes (session timeout " + SESSION_TIMEOUT + " ms)"
                    : "session loss: one of 3 nodes cut off from ZooKeeper, session timeout "
                            + kind.substring("session:".length()) + " ms" + sessionNote;
            row(
                    "3. stop to first delivery of each of its partitions by another node (slowest partition)",
                    setup,
                    String.format(
                            "%.2f s (leadership moved after %.2f s)",
                            median(runs.stream().map(r -> r[1]).toList()),
                            median(runs.stream().map(r -> r[0]).toList())),
                    runs.stream()
                            .map(r -> String.format("%.2f (%.2f)", r[1], r[0]))
                            .collect(Collectors.joining("; ")),
                    String.format(
                            "no event lost; duplicates: %3$d; partitions taken by a node whose consumer was already"
                                    + " polling: %1$d of %2$d",
                            runs.stream().mapToLong(r -> (long) r[3]).sum(),
                            runs.stream().mapToLong(r -> (long) r[4]).sum(),
                            runs.stream().mapToLong(r -> (long) r[2]).sum()));
        }
    }

    /**
     * One round: {seconds until another node leads every partition of the stopped node, seconds until each of them
     * delivered from another node, duplicates, partitions taken by a node whose consumer was polling, partitions}.
     */
    private double[] failoverRound(String kind, int round) throws Exception {
        return retryingStuck("fail-over, " + kind, nodes -> failoverRound(kind, round, nodes));
    }

    private double[] failoverRound(String kind, int round, List<Node> nodes) throws Exception {
        boolean graceful = kind.equals("graceful");
        long sessionTimeout = graceful ? SESSION_TIMEOUT : Long.parseLong(kind.substring("session:".length()));
        String ns = "capfo" + failoverNamespaces.getAndIncrement();
        String basePath = basePath("failover");
        MemoryStateRepository cursors = new MemoryStateRepository();
        Recorder recorder = new Recorder(true);
        Thread stopper = null;
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(new Node(
                        "node-" + (i + 1),
                        basePath,
                        sessionTimeout,
                        ns,
                        "startFrom=beginning&delay=" + DELAY,
                        cursors,
                        recorder,
                        () -> true));
            }
            for (Node node : nodes) {
                node.start();
            }
            if (!graceful) {
                long negotiated = nodes.get(0).negotiatedSessionTimeout();
                if (negotiated != sessionTimeout) {
                    sessionNote = " (the ensemble granted " + negotiated + " ms)";
                }
            }
            awaitBalanced(nodes);
            try (Writer trickle = new Writer(ns, TRICKLE_RATE)) {
                long steadyFrom = System.nanoTime();
                await(
                        () -> IntStream.range(0, PARTITIONS)
                                .allMatch(p -> recorder.firstAfter(p, steadyFrom, null) > 0),
                        30_000,
                        "every partition delivering");
                Node victim = nodes.get(round % 3);
                List<Integer> orphans = victim.leads();
                List<Node> others = nodes.stream().filter(x -> x != victim).toList();
                long[] moved = new long[PARTITIONS];
                boolean[] warm = new boolean[PARTITIONS];
                long refusedBefore = failures.refused.sum();
                long t0 = System.nanoTime();
                if (graceful) {
                    stopper = new Thread(victim::close, "graceful-stop");
                    stopper.start();
                } else {
                    victim.crash();
                }
                await(
                        () -> {
                            boolean all = true;
                            for (int p : orphans) {
                                Node taker = moved[p] != 0
                                        ? null
                                        : others.stream()
                                                .filter(o -> o.leads().contains(p))
                                                .findFirst()
                                                .orElse(null);
                                if (taker != null) {
                                    moved[p] = System.nanoTime();
                                    // a consumer of the partition polling there already (left started by
                                    // camel-master, idle under the leadership guard) reads at its next poll; a new
                                    // one starts a second later and polls initialDelay after that
                                    warm[p] = moved[p] - polls.lastPoll(taker.camel, p)
                                            < TimeUnit.MILLISECONDS.toNanos(4 * DELAY);
                                }
                                all &= moved[p] != 0 && recorder.firstAfter(p, t0, victim) > 0;
                            }
                            return all;
                        },
                        sessionTimeout + 60_000,
                        () -> "the partitions " + orphans + " of " + victim.id + " delivering from another node; "
                                + nodes.stream()
                                        .map(n -> n.id + " leads " + n.leads() + " ")
                                        .collect(Collectors.joining())
                                + "moved " + Arrays.toString(moved) + ", session " + sessionTimeout + " ms, granted "
                                + sessionNote);
                double movedSeconds =
                        orphans.stream().mapToLong(p -> moved[p] - t0).max().orElse(0) / 1e9;
                double resumedSeconds = orphans.stream()
                                .mapToLong(p -> recorder.firstAfter(p, t0, victim) - t0)
                                .max()
                                .orElse(0)
                        / 1e9;
                trickle.close();
                await(
                        () -> recorder.ids.containsAll(trickle.written),
                        30_000,
                        "every event written in the round delivered");
                long warmTakers = orphans.stream().filter(p -> warm[p]).count();
                System.err.printf(
                        "fail-over round %d, %s: %s led %s; leadership moved after %.2f s, first deliveries after"
                                + " %.2f s; %d of %d taken by a node with its consumer already polling; %d events, %d"
                                + " duplicates, %d deliveries refused by the stopped node%n",
                        round + 1,
                        kind,
                        victim.id,
                        orphans,
                        movedSeconds,
                        resumedSeconds,
                        warmTakers,
                        orphans.size(),
                        trickle.written.size(),
                        recorder.duplicates.sum(),
                        failures.refused.sum() - refusedBefore);
                return new double[] {movedSeconds, resumedSeconds, recorder.duplicates.sum(), warmTakers, orphans.size()
                };
            }
        } finally {
            if (stopper != null) {
                stopper.join(60_000);
            }
        }
    }

    // ---- the nodes

    private String basePath(String what) {
        return "/camel-tiledb-bench/" + what + "-" + clusterRuns.incrementAndGet();
    }

    /** Where a node's deliveries go. */
    private interface Sink {
        void deliver(Node node, int partition, String eventId);
    }

    private record Delivery(Node node, int partition, long nanos) {}

    /** Counts deliveries: distinct event ids, duplicates, first and last, per partition; optionally each delivery. */
    private static final class Recorder implements Sink {
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final LongAdder duplicates = new LongAdder();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        final LongAdder[] partitions =
                IntStream.range(0, PARTITIONS).mapToObj(p -> new LongAdder()).toArray(LongAdder[]::new);
        final ConcurrentLinkedQueue<Delivery> log;

        Recorder(boolean keepLog) {
            log = keepLog ? new ConcurrentLinkedQueue<>() : null;
        }

        @Override
        public void deliver(Node node, int partition, String eventId) {
            long now = System.nanoTime();
            if (!ids.add(eventId)) {
                duplicates.increment();
            }
            first.accumulateAndGet(now, Math::min);
            last.accumulateAndGet(now, Math::max);
            partitions[partition].increment();
            if (log != null) {
                log.add(new Delivery(node, partition, now));
            }
        }

        int[] perPartition() {
            return Arrays.stream(partitions).mapToInt(LongAdder::intValue).toArray();
        }

        /** The first delivery of the partition after {@code after} by a node other than {@code not}; 0 if none. */
        long firstAfter(int partition, long after, Node not) {
            long found = 0;
            for (Delivery d : log) {
                if (d.partition() == partition && d.nanos() > after && d.node() != not) {
                    if (found == 0 || d.nanos() < found) {
                        found = d.nanos();
                    }
                }
            }
            return found;
        }
    }

    /**
     * The ZooKeeper cluster service, with a gate for the throughput measurement: while it is closed the service tells
     * the component's leadership guard that this node leads nothing, so the partition consumers poll without reading
     * or delivering, while the elections, camel-master and the partition balancer (which ask the election views, not
     * this method) work as always. Once the nodes are balanced the gate opens and the service answers as
     * {@link ZooKeeperClusterService} does.
     */
    private static final class GatedClusterService extends ZooKeeperClusterService {
        private final BooleanSupplier open;

        GatedClusterService(ZooKeeperCuratorConfiguration configuration, BooleanSupplier open) {
            super(configuration);
            this.open = open;
        }

        @Override
        public boolean isLeader(String namespace) {
            return open.getAsBoolean() && super.isLeader(namespace);
        }

        /** Whether this node has won the election of the namespace, gate or not. */
        boolean leads(String namespace) {
            return super.isLeader(namespace);
        }
    }

    /** One Camel node: its context, its cluster service on its own link to the ensemble, six partition routes. */
    private final class Node implements AutoCloseable {
        final String id;
        final CamelContext camel = new DefaultCamelContext();
        final GatedClusterService cluster;
        final CuttableLink link;
        final CuratorFramework curator;
        final AtomicLong delivered = new AtomicLong();
        volatile boolean crashed;
        volatile boolean abandoned;

        Node(
                String id,
                String basePath,
                long sessionTimeout,
                String namespace,
                String options,
                StateRepository<String, String> cursors,
                Sink sink,
                BooleanSupplier gate)
                throws Exception {
            this.id = id;
            link = new CuttableLink(servers);
            ZooKeeperCuratorConfiguration zooKeeper = new ZooKeeperCuratorConfiguration();
            zooKeeper.setNodes(link.connectString());
            zooKeeper.setBasePath(basePath);
            zooKeeper.setSessionTimeout(sessionTimeout);
            zooKeeper.setConnectionTimeout(Math.min(sessionTimeout, 5000));
            curator = curator(zooKeeper);
            zooKeeper.setCuratorFramework(curator);
            cluster = new GatedClusterService(zooKeeper, gate);
            cluster.setId(id);
            camel.addService(cluster);
            camel.getRegistry().bind("cursors", cursors);
            camel.getRegistry().bind("polls", polls);
            camel.getRegistry().bind("failures", failures);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    for (int p = 0; p < PARTITIONS; p++) {
                        int partition = p;
                        from("master:cap-p" + p + ":tiledb:activity?host=" + emulator.url() + "&apiKey=" + KEY
                                        + "&namespace=" + namespace + "&partitions=" + PARTITIONS + "&partition=" + p
                                        + "&" + options
                                        + "&stateRepository=#cursors&pollStrategy=#polls&exceptionHandler=#failures")
                                .routeId("cap-p" + p)
                                .process(e -> {
                                    if (crashed) {
                                        throw new NodeCrashed(id);
                                    }
                                    delivered.incrementAndGet();
                                    sink.deliver(
                                            Node.this,
                                            partition,
                                            e.getMessage().getHeader(TileDBConstants.EVENT_ID, String.class));
                                });
                    }
                }
            });
        }

        /**
         * The Curator camel-zookeeper builds from these settings (ZooKeeperCuratorHelper), but without Curator's
         * ensemble tracker: it would replace the link's addresses by the servers' own at the first connection, and
         * the link could no longer cut the node off. Ours, too, so the session timeout granted can be read.
         */
        private static CuratorFramework curator(ZooKeeperCuratorConfiguration c) {
            return CuratorFrameworkFactory.builder()
                    .connectString(String.join(",", c.getNodes()))
                    .sessionTimeoutMs((int) c.getSessionTimeoutUnit().toMillis(c.getSessionTimeout()))
                    .connectionTimeoutMs((int) c.getConnectionTimeoutUnit().toMillis(c.getConnectionTimeout()))
                    .maxCloseWaitMs((int) c.getMaxCloseWaitUnit().toMillis(c.getMaxCloseWait()))
                    .retryPolicy(new ExponentialBackoffRetry(
                            (int) c.getReconnectBaseSleepTimeUnit().toMillis(c.getReconnectBaseSleepTime()),
                            c.getReconnectMaxRetries(),
                            (int) c.getReconnectMaxSleepTimeUnit().toMillis(c.getReconnectMaxSleepTime())))
                    .ensembleTracker(false)
                    .build();
        }

        void start() throws InterruptedException {
            curator.start();
            if (!curator.blockUntilConnected(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(id + " could not connect to ZooKeeper");
            }
            camel.start();
            if (cluster.getCuratorFramework() != curator) {
                throw new IllegalStateException(id + ": the cluster service does not use the node's own Curator");
            }
        }

        long negotiatedSessionTimeout() throws Exception {
            return curator.getZookeeperClient().getZooKeeper().getSessionTimeout();
        }

        /**
         * The partitions this node has won, asked with a time limit: a node whose cluster service does not answer
         * for {@link #STUCK_MILLIS} is stuck (see {@link NodeStuck}).
         */
        List<Integer> leads() {
            Future<List<Integer>> answer = PROBES.submit(this::leadsNow);
            try {
                return answer.get(STUCK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new NodeStuck(this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        private List<Integer> leadsNow() {
            List<Integer> led = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                if (cluster.leads("cap-p" + p)) {
                    led.add(p);
                }
            }
            return led;
        }

        /** The prefix of the names of this node's Camel threads. */
        String threads() {
            return "Camel (" + camel.getName() + ")";
        }

        /** Leaves a stuck node behind: its ZooKeeper session ends, its blocked threads stay blocked. */
        void abandon() {
            abandoned = true;
            crashed = true;
            link.cut();
            Thread t = new Thread(curator::close, "abandon-" + id);
            t.setDaemon(true);
            t.start();
        }

        /** Stops delivering at once and loses the ensemble without closing the session. */
        void crash() {
            crashed = true;
            link.cut();
        }

        @Override
        public void close() {
            try {
                camel.stop();
            } finally {
                curator.close();
                link.close();
            }
        }
    }

    /**
     * A node whose cluster service no longer answers: seen when the component's partition balancer leaves an election
     * (stopView, holding the cluster service's write lock, stops the partition's consumer) while camel-master's start
     * task is starting that consumer (holding its service lock, whose doStart asks the cluster service whether this
     * node leads): each waits for the other's lock.
     */
    private static final class NodeStuck extends RuntimeException {
        final transient Node node;

        NodeStuck(Node node) {
            super(node.id + "'s cluster service has not answered isLeader for " + STUCK_MILLIS + " ms");
            this.node = node;
        }
    }

    /** What a crashed node's route throws: the event is not acknowledged, as by a process that died. */
    private static final class NodeCrashed extends RuntimeException {
        NodeCrashed(String node) {
            super(node + " crashed", null, false, false);
        }
    }

    /**
     * Counts polls per namespace (every poll, greedy repeats included), apart those of a partition consumer on a
     * node that does not lead its partition: camel-master 4.18 keeps trying to start a consumer for a while after it
     * started it, so one whose node lost the election meanwhile is started again; the component's leadership guard
     * makes its polls send nothing.
     */
    private static final class PollCounter implements PollingConsumerPollStrategy {
        private static final Pattern PARTITION_PARAM = Pattern.compile("[?&]partition=(\\d+)");
        private final Map<String, LongAdder> polls = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> notLeading = new ConcurrentHashMap<>();
        private final Map<CamelContext, AtomicLongArray> lastPolls = new ConcurrentHashMap<>();
        final LongAdder errors = new LongAdder();

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            String uri = endpoint.getEndpointUri();
            Matcher partition = PARTITION_PARAM.matcher(uri);
            boolean leads = true;
            if (partition.find()) {
                int p = Integer.parseInt(partition.group(1));
                CamelContext camel = endpoint.getCamelContext();
                GatedClusterService cluster = camel.hasService(GatedClusterService.class);
                leads = cluster == null || cluster.leads("cap-p" + p);
                lastPolls
                        .computeIfAbsent(camel, c -> new AtomicLongArray(PARTITIONS))
                        .set(p, System.nanoTime());
            }
            (leads ? polls : notLeading)
                    .computeIfAbsent(namespaceParam(uri), k -> new LongAdder())
                    .increment();
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {}

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            errors.increment();
            LOG.warn("Poll of {} failed: {}", endpoint.getEndpointUri(), cause.getMessage());
            return false;
        }

        /** Polls of the namespace by consumers whose node leads their partition (or that are not partitioned). */
        long of(String namespace) {
            LongAdder n = polls.get(namespace);
            return n == null ? 0 : n.sum();
        }

        /** Polls of the namespace by partition consumers whose node does not lead their partition. */
        long notLeading(String namespace) {
            LongAdder n = notLeading.get(namespace);
            return n == null ? 0 : n.sum();
        }

        /** When the node's consumer of the partition last began a poll; 0 if never. */
        long lastPoll(CamelContext camel, int partition) {
            AtomicLongArray last = lastPolls.get(camel);
            return last == null ? 0 : last.get(partition);
        }
    }

    /** The consumers' exception handler: counts what a crashed node refused, logs anything else. */
    private static final class DeliveryFailures implements ExceptionHandler {
        final LongAdder refused = new LongAdder();
        final LongAdder other = new LongAdder();

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof NodeCrashed) {
                    refused.increment();
                    return;
                }
            }
            other.increment();
            LOG.warn("{}", message, exception);
        }
    }

    /** Writes activity at a steady rate, round-robin over the namespace's arrays, timestamped now. */
    private final class Writer implements AutoCloseable {
        final Set<String> written = ConcurrentHashMap.newKeySet();
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private int next;

        Writer(String namespace, int perSecond) {
            executor.scheduleAtFixedRate(
                    () -> {
                        try {
                            written.add(emulator.addActivity(
                                    namespace, arrayName(next++ % ARRAYS), Instant.now(), "query_read", "bench"));
                        } catch (RuntimeException e) {
                            LOG.warn("Writing activity failed: {}", e.getMessage(), e);
                        }
                    },
                    0,
                    1_000_000L / perSecond,
                    TimeUnit.MICROSECONDS);
        }

        @Override
        public void close() {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- helpers

    private static void awaitBalanced(List<Node> nodes) {
        int n = nodes.size();
        int low = PARTITIONS / n;
        int high = (PARTITIONS + n - 1) / n;
        await(
                () -> {
                    int[] leaders = new int[PARTITIONS];
                    for (Node node : nodes) {
                        List<Integer> led = node.leads();
                        if (led.size() < low || led.size() > high) {
                            return false;
                        }
                        led.forEach(p -> leaders[p]++);
                    }
                    return Arrays.stream(leaders).allMatch(c -> c == 1);
                },
                60_000,
                () -> "the partitions balanced over " + n + " node(s); they lead " + leadership(nodes));
    }

    /**
     * Waits until the consumer of every partition on the node that leads it has polled: camel-master starts a
     * consumer a second after its node won the election (and the consumer polls initialDelay later), so a node can
     * lead a partition for two seconds before anything of it runs.
     */
    private void awaitPolling(List<Node> nodes) {
        long from = System.nanoTime();
        await(
                () -> IntStream.range(0, PARTITIONS)
                        .allMatch(p -> nodes.stream()
                                .anyMatch(n -> n.leads().contains(p) && polls.lastPoll(n.camel, p) > from)),
                30_000,
                "every partition's consumer polling on its leader");
    }

    private static String leadership(List<Node> nodes) {
        return nodes.stream().map(n -> n.leads().toString()).collect(Collectors.joining(" "));
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, String what) {
        await(condition, timeoutMillis, () -> what);
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, Supplier<String> what) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeoutMillis + " ms waiting for " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what.get(), e);
            }
        }
    }

    /** Stops the nodes side by side; one that does not stop within a minute is left behind (and counted). */
    private void closeAll(List<Node> nodes) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Node node : nodes) {
            Thread t = new Thread(
                    () -> {
                        try {
                            node.close();
                        } catch (RuntimeException e) {
                            LOG.warn("Stopping {} failed: {}", node.id, e.getMessage());
                        }
                    },
                    "stop-" + node.id);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).join(60_000);
            if (threads.get(i).isAlive()) {
                System.err.println(nodes.get(i).id + " did not stop within a minute; left behind");
                stuckStops.increment();
                nodes.get(i).abandon();
            }
        }
    }

    /**
     * Runs one cluster measurement; when a node gets stuck, counts it, names the threads that hold each other up, leaves
     * the cluster behind and runs the measurement again with a new one (three tries).
     */
    private <T> T retryingStuck(String what, ClusterRun<T> run) throws Exception {
        for (int attempt = 1; ; attempt++) {
            List<Node> nodes = new ArrayList<>();
            try {
                return run.run(nodes);
            } catch (NodeStuck e) {
                stuck.add(what + ": " + e.getMessage() + "; " + blockedThreads(e.node));
                System.err.println("STUCK in " + what + ": " + e.getMessage() + "\n" + blockedThreads(e.node));
                e.node.abandon();
                if (attempt == 3) {
                    throw e;
                }
            } finally {
                closeAll(nodes.stream().filter(n -> !n.abandoned).toList());
            }
        }
    }

    @FunctionalInterface
    private interface ClusterRun<T> {
        /** Adds each node it makes to {@code nodes}, which are stopped after it. */
        T run(List<Node> nodes) throws Exception;
    }

    /** The stuck node's threads that wait for a lock, with the frames that say which. */
    private static String blockedThreads(Node node) {
        StringBuilder s = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!thread.getName().startsWith(node.threads())
                    || thread.getState() != Thread.State.WAITING
                    || stack.length == 0
                    || !Arrays.stream(stack).anyMatch(f -> f.getClassName().contains("locks"))) {
                return;
            }
            s.append("[").append(thread.getName()).append(": ");
            s.append(Arrays.stream(stack)
                    .filter(f -> f.getClassName().startsWith("dev.cameltiledb.component")
                            || f.getClassName().startsWith("org.apache.camel.component.master")
                            || f.getMethodName().equals("stopView")
                            || f.getMethodName().equals("isLeader")
                            || f.getClassName().endsWith("BaseService"))
                    .limit(8)
                    .map(f ->
                            f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                    .collect(Collectors.joining(" < ")));
            s.append("] ");
        });
        return s.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void print(double seconds) {
        StringBuilder command =
                new StringBuilder("mvn -B -q -Pbench -pl benchmarks -am -DskipTests package exec:java -Dbench.main="
                        + getClass().getName());
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench.") && !k.equals("bench.main") && !k.equals("bench.dir"))
                .sorted()
                .forEach(k -> command.append(" -D").append(k).append('=').append(System.getProperty(k)));
        System.out.println();
        System.out.println("Command: " + command);
        System.out.printf(
                "Run: %s, %d cores, Java %s, %.0f s; one emulator, a 3-server ZooKeeper ensemble (TestingCluster) and"
                        + " every node in this JVM; cursors in one MemoryStateRepository shared by the in-process"
                        + " nodes%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                seconds);
        System.out.printf(
                "Settings: %d arrays, backlog %,d events, %d rounds (medians), delay %d ms (requests: %d ms), trickle"
                        + " %d events/s, partition balance interval 1000 ms (default), initialDelay 1000 ms"
                        + " (default); poll errors %d, failed deliveries other than a crashed node's %d%n",
                ARRAYS, BACKLOG, ROUNDS, DELAY, REQUEST_DELAY, TRICKLE_RATE, polls.errors.sum(), failures.other.sum());
        row(
                "4. nodes stuck: the cluster service stopped answering isLeader (all measurements)",
                clusterRuns.get() + " clusters started",
                stuck.size() + " stuck" + (stuckStops.sum() > 0 ? ", " + stuckStops.sum() + " did not stop" : ""),
                String.join("; ", stuck),
                stuck.isEmpty() ? "" : "each such measurement was run again on a new cluster");
        System.out.println();
        System.out.println("| measure | setup | median | rounds | ratio to 1 node / notes |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }
}
