package dev.cameltiledb.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipelines of {@code routes/} on camel-main. Without {@code TILEDB_REST_TOKEN} it starts the embedded
 * TileDB Cloud emulator, seeded with a demo organization (arrays, notebooks, some activity) and drops a notebook
 * into the inbox; with a token the same routes run against TileDB Cloud ({@code TILEDB_REST_HOST}, default
 * https://api.tiledb.com). Nothing in the routes changes.
 */
public final class ExamplesApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExamplesApplication.class);
    static final String DEMO_TOKEN = "demo-token";
    static final String DEMO_NAMESPACE = "demo-org";

    private ExamplesApplication() {}

    public static void main(String[] args) throws Exception {
        String token = System.getenv("TILEDB_REST_TOKEN");
        TileDBEmulator emulator = null;
        Main main;
        if (token == null || token.isBlank()) {
            emulator = startDemoEmulator();
            LOG.info(
                    "No TILEDB_REST_TOKEN set: using the embedded TileDB Cloud emulator at {} (demo organization '{}')",
                    emulator.url(),
                    DEMO_NAMESPACE);
            main = newMain(emulator.url(), DEMO_TOKEN);
            Path dir = Path.of(System.getenv().getOrDefault("TILEDB_EXAMPLES_DIR", "target/pipelines"));
            // the demo service is new on every run, so what the pipelines remembered of the last one does not apply
            Files.deleteIfExists(dir.resolve("audit-state.dat"));
            Files.deleteIfExists(dir.resolve("backup-state.dat"));
            dropDemoNotebook(dir.resolve("inbox"));
        } else {
            String host = System.getenv().getOrDefault("TILEDB_REST_HOST", "https://api.tiledb.com");
            LOG.info("Running against TileDB Cloud at {}", host);
            main = newMain(host, token);
        }
        if ("java".equalsIgnoreCase(System.getenv("TILEDB_EXAMPLES_DSL"))) {
            useJavaRoutes(main);
        }
        try {
            main.run(args);
        } finally {
            if (emulator != null) {
                emulator.stop();
            }
        }
    }

    /** A camel-main that loads the pipelines and their application.properties, talking to {@code host}. */
    static Main newMain(String host, String token) {
        // no classpath scanning: PipelineRoutes runs only when asked for (useJavaRoutes)
        Main main = new Main();
        main.addInitialProperty("tiledb.host", host);
        main.addInitialProperty("tiledb.token", token);
        return main;
    }

    /** Runs the Java DSL twins of the pipelines instead of the YAML files. */
    static void useJavaRoutes(Main main) {
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:no-yaml-routes/*.yaml");
        main.configure().addRoutesBuilder(new PipelineRoutes());
    }

    /** The demo organization of demo-seed.json, with a little activity history to audit. */
    static TileDBEmulator startDemoEmulator() throws IOException {
        return startDemoEmulator(false);
    }

    /** The same, recording every request when {@code record} (tests count them; a long demo run should not). */
    static TileDBEmulator startDemoEmulator(boolean record) throws IOException {
        try (InputStream in = ExamplesApplication.class.getResourceAsStream("/demo-seed.json")) {
            Seed seed = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(in, Seed.class);
            TileDBEmulator.Builder builder = TileDBEmulator.builder().seed(seed);
            TileDBEmulator emulator =
                    (record ? builder.recordExchanges() : builder).build().start();
            Instant hourAgo = Instant.now().minusSeconds(3600);
            emulator.addActivity(DEMO_NAMESPACE, "sales", hourAgo, "query_write", "demo");
            emulator.addActivity(DEMO_NAMESPACE, "sales", hourAgo.plusSeconds(60), "query_read", "analyst");
            emulator.addActivity(DEMO_NAMESPACE, "sensors", hourAgo.plusSeconds(120), "array_metadata_update", "demo");
            emulator.addActivity(DEMO_NAMESPACE, "payroll", hourAgo.plusSeconds(180), "query_delete", "demo");
            return emulator;
        }
    }

    static void dropDemoNotebook(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (InputStream in = ExamplesApplication.class.getResourceAsStream("/demo-inbox/welcome.ipynb")) {
            Files.copy(in, inbox.resolve("welcome.ipynb"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
