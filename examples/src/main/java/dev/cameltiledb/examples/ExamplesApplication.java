package dev.cameltiledb.examples;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipelines of {@code routes/} on camel-main. Without {@code TILEDB_REST_TOKEN} it starts the embedded
 * TileDB Cloud emulator, seeded with a demo organization, and points the routes at it; with a token the same routes
 * run against TileDB Cloud ({@code TILEDB_REST_HOST}, default https://api.tiledb.com). Nothing in the routes changes.
 */
public final class ExamplesApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExamplesApplication.class);
    static final String DEMO_TOKEN = "demo-token";

    private ExamplesApplication() {
    }

    public static void main(String[] args) throws Exception {
        String token = System.getenv("TILEDB_REST_TOKEN");
        TileDBEmulator emulator = null;
        Main main = new Main(ExamplesApplication.class);
        if (token == null || token.isBlank()) {
            emulator = startDemoEmulator();
            LOG.info("No TILEDB_REST_TOKEN set: using the embedded TileDB Cloud emulator at {} (demo organization 'demo-org')",
                    emulator.url());
            main.addInitialProperty("tiledb.host", emulator.url());
            main.addInitialProperty("tiledb.token", DEMO_TOKEN);
        } else {
            String host = System.getenv().getOrDefault("TILEDB_REST_HOST", "https://api.tiledb.com");
            LOG.info("Running against TileDB Cloud at {}", host);
            main.addInitialProperty("tiledb.host", host);
            main.addInitialProperty("tiledb.token", token);
        }
        try {
            main.run(args);
        } finally {
            if (emulator != null) {
                emulator.stop();
            }
        }
    }

    static TileDBEmulator startDemoEmulator() throws IOException {
        try (InputStream in = ExamplesApplication.class.getResourceAsStream("/demo-seed.json")) {
            Seed seed = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Seed.class);
            return TileDBEmulator.builder().seed(seed).build().start();
        }
    }
}
