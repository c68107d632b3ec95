package dev.cameltiledb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.component.TileDBConstants;
import dev.cameltiledb.component.TileDBEndpoint;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * What a change feed over a large namespace costs per poll now that it reads what changed: requests and time of the
 * snapshot poll, of a poll when nothing changed, of a poll after {@code bench.changed} arrays changed, of the
 * reconciliation poll (the full listing, every {@code listingRefreshInterval}) and of a poll after a deletion (a gap);
 * the state's bytes an asset; then six partitions on one node (one Camel context) against one consumer, idle and busy.
 * Each consumer runs with {@code startScheduler=false}: every poll is one call of its {@code run()}, and the emulator's
 * request hook counts exactly that poll's requests.
 * <p>
 * The arrays are seeded with a {@code create} event each, one second apart, so each has a {@code last_accessed} (as
 * arrays made through the service do); an array is changed with {@code PATCH .../metadata}, as a user would.
 * <p>
 * Run: {@code MAVEN_OPTS=-Xmx12g mvn -B -q -Pbench -pl benchmarks -am -DskipTests package exec:java
 * -Dbench.main=dev.cameltiledb.bench.ChangeFeedBenchmarks}; scale with {@code -Dbench.arrays=100000
 * -Dbench.changed=100 -Dbench.partitions=6}.
 */
public final class ChangeFeedBenchmarks {

    private static final String KEY = "bench-key";
    private static final String NAMESPACE = "feed";
    private static final int ARRAYS = Integer.getInteger("bench.arrays", 100_000);
    private static final int CHANGED = Integer.getInteger("bench.changed", 100);
    private static final int PARTITIONS = Integer.getInteger("bench.partitions", 6);
    private static final int POLLS = 3;
    private static final ObjectMapper SEED_JSON = new ObjectMapper();

    private final TileDBEmulator emulator;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Random random = new Random(7);
    private final List<String> rows = new ArrayList<>();
    private int round;

    private ChangeFeedBenchmarks(TileDBEmulator emulator) {
        this.emulator = emulator;
        emulator.onRequest(r -> requests.incrementAndGet());
    }

