package dev.cameltiledb.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.cameltiledb.emulator.common.Await;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker for tests, inside the test JVM: Apache Kafka's own server ({@code kafka_2.13}, the version of
 * the kafka-clients that camel-kafka brings, so both share one jar) in KRaft mode, a single node that is broker and
 * controller at once ({@code process.roles=broker,controller}), listening on two free loopback ports, its storage
 * formatted in a temporary folder as {@code kafka-storage.sh format} does. No ZooKeeper, no container, no mock.
 *
 * <p>As a JUnit 5 extension, {@code @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();} starts
 * it before a class's tests and stops it, deleting its folder, after them; {@link #start()} and {@link #close()}
 * serve outside JUnit. It can be started again after a stop (new folder, new ports).
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private Path dir;
    private KafkaRaftServer server;
    private String bootstrapServers;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Formats a new folder and starts the broker; returns once it has joined its own quorum and takes clients. */
    public synchronized KafkaBroker start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started at " + bootstrapServers);
        }
        // a broker that meets a fatal error calls Exit, which would end the test JVM: make it a failure instead
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("the Kafka broker asked to exit (" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("the Kafka broker asked to halt (" + status + "): " + message);
        });
        quietKafkaLogs();
        dir = Files.createTempDirectory("kafka-broker");
        // two free ports, chosen before the start because the controller's is part of its own configuration; one
        // taken by someone else in between makes the start fail, and then it starts again on two others
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path data = dir.resolve("data-" + attempt);
            Properties config = config(freePort(), freePort(), data);
            format(config, data);
            KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            try {
                candidate.startup();
            } catch (RuntimeException e) {
                stopQuietly(candidate);
                failure = failure == null ? e : failure;
                continue;
            }
            server = candidate;
            bootstrapServers = config.getProperty("advertised.listeners").substring("PLAINTEXT://".length());
            try (Admin admin = admin()) {
                Await.until(() -> !nodes(admin).isEmpty(), "the Kafka broker to take clients");
            }
            return this;
        }
        deleteFolder();
        throw new IllegalStateException("the Kafka broker did not start", failure);
    }

    /**
     * The broker and every Kafka client log their start, configuration and stop at INFO, some thousand lines a test
     * class: only their warnings are kept (the test classpath's logback configuration has root at INFO).
     */
    private static void quietKafkaLogs() {
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private static Properties config(int brokerPort, int controllerPort, Path data) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty(
                "listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", data.toString());
        // topics are made on purpose (createTopic), with the partitions a test asks for
        p.setProperty("auto.create.topics.enable", "false");
        // one node: every internal topic has one replica, and few partitions so that a group's coordinator is soon up
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        // a consumer group forms as soon as its members join, not three seconds later
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        return p;
    }

    /** {@code kafka-storage.sh format --cluster-id <new id> --config server.properties}, in this JVM. */
    private void format(Properties config, Path data) throws IOException {
        Path file = dir.resolve(data.getFileName() + ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            config.store(out, "KafkaBroker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(
                    new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString()},
                    print);
        }
        if (status != 0) {
            throw new IllegalStateException(
                    "kafka-storage format failed (" + status + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** {@code host:port} for {@code bootstrap.servers} (camel-kafka's {@code brokers}). */
    public synchronized String bootstrapServers() {
        if (server == null) {
            throw new IllegalStateException("the Kafka broker is not started");
        }
        return bootstrapServers;
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Makes a topic of {@code partitions} partitions and waits until each has a leader the clients see. */
    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(1, TimeUnit.MINUTES);
            Await.until(() -> ledPartitions(admin, topic) == partitions, "every partition of " + topic + " to be led");
        }
    }

    /** How many records the topic holds: the sum of its partitions' end offsets. */
    public long records(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            description
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
    }

    private static List<?> nodes(Admin admin) {
        try {
            return List.copyOf(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS));
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long ledPartitions(Admin admin, String topic) {
        try {
            return admin
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .stream()
                    .filter(p -> p.leader() != null && !p.leader().isEmpty())
                    .count();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker and deletes its folder; nothing happens when it is not running. */
    @Override
    public synchronized void close() {
        if (server != null) {
            stopQuietly(server);
            server = null;
            bootstrapServers = null;
        }
        deleteFolder();
        Exit.resetExitProcedure();
        Exit.resetHaltProcedure();
    }

    private static void stopQuietly(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private void deleteFolder() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the Kafka broker's folder " + dir, e);
        }
        dir = null;
    }
}
