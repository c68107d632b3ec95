package dev.cameltiledb.component;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.cameltiledb.component.cluster.AssetPartitions;
import dev.cameltiledb.component.state.EmbeddedPostgresDatabase;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Await;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three Camel nodes, each in its own JVM, share a namespace's activity split into six partitions, on a real
 * three-server ZooKeeper ensemble, with cursors (JdbcStateRepository) and the sink in a real PostgreSQL server. While 10,000 events over 200 arrays arrive, one
 * node is killed (SIGKILL, no shutdown) and later started again, and one ZooKeeper server is stopped.
 * <p>
 * At the sink: every event is delivered; an event delivered twice is one the killed node delivered after its last
 * cursor save, and there are at most {@code maxMessagesPerPoll} of those per partition it led (the at-least-once
 * window), or the exchange a node paused past its session was in (one per partition it led); the partitions the
 * balancer moves meanwhile deliver nothing twice; the idempotent sink, keyed on the event id, holds each event exactly
 * once.
 */
@Tag("server")
class ClusterChaosTest {

    static final String NAMESPACE = "chaos";
    static final String TOKEN = "chaos-key-0d9e8f7a6b";
    static final int MAX_MESSAGES_PER_POLL = 100;
    private static final int PARTITIONS = 6;
    private static final int ARRAYS = 200;
    private static final int EVENTS = 10_000;
    private static final long SESSION_TIMEOUT_MS = 4000;
    private static final int PAUSE_EVENTS = 1000;
    private static final String BASE_PATH = "/camel-tiledb";

    @TempDir
    Path dir;

    private TestingCluster zooKeeper;
    private EmbeddedPostgresDatabase database;
    private TileDBEmulator emulator;
    private CuratorFramework observer;
    private final Map<String, Process> nodes = new ConcurrentHashMap<>();