    public static void main(String[] args) throws Exception {
        List<Seed.SeedArray> arrays =
                IntStream.range(0, ARRAYS).mapToObj(ChangeFeedBenchmarks::array).toList();
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                .seed(new Seed(
                        List.of(new User("bench", "bench@example.com", "bench-password", List.of(KEY))),
                        List.of(new Organization(NAMESPACE, Map.of("bench", "owner"))),
                        arrays))
                .build()
                .start()) {
            ChangeFeedBenchmarks bench = new ChangeFeedBenchmarks(emulator);
            bench.oneConsumer();
            bench.partitions();
            System.out.println();
            System.out.println("| workload | measure | value |");
            System.out.println("|---|---|---|");
            bench.rows.forEach(System.out::println);
        }
        System.exit(0);
    }

    /**
     * Array {@code i}, created (and so last accessed) {@code ARRAYS - i} seconds before the seed is applied; built from
     * the seed's JSON form, which names only the fields it sets.
     */
    private static Seed.SeedArray array(int i) {
        return SEED_JSON.convertValue(
                Map.of(
                        "namespace",
                        NAMESPACE,
                        "name",
                        String.format("a%06d", i),
                        "description",
                        "array " + i,
                        "activity",
                        List.of(Map.of("action", "create", "username", "bench", "at", "-PT" + (ARRAYS - i) + "S"))),
                Seed.SeedArray.class);
    }

    private void oneConsumer() throws Exception {
        String workload = "change feed, " + ARRAYS + " arrays, one consumer";
        long heapBefore = usedHeapAfterGc();
        MemoryStateRepository state = new MemoryStateRepository();
        try (CamelContext camel = feeds(state, List.of(""))) {
            ScheduledPollConsumer feed = consumers(camel).get(0);
            ProducerTemplate template = camel.createProducerTemplate();
            row(workload, "snapshot poll (the full listing)", format(poll(List.of(feed))));
            long bytes = state.getState("tiledb:arrays:" + NAMESPACE).length();
            row(workload, "state", String.format("%,d bytes (%.0f bytes an asset)", bytes, bytes / (double) ARRAYS));

            List<String> idle = new ArrayList<>();
            for (int p = 0; p < POLLS; p++) {
                idle.add(format(poll(List.of(feed))));
            }
            row(workload, "poll, nothing changed (" + POLLS + " polls)", String.join("; ", idle));

            List<String> busy = new ArrayList<>();
            for (int p = 0; p < POLLS; p++) {
                change(template);
                long expected = delivered.get() + CHANGED;
                busy.add(format(poll(List.of(feed))));
                check(expected);
            }
            row(workload, "poll, " + CHANGED + " arrays changed (" + POLLS + " polls)", String.join("; ", busy));

            // the reconciliation poll comes every listingRefreshInterval (1 h by default): due now
            TileDBEndpoint endpoint = (TileDBEndpoint) camel.getRoute("feed0").getEndpoint();
            endpoint.getConfiguration().getConsumer().setListingRefreshInterval(1);
            long[] reconciliation = poll(List.of(feed));
            endpoint.getConfiguration().getConsumer().setListingRefreshInterval(3_600_000L);
            row(workload, "reconciliation poll (the full listing, nothing changed)", format(reconciliation));
            row(workload, "poll after it, nothing changed", format(poll(List.of(feed))));

            emulator.removeArray(NAMESPACE, String.format("a%06d", random.nextInt(ARRAYS)));
            long expected = delivered.get() + 1;
            long[] deletion = poll(List.of(feed));
            check(expected);
            row(workload, "poll after one array was deleted (a gap: the full listing and one info)", format(deletion));
            row(
                    workload,
                    "heap held by the consumer (used heap after GC, minus before)",
                    mib(usedHeapAfterGc() - heapBefore));
        }
    }

    /**
     * Six partitions on one Camel context against one consumer on another, polled in turn over the same namespace, so
     * both read it in the same state: each round, the one consumer polls, then each partition once.
     */
    private void partitions() throws Exception {
        String workload = "change feed, " + ARRAYS + " arrays, " + PARTITIONS + " partitions on one node";
        List<String> options = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            options.add("&partitions=" + PARTITIONS + "&partition=" + p);
        }
        try (CamelContext single = feeds(new MemoryStateRepository(), List.of(""));
                CamelContext split = feeds(new MemoryStateRepository(), options)) {
            List<ScheduledPollConsumer> one = consumers(single);
            List<ScheduledPollConsumer> six = consumers(split);
            ProducerTemplate template = split.createProducerTemplate();
            long[] oneSnapshot = poll(one);
            row(workload, "snapshot round (each partition polls once)", compared(poll(six), oneSnapshot));
            List<String> idle = new ArrayList<>();
            for (int p = 0; p < POLLS; p++) {
                long[] single1 = poll(one);
                idle.add(compared(poll(six), single1));
            }
            row(workload, "round, nothing changed (" + POLLS + " rounds)", String.join("; ", idle));
            List<String> busy = new ArrayList<>();
            for (int p = 0; p < POLLS; p++) {
                change(template);
                long expected = delivered.get() + CHANGED;
                long[] single1 = poll(one);
                check(expected);
                long[] split1 = poll(six);
                check(expected + CHANGED);
                busy.add(compared(split1, single1));
            }
            row(workload, "round, " + CHANGED + " arrays changed (" + POLLS + " rounds)", String.join("; ", busy));
        }
    }

    /** The partitions' round against the one consumer's poll of the same state. */
    private static String compared(long[] partitions, long[] one) {
        return String.format(
                "%s (one consumer: %s, %.2fx)", format(partitions), format(one), partitions[0] / (double) one[0]);
    }

    /** One Camel context with a change feed route per entry of {@code options}, and a route to change arrays. */
    private CamelContext feeds(MemoryStateRepository state, List<String> options) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("feedState", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < options.size(); i++) {
                    from(uri(
                                    "arrays",
                                    "namespace=" + NAMESPACE + "&perPage=100&startScheduler=false"
                                            + "&stateRepository=#feedState" + options.get(i)))
                            .routeId("feed" + i)
                            .process(e -> delivered.incrementAndGet());
                }
                from("direct:update").to(uri("arrays", "operation=update&namespace=" + NAMESPACE));
            }
        });
        camel.start();
        return camel;
    }

    private static List<ScheduledPollConsumer> consumers(CamelContext camel) {
        return camel.getRoutes().stream()
                .filter(r -> r.getRouteId().startsWith("feed"))
                .sorted(java.util.Comparator.comparing(Route::getRouteId))
                .map(r -> (ScheduledPollConsumer) r.getConsumer())
                .toList();
    }

    private String uri(String resource, String options) {
        return "tiledb:" + resource + "?host=" + emulator.url() + "&apiKey=" + KEY + "&" + options;
    }

    /** {@code CHANGED} distinct arrays get a new description. */
    private void change(ProducerTemplate template) {
        int r = round++;
        random.ints(0, ARRAYS)
                .distinct()
                .limit(CHANGED)
                .forEach(i -> template.sendBodyAndHeader(
                        "direct:update",
                        Map.of("description", "changed in round " + r),
                        TileDBConstants.ARRAY,
                        String.format("a%06d", i)));
    }

    private void check(long expected) {
        if (delivered.get() != expected) {
            throw new IllegalStateException("the feed emitted " + delivered.get() + " in all, expected " + expected);
        }
    }

    /** One poll of each consumer, in turn; returns {requests, millis}. */
    private long[] poll(List<ScheduledPollConsumer> consumers) {
        long before = requests.get();
        long started = System.nanoTime();
        consumers.forEach(ScheduledPollConsumer::run);
        return new long[] {requests.get() - before, (System.nanoTime() - started) / 1_000_000};
    }

    private static String format(long[] cost) {
        return String.format("%,d requests, %,d ms", cost[0], cost[1]);
    }

    private void row(String workload, String measure, String value) {
        rows.add("| " + workload + " | " + measure + " | " + value + " |");
        System.err.println(workload + ": " + measure + " = " + value);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
