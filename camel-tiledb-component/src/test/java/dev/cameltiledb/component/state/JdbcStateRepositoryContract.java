package dev.cameltiledb.component.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link JdbcStateRepository} guarantees, run against each database it supports (one subclass per database).
 * Every test works on a table of its own; a "node" is a repository on a DataSource of its own, as another process
 * would have.
 */
abstract class JdbcStateRepositoryContract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final long TIMEOUT_SECONDS = 120;

    private final List<JdbcStateRepository> started = new ArrayList<>();
    private String table;

    /** A new DataSource on the shared database, as one more node would open. */
    abstract DataSource newNodeDataSource();

    /** A fresh table name for this test. */
    String table() {
        if (table == null) {
            table = "state_t" + TABLES.incrementAndGet();
        }
        return table;
    }

    /** One more node: a started repository on its own DataSource, on this test's table. */
    JdbcStateRepository node() {
        JdbcStateRepository repository = unstartedNode();
        repository.start();
        return repository;
    }

    private JdbcStateRepository unstartedNode() {
        JdbcStateRepository repository = new JdbcStateRepository(newNodeDataSource());
        repository.setTableName(table());
        synchronized (started) {
            started.add(repository);
        }
        return repository;
    }

    @AfterEach
    void stopNodes() {
        started.forEach(JdbcStateRepository::stop);
    }

    @Test
    void roundTripOverwriteAndNullValue() {
        JdbcStateRepository repo = node();
        assertNull(repo.getState("cursor"));
        repo.setState("cursor", "v1");
        assertEquals("v1", repo.getState("cursor"));
        repo.setState("cursor", "v2");
        assertEquals("v2", repo.getState("cursor"));
        repo.setState("cursor", "");
        assertEquals("", repo.getState("cursor"));
        repo.setState("cursor", "v3");

        // like Camel's MemoryStateRepository and FileStateRepository: no null values, so nothing is removed
        NullPointerException refused = assertThrows(NullPointerException.class, () -> repo.setState("cursor", null));
        assertTrue(refused.getMessage().contains("'cursor'"), refused.getMessage());
        assertEquals("v3", repo.getState("cursor"));
        assertNull(repo.getState("Cursor"), "keys are case-sensitive");
        assertNull(repo.getState("other"));
        assertEquals(1, rows(), "one row per key");
    }

    @Test
    void keysAndValuesWithOddCharactersAndA200KbValue() {
        JdbcStateRepository repo = node();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("activity|tiledb%3A%2F%2Facme%2Fsales", "{\"t\":1700000000,\"ids\":[\"a\",\"b\"]}");
        entries.put("quote'key\"; DROP TABLE " + table() + "; --", "it's \"quoted\" \\ and ; -- too");
        entries.put("newline\nkey\ttab=equals:colon", "line one\r\nline two\ttab");
        entries.put("ünïcødé-ключ-鍵-🔑", "值 🚀 ñ € \u200b");
        entries.put("%_ like wildcards *?", "%_");
        entries.put(" spaced key ", " spaced value ");
        entries.put("k".repeat(JdbcStateRepository.MAX_KEY_LENGTH), "the longest key");
        StringBuilder big = new StringBuilder(200 * 1024);
        for (int i = 0; big.length() < 200 * 1024; i++) {
            big.append("event-").append(i).append(i % 7 == 0 ? "ü€🚀" : "").append(',');
        }
        entries.put("big", big.toString());

        entries.forEach(repo::setState);
        JdbcStateRepository reader = node();
        entries.forEach((key, value) -> assertEquals(value, reader.getState(key), () -> "key " + key));
        assertEquals(entries.size(), rows());

        // a big value shrinks back cleanly
        repo.setState("big", "small");
        assertEquals("small", reader.getState("big"));

        IllegalArgumentException tooLong = assertThrows(
                IllegalArgumentException.class,
                () -> repo.setState("k".repeat(JdbcStateRepository.MAX_KEY_LENGTH + 1), "v"));
        assertTrue(tooLong.getMessage().contains("1024"), tooLong.getMessage());
    }

    @Test
    void readsSeeTheLastCommitOfAnotherNode() {
        JdbcStateRepository a = node();
        JdbcStateRepository b = node();
        for (int i = 0; i < 20; i++) {
            JdbcStateRepository writer = i % 2 == 0 ? a : b;
            JdbcStateRepository reader = i % 2 == 0 ? b : a;
            writer.setState("cursor", "position-" + i);
            assertEquals("position-" + i, reader.getState("cursor"));
            assertEquals("position-" + i, writer.getState("cursor"));
        }
        // a third node started later reads the same
        assertEquals("position-19", node().getState("cursor"));
    }

    @Test
    void nodesStartingAtOnceShareOneTable() throws Exception {
        List<JdbcStateRepository> nodes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            nodes.add(unstartedNode());
        }
        CyclicBarrier together = new CyclicBarrier(nodes.size());
        runAll(nodes.stream()
                .<Callable<Void>>map(node -> () -> {
                    together.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    node.start();
                    return null;
                })
                .toList());
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).setState("node-" + i, "up");
        }
        for (JdbcStateRepository node : nodes) {
            for (int i = 0; i < nodes.size(); i++) {
                assertEquals("up", node.getState("node-" + i));
            }
        }
    }

    @Test
    void concurrentWritesAreAtomicPerKey() throws Exception {
        int threadsPerNode = 4;
        int writes = 40;
        List<JdbcStateRepository> nodes = List.of(node(), node());
        int threads = threadsPerNode * nodes.size();
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            JdbcStateRepository repo = nodes.get(t % nodes.size());
            work.add(() -> {
                together.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (int i = 0; i < writes; i++) {
                    // every thread writes the same new key at about the same time: inserts collide
                    repo.setState("fresh-" + i, thread + ":" + i);
                    repo.setState("shared", thread + ":" + i);
                    repo.setState("own-" + thread, thread + ":" + i);
                }
                return null;
            });
        }
        runAll(work);

        JdbcStateRepository reader = node();
        for (int i = 0; i < writes; i++) {
            String value = reader.getState("fresh-" + i);
            assertNotNull(value, "fresh-" + i + " was lost");
            assertTrue(value.endsWith(":" + i), value);
            int writer = Integer.parseInt(value.substring(0, value.indexOf(':')));
            assertTrue(writer >= 0 && writer < threads, value);
        }
        String shared = reader.getState("shared");
        assertTrue(shared != null && shared.matches("\\d+:\\d+"), "shared = " + shared);
        for (int t = 0; t < threads; t++) {
            assertEquals(t + ":" + (writes - 1), reader.getState("own-" + t));
        }
        assertEquals(writes + 1 + threads, rows(), "no key twice, none lost");
    }

    @Test
    void aSaveUnderASupersededEpochIsRefused() {
        JdbcStateRepository a = node();
        JdbcStateRepository b = node();
        long first = a.acquireFence("partition-0");
        assertEquals(1, first);
        a.setState("cursor", "a1", "partition-0", first);
        assertEquals("a1", b.getState("cursor"));

        long second = b.acquireFence("partition-0");
        assertEquals(2, second);
        StateFencedException fenced =
                assertThrows(StateFencedException.class, () -> a.setState("cursor", "a2", "partition-0", first));
        assertEquals(1, fenced.getEpoch());
        assertEquals(2, fenced.getCurrentEpoch());
        String message = fenced.getMessage();
        for (String part : List.of("'cursor'", "'partition-0'", "epoch 1", "epoch is 2", "another node took over")) {
            assertTrue(message.contains(part), () -> "'" + part + "' missing from: " + message);
        }
        assertEquals("a1", b.getState("cursor"), "the refused save wrote nothing");

        b.setState("cursor", "b1", "partition-0", second);
        assertEquals("b1", a.getState("cursor"));

        // an epoch from the future is not current either
        StateFencedException future =
                assertThrows(StateFencedException.class, () -> b.setState("cursor", "b2", "partition-0", 3));
        assertEquals(2, future.getCurrentEpoch());
        // nor is any epoch of a fence key nobody acquired
        StateFencedException unknown =
                assertThrows(StateFencedException.class, () -> b.setState("other", "v", "partition-9", 1));
        assertEquals(0, unknown.getCurrentEpoch());
        assertNull(b.getState("other"));
        assertThrows(IllegalArgumentException.class, () -> b.setState("cursor", "v", "partition-0", 0));

        // a fence key holds no state, and a state key can be a fence key too: each keeps its own column
        assertNull(a.getState("partition-0"));
        assertEquals(1, a.acquireFence("cursor"));
        assertEquals("b1", a.getState("cursor"));
        a.setState("cursor", "c1", "cursor", 1);
        assertEquals("c1", b.getState("cursor"));
        assertEquals(3, b.acquireFence("partition-0"), "the state writes left the epoch alone");
        // an unfenced save neither needs nor moves an epoch
        a.setState("partition-0", "plain");
        assertEquals("plain", b.getState("partition-0"));
        assertEquals(4, b.acquireFence("partition-0"));
        assertEquals("plain", b.getState("partition-0"));
    }

    @Test
    void everyNodeReadsTheCurrentEpochOfAFenceKey() {
        JdbcStateRepository a = node();
        JdbcStateRepository b = node();
        assertEquals(0, b.currentFence("partition-9"), "no epoch before the first acquire");
        a.acquireFence("partition-9");
        assertEquals(1, b.currentFence("partition-9"));
        b.acquireFence("partition-9");
        assertEquals(2, a.currentFence("partition-9"), "the other node's acquire is seen at once");
        a.setState("partition-9", "a value under the fence key");
        assertEquals(2, a.currentFence("partition-9"), "a state write leaves the epoch alone");
    }

    @Test
    void concurrentAcquiresHandOutEveryEpochOnce() throws Exception {
        List<JdbcStateRepository> nodes = List.of(node(), node());
        int threads = 8;
        int acquires = 10;
        CyclicBarrier together = new CyclicBarrier(threads);
        Queue<Long> epochs = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            JdbcStateRepository repo = nodes.get(t % nodes.size());
            work.add(() -> {
                together.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (int i = 0; i < acquires; i++) {
                    epochs.add(repo.acquireFence("partition"));
                }
                return null;
            });
        }
        runAll(work);
        assertEquals(
                LongStream.rangeClosed(1, threads * acquires).boxed().toList(),
                epochs.stream().sorted().toList());
    }

    /**
     * The old leader's threads keep saving under epoch 1 while the new leader acquires epoch 2. The value read right
     * after the acquire returned is the last one any old-epoch save committed: it stays, and every save that started
     * after the acquire is refused.
     */
    @Test
    void afterAnAcquireReturnsNoSaveUnderTheOldEpochCommits() throws Exception {
        JdbcStateRepository newLeader = node();
        List<JdbcStateRepository> oldLeader = List.of(node(), node());
        long old = oldLeader.get(0).acquireFence("partition");
        oldLeader.get(0).setState("cursor", "initial", "partition", old);

        int threads = 6;
        int refusalsEach = 5;
        AtomicBoolean acquired = new AtomicBoolean();
        AtomicBoolean abort = new AtomicBoolean();
        CountDownLatch savesBeforeAcquire = new CountDownLatch(30);
        Set<String> succeeded = ConcurrentHashMap.newKeySet();
        Queue<String> succeededAfterAcquire = new ConcurrentLinkedQueue<>();
        AtomicInteger refusals = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Void>> savers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                JdbcStateRepository repo = oldLeader.get(t % oldLeader.size());
                savers.add(pool.submit(() -> {
                    int refused = 0;
                    for (int i = 0; refused < refusalsEach && !abort.get(); i++) {
                        String value = thread + ":" + i;
                        boolean startedAfterAcquire = acquired.get();
                        try {
                            repo.setState("cursor", value, "partition", old);
                            succeeded.add(value);
                            if (startedAfterAcquire) {
                                succeededAfterAcquire.add(value);
                            }
                            savesBeforeAcquire.countDown();
                        } catch (StateFencedException e) {
                            assertEquals(old + 1, e.getCurrentEpoch());
                            refused++;
                            refusals.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            assertTrue(
                    savesBeforeAcquire.await(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    "the old leader saved too little before the takeover");
            long taken = newLeader.acquireFence("partition");
            acquired.set(true);
            String valueAtTakeover = newLeader.getState("cursor");
            for (Future<Void> saver : savers) {
                saver.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }

            assertEquals(old + 1, taken);
            assertTrue(succeeded.contains(valueAtTakeover), valueAtTakeover);
            assertEquals(List.of(), List.copyOf(succeededAfterAcquire), "saves that started after the acquire");
            assertEquals(threads * refusalsEach, refusals.get());
            assertEquals(
                    valueAtTakeover, newLeader.getState("cursor"), "an old-epoch save committed after the acquire");
            newLeader.setState("cursor", "new leader", "partition", taken);
            assertEquals("new leader", oldLeader.get(1).getState("cursor"));
        } finally {
            abort.set(true);
            pool.shutdownNow();
        }
    }

    /** Rows in this test's table. */
    int rows() {
        try (Connection c = newNodeDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table())) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs every task on a thread of its own and fails with the first task's failure. */
    static void runAll(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(task));
            }
            Set<Throwable> failures = new HashSet<>();
            for (Future<Void> future : futures) {
                try {
                    future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError(failures.size() + " task(s) failed");
                failures.forEach(error::addSuppressed);
                throw error;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
