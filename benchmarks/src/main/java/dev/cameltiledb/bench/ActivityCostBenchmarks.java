package dev.cameltiledb.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import dev.cameltiledb.client.ActivityQuery;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.PagedIterator;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.GroupContentActivity;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * What the activity consumer costs when little or nothing happens (issue 31): an idle one-array and group stream
 * whose late-arrival window holds 20,000 events, and six partitions of one namespace on one node against one
 * consumer, idle and with 100 changed arrays per round. Polls are driven by hand ({@code startScheduler=false}) and
 * every request is counted by the emulator's request hook.
 * <p>
 * Side by side in one run: for the streams, the requests a poll of the code before this change sent (a full read of
 * the same window, page by page, replayed here with the client exactly as that poll asked) against a poll now; for the
 * partitions, six partitions each in a CamelContext of its own (nothing shared between them, as every partition was
 * before) against six in one CamelContext (one node, sharing its listings).
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl benchmarks -am -DskipTests package exec:java
 * -Dbench.main=dev.cameltiledb.bench.ActivityCostBenchmarks}. Scale with {@code -Dbench.windowEvents=20000
 * -Dbench.partitionArrays=10000 -Dbench.changed=100}.
 */
public final class ActivityCostBenchmarks {

    private static final String KEY = "bench-key";
    private static final int WINDOW_EVENTS = Integer.getInteger("bench.windowEvents", 20_000);
    private static final int PARTITION_ARRAYS = Integer.getInteger("bench.partitionArrays", 10_000);
    private static final int CHANGED = Integer.getInteger("bench.changed", 100);
    private static final int PARTITIONS = 6;
    private static final int GROUP_ARRAYS = 200;
    private static final int ROUNDS = 5;
    private static final int PER_PAGE = 1000;
    private static final long LATE_ARRIVAL = 60;
    /** A namespace for each setup of the partition figures, alike, so that none inherits another's history. */
    private static final String[] PARTITION_SETUPS = {"parts-one", "parts-apart", "parts-node"};

    private final TileDBEmulator emulator;
    private final AtomicLong requests = new AtomicLong();
    private final List<String> rows = new ArrayList<>();

    private ActivityCostBenchmarks(TileDBEmulator emulator) {
        this.emulator = emulator;
        emulator.onRequest(r -> requests.incrementAndGet());
    }

    public static void main(String[] args) throws Exception {
        List<Seed.SeedArray> arrays = new ArrayList<>();
        List<Organization> orgs = new ArrayList<>();
        for (String namespace : List.of("one", "grp")) {
            orgs.add(new Organization(namespace, Map.of("bench", "owner")));
        }
        arrays.add(array("one", 0));
        IntStream.range(0, GROUP_ARRAYS).forEach(i -> arrays.add(array("grp", i)));
        for (String namespace : PARTITION_SETUPS) {
            orgs.add(new Organization(namespace, Map.of("bench", "owner")));
            IntStream.range(0, PARTITION_ARRAYS).forEach(i -> arrays.add(array(namespace, i)));
        }
        List<String> members = IntStream.range(0, GROUP_ARRAYS)
                .mapToObj(i -> "tiledb://grp/" + name(i))
                .toList();
        Seed.SeedGroup group = new Seed.SeedGroup(
                "grp", "g", null, null, null, null, null, members, null, null, null, null, null, null, null, null);
        Seed seed = new Seed(
                List.of(new User("bench", "bench@example.com", "bench-password", List.of(KEY))),
                orgs,
                arrays,
                null,
                List.of(group),
                null,
                null);
        try (TileDBEmulator emulator =
                TileDBEmulator.builder().seed(seed).build().start()) {
            ActivityCostBenchmarks bench = new ActivityCostBenchmarks(emulator);
            bench.idleArray();
            bench.idleGroup();
            bench.partitions();
            System.out.println();
            System.out.println("| workload | measure | reference | measured | measured / reference |");
            System.out.println("|---|---|---|---|---|");
            bench.rows.forEach(System.out::println);
        }
        System.exit(0);
    }

    private static String name(int i) {
        return String.format("a%06d", i);
    }

    private static Seed.SeedArray array(String namespace, int i) {
        return new Seed.SeedArray(namespace, name(i), null, null, null, null, null, null);
    }

    private String uri(String options) {
        return "tiledb:activity?host=" + emulator.url() + "&apiKey=" + KEY + "&startScheduler=false&" + options;
    }

