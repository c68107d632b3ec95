package dev.cameltiledb.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.AssetRef;
import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.cells.CellRead;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/kafka-to-array.yaml, loaded by camel-main with the examples' application.properties, between a real Kafka
 * broker ({@link KafkaBroker}) and the TileDB emulator: a thousand records, each a cell as JSON, land in the array in
 * batches (one fragment per poll of the topic, at most kafka.cells-batch-size records each); stopped and started
 * again, the pipeline writes only the records published meanwhile, its offsets having been committed after each write.
 */
@Tag("server")
class KafkaToArrayTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final String NS = "kafka-cells-org";
    private static final String TOPIC = "tiledb-cells";
    private static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TileDBEmulator emulator;

    @BeforeEach
    void startEmulator() throws Exception {
        Map<String, Object> seedCells =
                Map.of("id", List.of(0), "station", List.of("seed"), "temperature", List.of(1.0));
        emulator = TileDBEmulator.builder()
                .user("demo", ExamplesApplication.DEMO_TOKEN)
                .organization(NS, Map.of("demo", "owner"))
                .recordExchanges()
                .seed(new Seed(
                        null,
                        null,
                        List.of(new Seed.SeedArray(NS, "readings", null, null, null, null, null, null)
                                .withCells(readingsSchema(), JSON.valueToTree(seedCells), 1_000L))))
                .build()
                .start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.stop();
    }

    /** How the pipeline is loaded: the YAML file, as users run it. */
    void loadRoutes(Main main) {
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:../routes/kafka-to-array.yaml");
    }

    @Test
    void recordsLandInTheArrayInBatchesAndARestartWritesOnlyWhatCameMeanwhile() throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        try (Admin admin = KAFKA.admin()) {
            run(admin);
        }
    }

    private void run(Admin admin) throws Exception {
        publish(1, 1000);
        Main pipeline = startPipeline();
        try {
            // offsets are committed once a batch is written: when all are, every record was written
            Await.until(() -> committed(admin) == 1000, "the thousand records written and committed");
        } finally {
            pipeline.stop();
        }
        assertEquals(1001, cells().size(), "the thousand records as cells, and the seed's");
        long firstRun = Await.count(emulator, writes());
        List<Long> fragments = fragments();
        assertEquals(firstRun + 1, fragments.size(), "one fragment per write, and the seed's");
        assertTrue(
                firstRun >= 1000 / BATCH && firstRun < 1000,
                "batches of at most " + BATCH + " records: " + firstRun + " writes for 1000");

        publish(1001, 1200); // while the pipeline is down
        pipeline = startPipeline();
        try {
            Await.until(() -> committed(admin) == 1200, "the 200 records published while it was down");
        } finally {
            pipeline.stop();
        }
        long secondRun = Await.count(emulator, writes()) - firstRun;
        System.out.printf(
                "Kafka to array: %d writes for the first 1000 records, %d for the 200 after the restart%n",
                firstRun, secondRun);
        assertTrue(
                secondRun < 1000 / BATCH,
                "the restart read only the new records (" + secondRun + " writes), not the committed thousand again");
        Map<Long, String> cells = cells();
        for (long i = 1; i <= 1200; i++) {
            assertEquals("s" + (i % 4) + "|" + i * 0.25, cells.get(i), "cell " + i);
        }
    }

    private void publish(long from, long to) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (long i = from; i <= to; i++) {
                String value =
                        JSON.writeValueAsString(Map.of("id", i, "station", "s" + (i % 4), "temperature", i * 0.25));
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(i), value));
            }
            producer.flush();
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
                        "kafka.cells-topic",
                        TOPIC,
                        "kafka.cells-batch-size",
                        Integer.toString(BATCH))
                .forEach(main::addOverrideProperty);
        loadRoutes(main);
        main.start();
        return main;
    }

    /** The records the pipeline's consumer group committed, over the topic's partitions. */
    private static long committed(Admin admin) {
        try {
            return admin
                    .listConsumerGroupOffsets("camel-tiledb-cells")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .entrySet()
                    .stream()
                    .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private Predicate<RecordedExchange> writes() {
        return x -> x.rawPath().equals("/v2/arrays/" + NS + "/readings/query/submit")
                && List.of("WRITE").equals(x.query().get("type"));
    }

    private List<Long> fragments() {
        try (TileDBClient client = client()) {
            return client.arrays()
                    .versions(new AssetRef(NS, "readings"), 1, 10_000)
                    .items();
        }
    }

    /** The array's cells: id -> "station|temperature". */
    private Map<Long, String> cells() {
        Map<Long, String> cells = new TreeMap<>();
        try (TileDBClient client = client()) {
            var schema = client.cells().schema(NS, "readings");
            try (var pages = client.cells().read(NS, "readings", schema, CellRead.all())) {
                while (pages.hasNext()) {
                    pages.next()
                            .rows()
                            .forEach(r -> cells.put((Long) r.get("id"), r.get("station") + "|" + r.get("temperature")));
                }
            }
        }
        return cells;
    }

    private TileDBClient client() {
        return new TileDBClient(ClientSettings.of(emulator.url(), ExamplesApplication.DEMO_TOKEN));
    }

    private static com.fasterxml.jackson.databind.JsonNode readingsSchema() throws Exception {
        try (var in = ExamplesApplication.class.getResourceAsStream("/demo-seed.json")) {
            for (var array : JSON.readTree(in).path("arrays")) {
                if (array.path("name").asText().equals("readings")) {
                    return array.path("schema");
                }
            }
        }
        throw new IllegalStateException("the demo seed has no readings array");
    }
}
