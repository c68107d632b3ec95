package dev.cameltiledb.component.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.component.SuiteEmulator;
import dev.cameltiledb.component.TileDBComponent;
import dev.cameltiledb.component.cluster.AssetPartitions;
import dev.cameltiledb.component.cluster.PartitionBalancer;
import dev.cameltiledb.component.state.JdbcStateRepository;
import dev.cameltiledb.component.state.StateStoreException;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A node gives a partition to another (the balancer found it leading more than its share) while what its consumer
 * delivered is not saved yet. The other node takes the partition over the moment this one leaves it, the soonest a
 * cluster allows: a new fence epoch, then the cursor read. It must find every completed exchange in that cursor, or it
 * delivers those events a second time.
 * <p>
 * The interleaving is fixed by the test, not left to timing: the cursor store holds or refuses the save until the test
 * says, the test runs the balancing rounds itself, and the other node is the test's own cluster member, which takes
 * the partition over inside the leave.
 */
class PartitionHandOverTest {

    private static final String GIVEN = "activity-p1";
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    /** Each test's own: the emulator is the suite's. */
    private final String namespace = "act-handover-" + NAMESPACES.incrementAndGet();

    private final List<ArrayActivityLog> delivered = new CopyOnWriteArrayList<>();
    private CursorStore cursors;
    private TwoNodeCluster cluster;
    private CamelContext camel;
    private PartitionBalancer balancer;
    private String eventId;

    @BeforeEach
    void oneEventInTheGivenPartition() {
        SuiteEmulator.namespace(namespace, 8);
        String array = IntStream.range(0, 8)
                .mapToObj(i -> "a" + i)
                .filter(a -> AssetPartitions.partitionOf(uri(a), 2) == 1)
                .findFirst()
                .orElseThrow();
        eventId =
                SuiteEmulator.get().addActivity(namespace, array, Instant.now().minusSeconds(5), "query_read", "alice");
        cursors = new CursorStore(eventId);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:handover-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        cursors.setDataSource(h2);
        cursors.start();
        cluster = new TwoNodeCluster(cursors, "tiledb:activity:" + namespace + ":*", uri(array));
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        cursors.stop();
    }