    private void row(String workload, String measure, double before, double now) {
        String line = String.format(
                "| %s | %s | %.1f | %.1f | %.2fx |", workload, measure, before, now, before == 0 ? 0 : now / before);
        rows.add(line);
        System.err.println(line);
    }

    /** A context whose routes are polled by hand, counting what they deliver. */
    private CamelContext context(AtomicLong delivered, String... uris) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < uris.length; i++) {
                    from(uris[i]).routeId("r" + i).process(e -> delivered.incrementAndGet());
                }
            }
        });
        camel.start();
        return camel;
    }

    /** One poll of every route of every context, in turn: a round; returns the requests it sent. */
    private long round(List<CamelContext> contexts) {
        long before = requests.get();
        for (CamelContext camel : contexts) {
            camel.getRoutes().forEach(route -> ((ScheduledPollConsumer) route.getConsumer()).run());
        }
        return requests.get() - before;
    }

    /** The mean requests of {@link #ROUNDS} rounds, each after {@code between} ran. */
    private double meanRound(List<CamelContext> contexts, Runnable between) {
        long sum = 0;
        for (int r = 0; r < ROUNDS; r++) {
            between.run();
            sum += round(contexts);
        }
        return sum / (double) ROUNDS;
    }

    private TileDBClient client() {
        return new TileDBClient(ClientSettings.of(emulator.url(), KEY));
    }

    /** {@code WINDOW_EVENTS} events over the last minute, spread over the arrays; returns the newest event's second. */
    private long busyMinute(String namespace, int arrays) {
        Instant base = Instant.now().minusSeconds(LATE_ARRIVAL);
        long step = LATE_ARRIVAL * 1000 / WINDOW_EVENTS;
        for (int i = 0; i < WINDOW_EVENTS; i++) {
            emulator.addActivity(namespace, name(i % arrays), base.plusMillis(i * step), "query_read", "bench");
        }
        return base.plusMillis((WINDOW_EVENTS - 1) * step).getEpochSecond();
    }

    /** Drains a stream from the beginning, then measures its idle polls. */
    private double idlePolls(String options, long events) throws Exception {
        AtomicLong delivered = new AtomicLong();
        try (CamelContext camel = context(delivered, uri(options))) {
            List<CamelContext> one = List.of(camel);
            while (delivered.get() < events) {
                round(one);
            }
            round(one); // the poll after the last events
            double idle = meanRound(one, () -> {});
            if (delivered.get() != events) {
                throw new IllegalStateException("delivered " + delivered.get() + " events, expected " + events);
            }
            return idle;
        }
    }

    // ---- one array, one group: idle polls

    private void idleArray() throws Exception {
        long newest = busyMinute("one", 1);
        double now = idlePolls(
                "namespace=one&array=a000000&startFrom=beginning&lateArrivalSeconds=" + LATE_ARRIVAL + "&perPage="
                        + PER_PAGE + "&maxMessagesPerPoll=0",
                WINDOW_EVENTS);
        // the poll before: the cursor's window, from the newest delivered second minus lateArrivalSeconds, page by page
        AssetRef array = new AssetRef("one", "a000000");
        ActivityQuery window = new ActivityQuery(newest - LATE_ARRIVAL, null, null, null, null);
        long before;
        try (TileDBClient client = client()) {
            before = replay(() -> {
                PagedIterator<ArrayActivityLog> pages =
                        new PagedIterator<>(page -> client.arrays().activityPage(array, window, page, PER_PAGE), 0);
                pages.forEachRemaining(event -> {});
            });
        }
        row(
                "activity, one array, " + WINDOW_EVENTS + " events in its window (lateArrivalSeconds=60, perPage=1000);"
                        + " reference: a poll before this change (the same window read in full)",
                "requests per idle poll",
                before,
                now);
    }

    private void idleGroup() throws Exception {
        long newest = busyMinute("grp", GROUP_ARRAYS);
        double now = idlePolls(
                "namespace=grp&group=g&startFrom=beginning&lateArrivalSeconds=" + LATE_ARRIVAL + "&perPage=" + PER_PAGE
                        + "&maxMessagesPerPoll=0",
                WINDOW_EVENTS);
        // the poll before: newest first, page by page, until a page reaches back past the window (or the last page)
        AssetRef group = new AssetRef("grp", "g");
        long from = newest - LATE_ARRIVAL;
        long before;
        try (TileDBClient client = client()) {
            before = replay(() -> {
                for (int page = 1; ; page++) {
                    Page<GroupContentActivity> answer = client.groups().contentActivity(group, page, PER_PAGE);
                    boolean reachedPast = answer.items().stream()
                            .anyMatch(e -> e.activityLog().eventAt().getEpochSecond() < from);
                    if (reachedPast
                            || answer.items().isEmpty()
                            || answer.pagination().totalPages() <= page) {
                        return;
                    }
                }
            });
        }
        row(
                "activity, a group of " + GROUP_ARRAYS + " arrays, " + WINDOW_EVENTS
                        + " events in its window (lateArrivalSeconds=60, perPage=1000); reference: a poll before this"
                        + " change (newest first until past the window)",
                "requests per idle poll",
                before,
                now);
    }

    private long replay(Runnable poll) {
        long before = requests.get();
        poll.run();
        return requests.get() - before;
    }

    // ---- six partitions on one node

    private void partitions() throws Exception {
        Random random = new Random(31);
        String workload = "activity, namespace of " + PARTITION_ARRAYS + " arrays";
        AtomicLong delivered = new AtomicLong();
        double[] one;
        try (CamelContext camel = context(delivered, uri(options(PARTITION_SETUPS[0])))) {
            one = measure(PARTITION_SETUPS[0], List.of(camel), random, delivered);
        }
        double[] apart;
        List<CamelContext> nodes = new ArrayList<>();
        try {
            for (String partition : partitions(PARTITION_SETUPS[1])) {
                nodes.add(context(delivered, partition));
            }
            apart = measure(PARTITION_SETUPS[1], nodes, random, delivered);
        } finally {
            for (CamelContext node : nodes) {
                node.close();
            }
        }
        double[] together;
        try (CamelContext node = context(delivered, partitions(PARTITION_SETUPS[2]))) {
            together = measure(PARTITION_SETUPS[2], List.of(node), random, delivered);
        }
        String first = "requests of the first round (the full listing)";
        String idle = "requests per round, idle (mean of " + ROUNDS + ")";
        String busy = "requests per round, " + CHANGED + " changed arrays (mean of " + ROUNDS + ")";
        String apartRow = workload + ", reference one consumer; measured six partitions, a CamelContext each (nothing"
                + " shared, as every partition was before)";
        String nodeRow = workload + ", reference one consumer; measured six partitions in one CamelContext (one node,"
                + " sharing its listings)";
        for (int i = 0; i < 3; i++) {
            row(apartRow, List.of(first, idle, busy).get(i), one[i], apart[i]);
        }
        for (int i = 0; i < 3; i++) {
            row(nodeRow, List.of(first, idle, busy).get(i), one[i], together[i]);
        }
    }

    private static String options(String namespace) {
        return "namespace=" + namespace + "&perPage=100&maxRequestsPerPoll=1000";
    }

    private String[] partitions(String namespace) {
        return IntStream.range(0, PARTITIONS)
                .mapToObj(p -> uri(options(namespace) + "&partitions=" + PARTITIONS + "&partition=" + p))
                .toArray(String[]::new);
    }

    /**
     * The first round (the full listing), then the mean idle and busy rounds: {first, idle, busy}. Each busy round
     * logs one event in each of {@code CHANGED} arrays, a millisecond apart and after every event before, as a service
     * logs them (its last_accessed only moves forward).
     */
    private double[] measure(String namespace, List<CamelContext> contexts, Random random, AtomicLong delivered)
            throws InterruptedException {
        long first = round(contexts);
        double idle = meanRound(contexts, () -> {});
        long[] expected = {delivered.get()};
        Thread.sleep(CHANGED); // the first round's events come after the listing's newest access
        double busy = meanRound(contexts, () -> {
            check(delivered, expected[0]);
            Instant now = Instant.now().minusMillis(CHANGED);
            int[] k = {0};
            random.ints(0, PARTITION_ARRAYS)
                    .distinct()
                    .limit(CHANGED)
                    .forEach(i ->
                            emulator.addActivity(namespace, name(i), now.plusMillis(k[0]++), "query_write", "bench"));
            expected[0] += CHANGED;
            try {
                Thread.sleep(CHANGED); // the next round's events come after these
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        check(delivered, expected[0]);
        return new double[] {first, idle, busy};
    }

    private static void check(AtomicLong delivered, long expected) {
        if (delivered.get() != expected) {
            throw new IllegalStateException("delivered " + delivered.get() + " events, expected " + expected);
        }
    }
}
