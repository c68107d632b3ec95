package dev.cameltiledb.examples;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import dev.cameltiledb.component.TileDBComponent;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spring Boot application runs the YAML pipelines on the embedded emulators: catalog-sync fills its table, the
 * starter has put the application.properties' host and key (and this test's perPage) on the component, Camel's
 * health checks (the routes', the tiledb producers') are registered and /actuator/health sums them up, and the demo key
 * is in no log line.
 */
@SpringBootTest(
        classes = SpringBootExamplesApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "TILEDB_REST_TOKEN=",
            "ARRAYLAKE_TOKEN=",
            "camel.main.routes-include-pattern=file:../routes/catalog-sync.yaml",
            "camel.main.duration-max-seconds=0",
            "catalog.cron=0/1 * * * * ?",
            "catalog.jdbc-url=jdbc:h2:mem:spring-boot-catalog;DB_CLOSE_DELAY=-1",
            "pipelines.dir=target/pipelines",
            "camel.component.tiledb.per-page=25"
        })
@Tag("server")
class SpringBootPipelinesTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(ExamplesApplication.DEMO_TOKEN);

    @Autowired
    CamelContext camel;

    @Autowired
    DataSource catalogDataSource;

    @Autowired
    SpringBootExamplesApplication.DemoServices services;

    @Autowired
    TestRestTemplate http;

    @Test
    void catalogSyncFillsItsTableFromTheEmulator() throws Exception {
        long arrays = services.tiledb.arrays().stream()
                .filter(a -> a.namespace().equals("demo-org"))
                .count();
        // the sync upserts row by row as the listing streams in: wait for the whole listing, not its first row
        List<String> names = awaitCatalog(Duration.ofSeconds(20), arrays);
        assertTrue(names.contains("sales"), () -> "catalog: " + names);
        assertEquals(arrays, names.size(), () -> "catalog: " + names);
    }

    @Test
    void theStarterConfiguredTheComponent() {
        TileDBComponent tiledb = camel.getComponent("tiledb", TileDBComponent.class);
        assertEquals(
                services.tiledb.url(), tiledb.getConfiguration().getConnection().getHost());
        assertEquals(
                ExamplesApplication.DEMO_TOKEN,
                tiledb.getConfiguration().getConnection().getApiKey());
        assertEquals(25, tiledb.getConfiguration().getListing().getPerPage());
    }

    @Test
    void actuatorHealthShowsCamelsChecks() throws Exception {
        awaitCatalog(Duration.ofSeconds(20), 1);
        String health = http.getForObject("/actuator/health", String.class);
        assertTrue(health.contains("\"camelHealth\""), health);
        assertTrue(health.startsWith("{\"status\":\"UP\""), health);
        // the endpoint lists a check only when it fails (exposure-level oneline); the route's and the producer's are
        // there, and UP
        Map<String, HealthCheck.State> states = new TreeMap<>();
        HealthCheckRegistry.get(camel).stream()
                .filter(HealthCheck.class::isInstance)
                .map(HealthCheck.class::cast)
                .forEach(check -> states.put(check.getId(), check.call().getState()));
        assertEquals(HealthCheck.State.UP, states.get("route:catalog-sync"), states.toString());
        assertTrue(
                states.entrySet().stream()
                        .anyMatch(e -> e.getKey().startsWith("producer:tiledb:arrays")
                                && e.getValue() == HealthCheck.State.UP),
                states.toString());
    }

    /** The catalog's names once it holds at least {@code rows} rows, or whatever it holds at the deadline. */
    private List<String> awaitCatalog(Duration timeout, long rows) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = catalogDataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM catalog ORDER BY name")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                if (names.size() >= rows || System.nanoTime() > deadline) {
                    return names;
                }
            } catch (SQLException notYetCreated) {
                if (System.nanoTime() > deadline) {
                    throw notYetCreated;
                }
            }
            Thread.sleep(200);
        }
    }
}