    @AfterEach
    void tearDown() throws Exception {
        nodes.values().forEach(Process::destroyForcibly);
        for (Process p : nodes.values()) {
            p.waitFor();
        }
        if (observer != null) {
            observer.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (emulator != null) {
            emulator.stop();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void everyEventArrivesThroughANodeKillAndAZooKeeperServerStop() throws Exception {
        zooKeeper = ZooKeeperEnsembles.started();
        observer = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), new RetryOneTime(100));
        observer.start();
        database = new EmbeddedPostgresDatabase();
        database.start();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE deliveries(seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " event_id VARCHAR(64), node VARCHAR(32), asset_uri VARCHAR(256), delivered_at BIGINT)");
            s.execute("CREATE TABLE events(event_id VARCHAR(64) PRIMARY KEY, asset_uri VARCHAR(256))");
        }
        emulator = TileDBEmulator.builder()
                .recordExchanges()
                .seed(new Seed(
                        List.of(new User("chaos", "chaos@example.com", "chaos-password", List.of(TOKEN))),
                        List.of(new Organization(NAMESPACE, Map.of("chaos", "owner"))),
                        IntStream.range(0, ARRAYS)
                                .mapToObj(
                                        i -> new Seed.SeedArray(NAMESPACE, "a" + i, null, null, null, null, null, null))
                                .toList()))
                .build()
                .start();

        for (int n = 1; n <= 3; n++) {
            launch("node-" + n, "node-" + n);
        }
        Await.until(() -> balanced(Set.of("node-1", "node-2", "node-3")), "two partitions per node: " + leaders());

        Set<String> written = ConcurrentHashMap.newKeySet();
        Thread feeder = new Thread(() -> {
            for (int i = 0; i < EVENTS; i++) {
                written.add(emulator.addActivity(NAMESPACE, "a" + (i % ARRAYS), Instant.now(), "query_read", "chaos"));
                if (i % 250 == 249) {
                    try {
                        Thread.sleep(100); // pacing the arrival, not waiting for an outcome
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        feeder.start();

        Await.until(() -> count("SELECT COUNT(*) FROM events") >= 3000, "3,000 events at the sink");
        Map<Integer, String> before = leaders();
        Set<Integer> killedPartitions = new HashSet<>();
        before.forEach((p, node) -> {
            if (node.equals("node-2")) {
                killedPartitions.add(p);
            }
        });
        long killedAt = System.currentTimeMillis();
        nodes.remove("node-2").destroyForcibly().waitFor();
        long deliveredByNode2 = count("SELECT COUNT(*) FROM deliveries WHERE node = 'node-2'");

        Await.until(() -> count("SELECT COUNT(*) FROM events") >= 6000, "6,000 events at the sink");
        InstanceSpec stopped = zooKeeper.getInstances().iterator().next();
        zooKeeper.killServer(stopped);

        Await.until(
                () -> killedPartitions.stream().allMatch(p -> resumedAt(p, killedAt) != null),
                "node-2's partitions " + killedPartitions + " to resume on the other nodes");
        long resume = killedPartitions.stream()
                .mapToLong(p -> resumedAt(p, killedAt) - killedAt)
                .max()
                .orElseThrow();

        launch("node-2", "node-2-restarted");
        feeder.join();
        Await.until(() -> count("SELECT COUNT(*) FROM events") >= EVENTS, "all 10,000 events at the idempotent sink");
        Await.until(
                () -> balanced(Set.of("node-1", "node-2", "node-3")),
                "the restarted node-2 to get its share back: " + leaders());

        // a node paused longer than its session: the others take its partitions over; when it wakes it finds it was
        // fenced off and delivers nothing more of them than the exchange it was in when it stopped
        Map<Integer, String> beforePause = leaders();
        Set<Integer> pausedPartitions = new HashSet<>();
        beforePause.forEach((p, node) -> {
            if (node.equals("node-3")) {
                pausedPartitions.add(p);
            }
        });
        Set<String> duringPause = ConcurrentHashMap.newKeySet();
        long pid = nodes.get("node-3").pid();
        signal("STOP", pid);
        long pausedAt = System.currentTimeMillis();
        for (int i = 0; i < PAUSE_EVENTS; i++) {
            duringPause.add(emulator.addActivity(NAMESPACE, "a" + (i % ARRAYS), Instant.now(), "query_write", "chaos"));
        }
        written.addAll(duringPause);
        Await.until(
                () -> pausedPartitions.stream().allMatch(p -> resumedAt(p, pausedAt, "node-3") != null),
                "node-3's partitions " + pausedPartitions + " to move while it is paused");
        long pauseResume = pausedPartitions.stream()
                .mapToLong(p -> resumedAt(p, pausedAt, "node-3") - pausedAt)
                .max()
                .orElseThrow();
        signal("CONT", pid);
        Await.until(
                () -> count("SELECT COUNT(*) FROM events") >= EVENTS + PAUSE_EVENTS,
                "every event of the pause at the idempotent sink");
        Await.until(
                () -> balanced(Set.of("node-1", "node-2", "node-3")),
                "node-3, awake, to get its share back: " + leaders());
        long settled = count("SELECT COUNT(*) FROM deliveries");
        // nothing more arrives: every partition polls again several times, and the sink does not grow
        Await.requests(
                emulator,
                x -> x.rawPath().startsWith("/v1/arrays/browser/owned"),
                PARTITIONS * 5,
                "five more polls of every partition");

        assertEquals(settled, count("SELECT COUNT(*) FROM deliveries"), "no delivery after the sink settled");
        Set<String> atSink = strings("SELECT event_id FROM events");
        assertEquals(written, atSink, "every event written reached the idempotent sink, and nothing else");
        assertEquals(EVENTS + PAUSE_EVENTS, atSink.size());

        Map<String, List<Delivery>> deliveriesById = new HashMap<>();
        Map<String, String> assetOf = new HashMap<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT event_id, node, asset_uri, delivered_at FROM deliveries ORDER BY seq")) {
            while (r.next()) {
                deliveriesById
                        .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                        .add(new Delivery(r.getString(2), r.getLong(4)));
                assetOf.put(r.getString(1), r.getString(3));
            }
        }
        // a duplicate belongs to a window only when the second delivery came after the fault: the same pair of nodes
        // at another moment (a partition the balancer moved, say) is a duplicate no window allows
        int afterKill = 0;
        int afterPause = 0;
        for (Map.Entry<String, List<Delivery>> e : deliveriesById.entrySet()) {
            List<Delivery> by = e.getValue();
            if (by.size() < 2) {
                continue;
            }
            int partition = AssetPartitions.partitionOf(assetOf.get(e.getKey()), PARTITIONS);
            if (by.size() == 2 && killedPartitions.contains(partition) && afterKill(by, killedAt)) {
                afterKill++; // delivered by the killed node after its last cursor save
            } else if (by.size() == 2 && pausedPartitions.contains(partition) && afterPause(by, pausedAt)) {
                afterPause++; // the exchange the paused node was in
            } else {
                throw new AssertionError("a duplicate outside the at-least-once windows: " + e.getKey() + " " + by
                        + " partition " + partition + " (node-2 killed at " + killedAt + ", partitions "
                        + killedPartitions + "; node-3 paused at " + pausedAt + ", partitions " + pausedPartitions
                        + ")");
            }
        }
        int duplicates = afterKill + afterPause;
        int window = MAX_MESSAGES_PER_POLL * killedPartitions.size();
        StringBuilder perNode = new StringBuilder();
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet r = st.executeQuery("SELECT node, COUNT(*), MIN(delivered_at), MAX(delivered_at) FROM"
                        + " deliveries GROUP BY node ORDER BY node")) {
            while (r.next()) {
                long span = Math.max(1, r.getLong(4) - r.getLong(3));
                perNode.append(String.format(
                        "%s %d events in %d ms (%.0f/s); ",
                        r.getString(1), r.getLong(2), span, r.getLong(2) * 1000.0 / span));
            }
        }
        System.out.println("Cluster chaos, per node: " + perNode);
        System.out.printf(
                "Cluster chaos: %d events over %d arrays, %d partitions on 3 nodes; node-2 killed (partitions %s, %d"
                        + " deliveries before), ZooKeeper server %d stopped, node-3 paused (partitions %s) while %d"
                        + " more arrived; %d deliveries, %d duplicates after the kill (window %d), %d after the pause"
                        + " (at most one per partition), %d at the idempotent sink; partitions resumed %d ms after the"
                        + " kill and %d ms after the pause (session timeout %d ms)%n",
                EVENTS,
                ARRAYS,
                PARTITIONS,
                killedPartitions,
                deliveredByNode2,
                stopped.getServerId(),
                pausedPartitions,
                PAUSE_EVENTS,
                settled,
                afterKill,
                window,
                afterPause,
                atSink.size(),
                resume,
                pauseResume,
                SESSION_TIMEOUT_MS);
        assertTrue(afterKill <= window, afterKill + " duplicates after the kill, more than the window of " + window);
        assertTrue(
                afterPause <= pausedPartitions.size(),
                afterPause
                        + " duplicates after the pause: the paused node delivered more than its exchanges in flight");
    }

    /** One row of the {@code deliveries} table: the node incarnation that delivered, and when (its clock). */
    private record Delivery(String node, long at) {}

    /** First by the killed node, again by another after the kill. */
    private static boolean afterKill(List<Delivery> by, long killedAt) {
        return by.get(0).node().equals("node-2") && by.get(1).at() >= killedAt;
    }

    /**
     * By the paused node and by another after the pause began, in either order: the paused node may have stopped
     * before its sink wrote the exchange in flight, and write it when it resumes.
     */
    private static boolean afterPause(List<Delivery> by, long pausedAt) {
        Delivery paused = by.get(0).node().equals("node-3") ? by.get(0) : by.get(1);
        Delivery other = paused == by.get(0) ? by.get(1) : by.get(0);
        return paused.node().equals("node-3") && !other.node().equals("node-3") && other.at() >= pausedAt;
    }

    private void launch(String id, String incarnation) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        File log = dir.resolve(incarnation + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        classpath,
                        ChaosNode.class.getName(),
                        id,
                        incarnation,
                        zooKeeper.getConnectString(),
                        emulator.url(),
                        database.getJdbcUrl(),
                        String.valueOf(PARTITIONS),
                        String.valueOf(SESSION_TIMEOUT_MS))
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("CHAOS_DB_USER", database.getUser());
        builder.environment().put("CHAOS_DB_PASSWORD", database.getPassword());
        Process process = builder.start();
        nodes.put(id, process);
        Await.until(
                () -> {
                    try {
                        return Files.readString(log.toPath(), StandardCharsets.UTF_8)
                                .contains("CHAOS-NODE-STARTED " + incarnation);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                },
                incarnation + " to start (log " + log + ")");
    }

    /** The leader of each partition's election, read from ZooKeeper: the participant holding the lowest lock. */
    private Map<Integer, String> leaders() {
        Map<Integer, String> leaders = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            String path = BASE_PATH + "/activity-p" + p;
            try {
                List<String> locks = new ArrayList<>(observer.getChildren().forPath(path));
                locks.sort(Comparator.comparing(name -> name.substring(name.lastIndexOf('-') + 1)));
                if (!locks.isEmpty()) {
                    leaders.put(
                            p,
                            new String(observer.getData().forPath(path + "/" + locks.get(0)), StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                // no election yet, or a server is changing: not a leader
            }
        }
        return leaders;
    }

    private boolean balanced(Set<String> ids) {
        Map<Integer, String> leaders = leaders();
        if (leaders.size() != PARTITIONS) {
            return false;
        }
        Map<String, Integer> counts = new HashMap<>();
        leaders.values().forEach(n -> counts.merge(n, 1, Integer::sum));
        return counts.keySet().equals(ids) && counts.values().stream().allMatch(c -> c == PARTITIONS / ids.size());
    }

    private static void signal(String signal, long pid) throws Exception {
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                        .start()
                        .waitFor());
    }

    private Long resumedAt(int partition, long since) {
        return resumedAt(partition, since, "node-2");
    }

    /** When a node other than {@code gone} first delivered an event of the partition after {@code since}. */
    private Long resumedAt(int partition, long killedAt, String gone) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT asset_uri, MIN(delivered_at) FROM deliveries WHERE delivered_at >= "
                                + killedAt + " AND node <> '" + gone + "' GROUP BY asset_uri")) {
            Long first = null;
            while (r.next()) {
                if (AssetPartitions.partitionOf(r.getString(1), PARTITIONS) == partition) {
                    long at = r.getLong(2);
                    first = first == null ? at : Math.min(first, at);
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return database.getDataSource().getConnection();
    }

    private long count(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
