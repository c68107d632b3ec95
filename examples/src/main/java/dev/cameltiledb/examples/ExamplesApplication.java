package dev.cameltiledb.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipelines of {@code routes/} on camel-main. Without {@code TILEDB_REST_TOKEN} it starts the embedded
 * TileDB Cloud emulator, seeded with a demo organization (arrays, notebooks, a group, some activity) and drops a
 * notebook into the inbox; {@code TILEDB_EXAMPLES_SERVER=workspace} makes it a workspace-platform emulator with the
 * same demo data in the teamspace {@code demo/analytics}. With a token the same routes run against TileDB Cloud
 * ({@code TILEDB_REST_HOST}, default https://api.tiledb.com). Nothing in the routes changes.
 *
 * <p>The pipelines that span both services also need Arraylake: without {@code ARRAYLAKE_TOKEN} the embedded
 * Arraylake emulator starts with a demo org ({@code demo-org}: four repositories on two bucket configs); with it,
 * they run against {@code ARRAYLAKE_SERVICE__URI} (default https://api.earthmover.io).
 *
 * <p>The data-plane pipelines (SQL, UDFs, tasks, cells) are classic TileDB Cloud's; a CSV of station readings is
 * dropped into the CSV folder, written into {@code readings}, and followed from there into the catalog database.
 *
 * <p>The Kafka pipelines ({@code routes/activity-to-kafka.yaml}, {@code routes/kafka-to-array.yaml}) need a broker,
 * which the demo does not start: they are loaded only when {@code KAFKA_BROKERS} names one ({@link #useKafka}).
 *
 * <p>The embedded emulators serve their page and Camel its developer consoles; where they are is printed at start
 * ({@link SeeInside}).
 */
public final class ExamplesApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExamplesApplication.class);
    static final String DEMO_TOKEN = "demo-token";
    /** The demo org's service-account token (demo-arraylake-seed.json): a made-up value, valid only on the emulator. */
    static final String ARRAYLAKE_DEMO_TOKEN = "ema_demo0pipelines0token000000000000";
    /**
     * The route ids of the Kafka pipelines (the fan-out and the writes into an array, YAML and Java twins), left out
     * unless {@link #useKafka}.
     */
    static final String KAFKA_ROUTES = "activity-to-kafka,java-activity-to-kafka,kafka-to-array,java-kafka-to-array";

    /**
     * The route ids of the data-plane pipelines (SQL, UDFs, tasks), YAML and Java: classic TileDB Cloud's calls,
     * left out where the namespace is a teamspace ({@link #leaveOutTheDataPlane}).
     */
    static final String DATA_PLANE_ROUTES = "sales-by-region,udf-setup,udf-on-write,failed-task-alerts,csv-to-array,"
            + "cells-to-catalog,java-sales-by-region,java-udf-setup,java-udf-on-write,java-failed-task-alerts,"
            + "java-csv-to-array,java-cells-to-catalog";

    /** The two demo services: the same users, arrays and notebooks, in a classic namespace or in a teamspace. */
    enum DemoServer {
        CLASSIC("demo-org", "/demo-seed.json"),
        WORKSPACE("demo/analytics", "/demo-workspace-seed.json");

        /** Where the demo data lives: what the pipelines' {@code tiledb.namespace} is set to. */
        final String namespace;

        private final String seed;

        DemoServer(String namespace, String seed) {
            this.namespace = namespace;
            this.seed = seed;
        }

        /** {@code TILEDB_EXAMPLES_SERVER}: {@code classic} (the default) or {@code workspace}. */
        static DemoServer of(String name) {
            if (name == null || name.isBlank() || name.equalsIgnoreCase("classic")) {
                return CLASSIC;
            }
            if (name.equalsIgnoreCase("workspace")) {
                return WORKSPACE;
            }
            throw new IllegalArgumentException(
                    "TILEDB_EXAMPLES_SERVER must be classic or workspace, was '" + name + "'");
        }
    }

    private ExamplesApplication() {}

    public static void main(String[] args) throws Exception {
        SeeInside seeInside = SeeInside.of(System.getenv());
        String token = System.getenv("TILEDB_REST_TOKEN");
        TileDBEmulator emulator = null;
        Main main;
        if (token == null || token.isBlank()) {
            DemoServer server = DemoServer.of(System.getenv("TILEDB_EXAMPLES_SERVER"));
            emulator = startDemoEmulator(server, false, seeInside::onTileDB);
            LOG.info(
                    "No TILEDB_REST_TOKEN set: using the embedded TileDB Cloud emulator ({} platform) at {} (demo"
                            + " namespace '{}')",
                    server.name().toLowerCase(java.util.Locale.ROOT),
                    emulator.url(),
                    server.namespace);
            seeInside.announce(emulator);
            main = newMain(emulator.url(), DEMO_TOKEN);
            main.addOverrideProperty("tiledb.namespace", server.namespace);
            if (server == DemoServer.WORKSPACE) {
                leaveOutTheDataPlane(main);
            }
            Path dir = Path.of(System.getenv().getOrDefault("TILEDB_EXAMPLES_DIR", "target/pipelines"));
            // the demo service is new on every run, so what the pipelines remembered of the last one does not apply
            Files.deleteIfExists(dir.resolve("audit-state.dat"));
            Files.deleteIfExists(dir.resolve("backup-state.dat"));
            Files.deleteIfExists(dir.resolve("kafka-state.dat"));
            Files.deleteIfExists(dir.resolve("udf-state.dat"));
            Files.deleteIfExists(dir.resolve("alerts-state.dat"));
            Files.deleteIfExists(dir.resolve("cells-state.dat"));
            dropDemoNotebook(dir.resolve("inbox"));
            dropDemoCsv(dir.resolve("csv-inbox"));
        } else {
            String host = System.getenv().getOrDefault("TILEDB_REST_HOST", "https://api.tiledb.com");
            LOG.info("Running against TileDB Cloud at {}", host);
            main = newMain(host, token);
            if (System.getenv().getOrDefault("TILEDB_NAMESPACE", "").contains("/")) {
                leaveOutTheDataPlane(main);
            }
        }
        ArraylakeEmulator arraylake = null;
        String arraylakeToken = System.getenv("ARRAYLAKE_TOKEN");
        if (arraylakeToken == null || arraylakeToken.isBlank()) {
            arraylake = startArraylakeDemo(false, seeInside::onArraylake);
            LOG.info(
                    "No ARRAYLAKE_TOKEN set: using the embedded Arraylake emulator at {} (demo org 'demo-org')",
                    arraylake.url());
            seeInside.announce(arraylake);
            useArraylake(main, arraylake.url(), ARRAYLAKE_DEMO_TOKEN);
        } else {
            String uri = System.getenv().getOrDefault("ARRAYLAKE_SERVICE__URI", "https://api.earthmover.io");
            LOG.info("Running the Arraylake pipelines against {}", uri);
            useArraylake(main, uri, arraylakeToken);
        }
        if ("java".equalsIgnoreCase(System.getenv("TILEDB_EXAMPLES_DSL"))) {
            useJavaRoutes(main);
        }
        String kafkaBrokers = System.getenv("KAFKA_BROKERS");
        if (kafkaBrokers == null || kafkaBrokers.isBlank()) {
            LOG.info(
                    "No KAFKA_BROKERS set: the Kafka pipelines (routes/activity-to-kafka.yaml, routes/kafka-to-array.yaml)"
                            + " are left out");
        } else {
            LOG.info("Publishing the activity to Kafka at {}", kafkaBrokers);
            useKafka(main, kafkaBrokers);
        }
        main.addMainListener(SeeInside.consoleAnnouncer());
        try {
            main.run(args);
        } finally {
            if (emulator != null) {
                emulator.stop();
            }
            if (arraylake != null) {
                arraylake.stop();
            }
        }
    }

    /** Where the Arraylake pipelines go, and with which token (on the component, never in a route URI). */
    static void useArraylake(Main main, String serviceUri, String token) {
        main.addInitialProperty("arraylake.service-uri", serviceUri);
        main.addInitialProperty("arraylake.token", token);
    }

    /**
     * The Arraylake demo org of demo-arraylake-seed.json, recording every exchange when {@code record} (tests check
     * them against our description of the API).
     */
    static ArraylakeEmulator startArraylakeDemo(boolean record) throws IOException {
        return startArraylakeDemo(record, UnaryOperator.identity());
    }

    /** The same, with more of the builder's options (the page of {@link SeeInside}). */
    static ArraylakeEmulator startArraylakeDemo(boolean record, UnaryOperator<ArraylakeEmulator.Builder> options)
            throws IOException {
        try (InputStream in = ExamplesApplication.class.getResourceAsStream("/demo-arraylake-seed.json")) {
            ArraylakeEmulator.Builder builder = options.apply(ArraylakeEmulator.builder()
                    .seed(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            return (record ? builder.recordExchanges() : builder).build().start();
        }
    }

    /**
     * A camel-main that loads the pipelines and their application.properties, talking to {@code host}; all but the
     * Kafka fan-out, which {@link #useKafka} adds.
     */
    static Main newMain(String host, String token) {
        // no classpath scanning: PipelineRoutes runs only when asked for (useJavaRoutes)
        Main main = new Main();
        main.addInitialProperty("tiledb.host", host);
        main.addInitialProperty("tiledb.token", token);
        // the route file is read with the others, but without a broker its route is never made, so nothing connects
        main.configure().setRouteFilterExcludePattern(KAFKA_ROUTES);
        return main;
    }

    /** Runs the Kafka fan-out too (its YAML file, or its Java twin), publishing to {@code brokers} (host:port,...). */
    static void useKafka(Main main, String brokers) {
        String left = main.configure().getRouteFilterExcludePattern().replace(KAFKA_ROUTES, "");
        main.configure().setRouteFilterExcludePattern(left.isEmpty() ? null : left);
        main.addOverrideProperty("kafka.brokers", brokers);
    }

    /**
     * Leaves out the data-plane pipelines: SQL, UDFs and tasks are classic TileDB Cloud's calls, which the client
     * refuses for a teamspace (workspace/teamspace) rather than send them to a workspace server.
     */
    static void leaveOutTheDataPlane(Main main) {
        String excluded = main.configure().getRouteFilterExcludePattern();
        main.configure()
                .setRouteFilterExcludePattern(
                        excluded == null || excluded.isEmpty()
                                ? DATA_PLANE_ROUTES
                                : excluded + "," + DATA_PLANE_ROUTES);
        LOG.info("The namespace is a teamspace: the data-plane pipelines (SQL, UDFs, tasks) are left out");
    }

    /** Runs the Java DSL twins of the pipelines instead of the YAML files. */
    static void useJavaRoutes(Main main) {
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:no-yaml-routes/*.yaml");
        main.configure().addRoutesBuilder(new PipelineRoutes());
    }

    /**
     * The demo data of the server's seed, all of it (users, the organization and its storage settings, arrays,
     * notebooks, a group, and a little activity history to audit, an hour old); recording every request when
     * {@code record} (tests count them; a long demo run should not).
     */
    static TileDBEmulator startDemoEmulator(DemoServer server, boolean record) throws IOException {
        return startDemoEmulator(server, record, UnaryOperator.identity());
    }

    /** The same, with more of the builder's options (the page of {@link SeeInside}). */
    static TileDBEmulator startDemoEmulator(
            DemoServer server, boolean record, UnaryOperator<TileDBEmulator.Builder> options) throws IOException {
        try (InputStream in = ExamplesApplication.class.getResourceAsStream(server.seed)) {
            Seed seed = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(in, Seed.class);
            TileDBEmulator.Builder builder =
                    options.apply(TileDBEmulator.builder().seed(seed));
            if (server == DemoServer.WORKSPACE) {
                builder.workspaceServer();
            }
            return (record ? builder.recordExchanges() : builder).build().start();
        }
    }

    /** A CSV of station readings for the CSV drop folder (routes/csv-to-array.yaml). */
    static void dropDemoCsv(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (InputStream in = ExamplesApplication.class.getResourceAsStream("/demo-csv/readings-demo.csv")) {
            // written under another name and moved, so the file consumer never reads it half written
            Path part = folder.resolve("readings-demo.csv.part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, folder.resolve("readings-demo.csv"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void dropDemoNotebook(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (InputStream in = ExamplesApplication.class.getResourceAsStream("/demo-inbox/welcome.ipynb")) {
            Files.copy(in, inbox.resolve("welcome.ipynb"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
