package dev.cameltiledb.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.ArraySnapshot;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/activity-to-kafka.yaml, loaded by camel-main with the examples' application.properties as users run it,
 * between the TileDB emulator (an organization of twenty arrays whose activity interleaves) and a real Kafka broker
 * ({@link KafkaBroker}). A consumer group of two plain Kafka consumers reads the topic's three partitions: every event
 * arrives once, keyed by its array's URI, each array's events on one partition in the order they happened, and both
 * members get a share. Half-way the pipeline is stopped and started again: it resumes from its saved cursor.
 */
@Tag("server")
class ActivityToKafkaTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final String NS = "fanout-org";
    private static final String TOPIC = "tiledb-activity";
    private static final int PARTITIONS = 3;
    private static final int ARRAYS = 20;
    private static final int FIRST_RUN_EVENTS = 240;
    private static final int SECOND_RUN_EVENTS = 60;
    private static final List<String> ACTIONS =
            List.of("query_read", "query_write", "array_metadata_update", "query_read", "query_delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TileDBEmulator emulator;
    /** The event order of the whole test: which array each event goes to, shuffled so that the arrays interleave. */
    private final List<String> order = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        TileDBEmulator.Builder builder = TileDBEmulator.builder()
                .user("demo", ExamplesApplication.DEMO_TOKEN)
                .organization(NS, Map.of("demo", "owner"))
                .recordExchanges();
        for (int i = 0; i < ARRAYS; i++) {
            builder.seed(new Seed(
                    null, null, List.of(new Seed.SeedArray(NS, array(i), null, null, null, null, null, null))));
        }
        emulator = builder.build().start();
        Random random = new Random(42);
        for (int i = 0; i < FIRST_RUN_EVENTS + SECOND_RUN_EVENTS; i++) {
            order.add(array(random.nextInt(ARRAYS)));
        }
    }

    @AfterEach
    void stopEmulator() {
        emulator.stop();
    }

    private static String array(int i) {
        return String.format("sensor-%02d", i);
    }

    /** How the pipeline is loaded: the YAML file, as users run it. */
    void loadRoutes(Main main) {
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:../routes/activity-to-kafka.yaml");
    }

    @Test
    void everyEventReachesKafkaOnceKeyedByItsArrayInOrderAndTheGroupSharesThePartitions() throws Exception {
        KAFKA.createTopic(TOPIC, PARTITIONS);
        try (GroupMember first = new GroupMember("member-1");
                GroupMember second = new GroupMember("member-2")) {
            // the group has split the partitions before anything is published, so both members take part
            Await.until(
                    () -> !first.assignment.isEmpty()
                            && !second.assignment.isEmpty()
                            && first.assignment.size() + second.assignment.size() == PARTITIONS
                            && Collections.disjoint(first.assignment, second.assignment),
                    "the two consumers to share the " + PARTITIONS + " partitions");

            Instant base = Instant.now().minus(Duration.ofHours(2));
            write(base, 0, FIRST_RUN_EVENTS);
            Set<String> firstEvents = emulatorEventIds();
            Main pipeline = startPipeline();
            try {
                Await.until(() -> receivedIds(first, second).containsAll(firstEvents), "the first run's events");
                // one more poll of the consumer: the batch that published the last event has saved its cursor
                Await.requests(
                        emulator, x -> x.rawPath().equals("/v1/arrays/browser/owned"), 1, "the pipeline's next poll");
            } finally {
                pipeline.stop();
            }

            // more activity while the pipeline is down; the restarted one resumes from its saved cursor
            write(base, FIRST_RUN_EVENTS, FIRST_RUN_EVENTS + SECOND_RUN_EVENTS);
            Set<String> expected = emulatorEventIds();
            pipeline = startPipeline();
            try {
                Await.until(() -> receivedIds(first, second).containsAll(expected), "every event in Kafka");
            } finally {
                pipeline.stop();
            }
            assertEquals(FIRST_RUN_EVENTS + SECOND_RUN_EVENTS, expected.size());

            List<Received> received = new ArrayList<>(first.received);
            received.addAll(second.received);
            // no loss, and nothing published twice, the restart included: the topic holds each event once
            assertEquals(expected, receivedIds(first, second));
            assertEquals(expected.size(), received.size(), "records read");
            assertEquals(expected.size(), KAFKA.records(TOPIC), "records in the topic");

            Map<String, String> arrayOfEvent = new HashMap<>();
            for (ArraySnapshot a : emulator.arrays()) {
                a.activityIds().forEach(id -> arrayOfEvent.put(id, "tiledb://" + NS + "/" + a.name()));
            }
            for (Received r : received) {
                assertEquals(arrayOfEvent.get(r.eventId()), r.key(), "the key of " + r.eventId() + ": its array's URI");
                assertEquals(r.eventId(), r.value().path("id").asText(), "the value is the event");
                assertEquals(r.action(), r.value().path("action").asText(), "the action header");
            }

            // each array's events on one partition, in the order the emulator logged them (their times' order)
            Map<String, List<Received>> byKey = received.stream()
                    .collect(Collectors.groupingBy(Received::key, LinkedHashMap::new, Collectors.toList()));
            assertEquals(ARRAYS, byKey.size(), "one key per array");
            for (Map.Entry<String, List<Received>> e : byKey.entrySet()) {
                Set<Integer> partitions =
                        e.getValue().stream().map(Received::partition).collect(Collectors.toSet());
                assertEquals(1, partitions.size(), e.getKey() + " on one partition: " + partitions);
                List<Received> inOrder = e.getValue().stream()
                        .sorted(Comparator.comparingLong(Received::offset))
                        .toList();
                String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                assertEquals(
                        emulator.array(NS, name).orElseThrow().activityIds(),
                        inOrder.stream().map(Received::eventId).toList(),
                        e.getKey() + " in the emulator's order");
                List<Instant> times = inOrder.stream()
                        .map(r -> Instant.parse(r.value().path("event_at").asText()))
                        .toList();
                assertEquals(times.stream().sorted().toList(), times, e.getKey() + " oldest first");
            }

            // the group really split the work: each member read records, from its own partitions only
            for (GroupMember member : List.of(first, second)) {
                assertFalse(member.received.isEmpty(), member.name + " got records");
                Set<Integer> read =
                        member.received.stream().map(Received::partition).collect(Collectors.toSet());
                assertTrue(
                        member.assignment.stream()
                                .map(TopicPartition::partition)
                                .collect(Collectors.toSet())
                                .containsAll(read),
                        member.name + " read only its partitions " + member.assignment + ": " + read);
            }
        }
    }

    /** Logs events {@code from} to {@code to} of the order, each a second after the one before. */
    private void write(Instant base, int from, int to) {
        for (int i = from; i < to; i++) {
            emulator.addActivity(NS, order.get(i), base.plusSeconds(i), ACTIONS.get(i % ACTIONS.size()), "demo");
        }
    }

    private Main startPipeline() throws Exception {
        Main main = ExamplesApplication.newMain(emulator.url(), ExamplesApplication.DEMO_TOKEN);
        ExamplesApplication.useKafka(main, KAFKA.bootstrapServers());
        Map.of(
                        "camel.main.duration-max-seconds",
                        "0",
                        "pipelines.dir",
                        dir.toString(),
                        "catalog.jdbc-url",
                        "jdbc:h2:file:" + dir.resolve("catalog"),
                        "tiledb.namespace",
                        NS,
                        "kafka.topic",
                        TOPIC,
                        "kafka.start-from",
                        "beginning")
                .forEach(main::addOverrideProperty);
        loadRoutes(main);
        main.start();
        return main;
    }

    private Set<String> emulatorEventIds() {
        return emulator.arrays().stream()
                .filter(a -> a.namespace().equals(NS))
                .flatMap(a -> a.activityIds().stream())
                .collect(Collectors.toSet());
    }

    private static Set<String> receivedIds(GroupMember... members) {
        Set<String> ids = new HashSet<>();
        for (GroupMember m : members) {
            m.received.forEach(r -> ids.add(r.eventId()));
        }
        return ids;
    }

    /** One record as a member read it. */
    record Received(String member, int partition, long offset, String key, String eventId, String action, String text) {

        JsonNode value() {
            try {
                return JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new AssertionError("the value of " + eventId + " is not JSON: " + text, e);
            }
        }
    }

    /**
     * A plain Kafka consumer of the group, polling on a thread of its own (a KafkaConsumer is not thread-safe) and
     * keeping what it was assigned and what it read.
     */
    private static final class GroupMember implements AutoCloseable {

        final String name;
        final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
        final List<Received> received = new CopyOnWriteArrayList<>();
        private final KafkaConsumer<String, String> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        GroupMember(String name) {
            this.name = name;
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "activity-readers");
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                    assignment.removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    assignment.addAll(partitions);
                }
            });
            thread = new Thread(this::poll, "kafka-" + name);
            thread.start();
        }

        private void poll() {
            try {
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        received.add(new Received(
                                name,
                                r.partition(),
                                r.offset(),
                                r.key(),
                                header(r, "tiledb-event-id"),
                                header(r, "tiledb-event-action"),
                                r.value()));
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }

        private static String header(ConsumerRecord<String, String> r, String name) {
            Header h = r.headers().lastHeader(name);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(Duration.ofMinutes(1).toMillis());
        }
    }
}