    /** node-a runs both partitions of the namespace; the test runs its balancing rounds. */
    private void startNodeA() throws Exception {
        camel = new DefaultCamelContext();
        camel.addService(cluster);
        camel.getRegistry().bind("cursors", cursors);
        TileDBComponent tiledb = camel.getComponent("tiledb", TileDBComponent.class);
        tiledb.setPartitionBalanceInterval(0);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int p = 0; p < 2; p++) {
                    from("master:activity-p" + p + ":"
                                    + SuiteEmulator.uri(
                                            "activity",
                                            "namespace=" + namespace + "&startFrom=beginning&delay=50&partitions=2"
                                                    + "&partition=" + p + "&stateRepository=#cursors"))
                            .process(e -> delivered.add(e.getMessage().getBody(ArrayActivityLog.class)));
                }
            }
        });
        camel.start();
        balancer = new PartitionBalancer(tiledb, 200);
    }

    private ArrayActivityLog deliveredEvent() {
        return delivered.stream()
                .filter(e -> e.id().equals(eventId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPartitionLeftWhileACursorSaveIsUnderWayReachesTheNextLeaderWithThatSave() throws Exception {
        cursors.hold = true;
        startNodeA();
        Await.until(() -> cursors.held.getCount() == 0, "node-a's save of the cursor past " + eventId);
        ArrayActivityLog event = deliveredEvent();

        // node-a leads both partitions, its share of two members is one: it gives activity-p1 away
        balancer.balance();
        cursors.resume.countDown();
        Await.until(() -> cursors.heldSaveEnded.getCount() == 0, "the held save to land or be refused");
        Await.until(
                () -> {
                    balancer.balance();
                    return cluster.seenByNextLeader != null;
                },
                "node-a to leave " + GIVEN);

        assertEquals(2, cluster.nextLeaderEpoch, "node-b took " + GIVEN + " over under a new fence epoch");
        assertFalse(
                cluster.seenByNextLeader.isDue(event),
                "node-b finds " + eventId + " in the cursor, so it does not deliver it again");
        assertEquals(1, delivered.stream().filter(e -> e.id().equals(eventId)).count());
    }

    @Test
    void aPartitionWhoseDeliveriesCannotBeSavedStaysUntilTheyAre() throws Exception {
        cursors.refuse = true;
        startNodeA();
        Await.until(() -> cursors.refused.get() > 0, "node-a's save of the cursor past " + eventId + " to fail");
        ArrayActivityLog event = deliveredEvent();

        // the test thread runs the round, so the hand-over's own save attempt fails on it
        String round = Thread.currentThread().getName();
        Await.until(
                () -> {
                    balancer.balance();
                    return cursors.refusedOn.contains(round) || cluster.seenByNextLeader != null;
                },
                "a round that tries to save node-a's deliveries before leaving " + GIVEN);
        assertNull(cluster.seenByNextLeader, "node-a keeps " + GIVEN + " while what it delivered is not saved");
        assertEquals("node-a", cluster.leaders.get(GIVEN));

        cursors.refuse = false;
        Await.until(() -> cursors.landed.get() > 0, "node-a's next poll to save the cursor past " + eventId);
        Await.until(
                () -> {
                    balancer.balance();
                    return cluster.seenByNextLeader != null;
                },
                "node-a to leave " + GIVEN + " once its cursor is saved");
        assertFalse(
                cluster.seenByNextLeader.isDue(event),
                "node-b finds " + eventId + " in the cursor, so it does not deliver it again");
        assertEquals(1, delivered.stream().filter(e -> e.id().equals(eventId)).count());
    }

    private String uri(String array) {
        return "tiledb://" + namespace + "/" + array;
    }

    /** The JDBC store, where the test decides what becomes of the fenced saves of a cursor that records the event. */
    private static final class CursorStore extends JdbcStateRepository {
        private final String eventId;
        /** The first such save waits for {@link #resume}: the exchange completed, its save not landed yet. */
        volatile boolean hold;
        /** Such saves fail as when the database is down. */
        volatile boolean refuse;

        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        final CountDownLatch heldSaveEnded = new CountDownLatch(1);
        final AtomicInteger refused = new AtomicInteger();
        final Set<String> refusedOn = ConcurrentHashMap.newKeySet();
        final AtomicInteger landed = new AtomicInteger();

        CursorStore(String eventId) {
            this.eventId = eventId;
        }

        @Override
        public void setState(String key, String value, String fenceKey, long epoch) {
            if (!value.contains(eventId)) {
                super.setState(key, value, fenceKey, epoch);
                return;
            }
            if (refuse) {
                refusedOn.add(Thread.currentThread().getName());
                refused.incrementAndGet();
                throw new StateStoreException("the test's cursor database is down", null);
            }
            boolean holding = hold && held.getCount() > 0;
            boolean interrupted = false;
            if (holding) {
                held.countDown();
                interrupted = awaitResume();
            }
            try {
                super.setState(key, value, fenceKey, epoch);
                landed.incrementAndGet();
            } finally {
                if (holding) {
                    heldSaveEnded.countDown();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * A slow save, not a failed one: stopping the consumer (which interrupts its thread) does not end it, as it
         * does not end a JDBC call under way. Whether the thread was interrupted meanwhile.
         */
        private boolean awaitResume() {
            boolean interrupted = false;
            while (true) {
                try {
                    resume.await();
                    return interrupted;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
    }

    /**
     * node-a (the Camel context) and node-b (this test) in one election per partition; node-a wins each. When node-a
     * leaves the election of {@link #GIVEN}, node-b takes that partition over at once, as its consumer would on its
     * first poll: a new fence epoch, then the cursor of the test's array read afresh.
     */
    private static final class TwoNodeCluster extends AbstractCamelClusterService<TwoNodeCluster.View> {
        private final JdbcStateRepository store;
        private final String stateKey;
        private final String stream;
        final Map<String, String> leaders = new ConcurrentHashMap<>();
        volatile long nextLeaderEpoch;
        volatile ActivityCursor seenByNextLeader;

        TwoNodeCluster(JdbcStateRepository store, String stateKey, String stream) {
            super("node-a");
            this.store = store;
            this.stateKey = stateKey;
            this.stream = stream;
        }

        @Override
        protected View createView(String namespace) {
            return new View(namespace);
        }

        private void takeOver(String namespace) {
            if (namespace.equals(GIVEN)) {
                nextLeaderEpoch = store.acquireFence(stateKey + "|partition:1/2|fence");
                ActivityCursors.ActivityStart start = new ActivityCursors.ActivityStart(
                        null, true, Instant.now().minus(Duration.ofDays(7)));
                seenByNextLeader = new ActivityCursors(store, stateKey, start, 60, null).get(stream);
            }
        }

        final class View extends AbstractCamelClusterView {
            View(String namespace) {
                super(TwoNodeCluster.this, namespace);
            }

            @Override
            protected void doStart() {
                leaders.putIfAbsent(getNamespace(), "node-a");
                fireLeadershipChangedEvent(getLeader());
            }

            @Override
            protected void doStop() {
                if (leaders.replace(getNamespace(), "node-a", "node-b")) {
                    takeOver(getNamespace());
                }
                fireLeadershipChangedEvent(getLeader());
            }

            @Override
            public Optional<CamelClusterMember> getLeader() {
                return Optional.ofNullable(leaders.get(getNamespace())).map(this::member);
            }

            @Override
            public CamelClusterMember getLocalMember() {
                return member("node-a");
            }

            @Override
            public List<CamelClusterMember> getMembers() {
                return List.of(member("node-a"), member("node-b"));
            }

            private CamelClusterMember member(String id) {
                return new CamelClusterMember() {
                    @Override
                    public boolean isLeader() {
                        return id.equals(leaders.get(getNamespace()));
                    }

                    @Override
                    public boolean isLocal() {
                        return id.equals("node-a");
                    }

                    @Override
                    public String getId() {
                        return id;
                    }
                };
            }
        }
    }
}
