package dev.cameltiledb.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The pipelines of {@code routes/} on Spring Boot: the same YAML files, the same application.properties (the
 * camel-tiledb-examples artifact's), with the components configured by the starters and Camel's health checks at
 * {@code /actuator/health}. As in {@link ExamplesApplication}, whose demo services it reuses (hence this package):
 * without {@code TILEDB_REST_TOKEN} the embedded TileDB Cloud emulator runs with the demo organization, without
 * {@code ARRAYLAKE_TOKEN} the embedded Arraylake emulator with its demo org.
 *
 * <p>camel-main's {@code camel.beans.*} are not read by Camel Spring Boot: the pipelines' beans are Spring beans here.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
public class SpringBootExamplesApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SpringBootExamplesApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(SpringBootExamplesApplication.class, args);
    }

    /**
     * The services the pipelines talk to, embedded when no token names real ones; their addresses and tokens become
     * the {@code tiledb.*} and {@code arraylake.*} properties that application.properties hands to the components.
     * Static and first, so they are in the environment before Camel configures anything.
     */
    @Bean(destroyMethod = "stop")
    static DemoServices demoServices(ConfigurableEnvironment environment) throws IOException {
        // the examples' properties hold Camel expressions (${body.id} in catalog.upsert...): Spring, which Camel asks
        // for every property, must leave them to Camel rather than fail on them as unknown placeholders
        environment.setIgnoreUnresolvableNestedPlaceholders(true);
        DemoServices services = new DemoServices();
        Map<String, Object> properties = new HashMap<>();
        String token = environment.getProperty("TILEDB_REST_TOKEN");
        if (token == null || token.isBlank()) {
            services.tiledb = ExamplesApplication.startDemoEmulator(ExamplesApplication.DemoServer.CLASSIC, false);
            LOG.info("No TILEDB_REST_TOKEN set: using the embedded TileDB Cloud emulator at {}", services.tiledb.url());
            properties.put("tiledb.host", services.tiledb.url());
            properties.put("tiledb.token", ExamplesApplication.DEMO_TOKEN);
            Path dir = Path.of(environment.getProperty("TILEDB_EXAMPLES_DIR", "target/pipelines"));
            // the demo service is new on every run, so what the pipelines remembered of the last one does not apply
            for (String state :
                    new String[] {"audit-state.dat", "backup-state.dat", "kafka-state.dat", "cells-state.dat"}) {
                Files.deleteIfExists(dir.resolve(state));
            }
            ExamplesApplication.dropDemoNotebook(dir.resolve("inbox"));
            ExamplesApplication.dropDemoCsv(dir.resolve("csv-inbox"));
        } else {
            properties.put("tiledb.host", environment.getProperty("TILEDB_REST_HOST", "https://api.tiledb.com"));
            properties.put("tiledb.token", token);
        }
        String arraylakeToken = environment.getProperty("ARRAYLAKE_TOKEN");
        if (arraylakeToken == null || arraylakeToken.isBlank()) {
            services.arraylake = ExamplesApplication.startArraylakeDemo(false);
            LOG.info("No ARRAYLAKE_TOKEN set: using the embedded Arraylake emulator at {}", services.arraylake.url());
            properties.put("arraylake.service-uri", services.arraylake.url());
            properties.put("arraylake.token", ExamplesApplication.ARRAYLAKE_DEMO_TOKEN);
        } else {
            properties.put(
                    "arraylake.service-uri",
                    environment.getProperty("ARRAYLAKE_SERVICE__URI", "https://api.earthmover.io"));
            properties.put("arraylake.token", arraylakeToken);
        }
        // after the application's own properties: a test or the command line may still point elsewhere
        environment.getPropertySources().addLast(new MapPropertySource("demoServices", properties));
        return services;
    }

    /** The embedded services of a demo run (none when tokens name real ones). */
    static final class DemoServices {
        TileDBEmulator tiledb;
        ArraylakeEmulator arraylake;

        void stop() {
            if (tiledb != null) {
                tiledb.stop();
            }
            if (arraylake != null) {
                arraylake.stop();
            }
        }
    }

    // the beans the routes name (camel.beans.* of application.properties under camel-main)

    @Bean
    DataSource catalogDataSource(CamelContext camel, DemoServices services) {
        JdbcUrlDataSource dataSource = new JdbcUrlDataSource();
        dataSource.setUrl(resolve(camel, "catalog.jdbc-url"));
        dataSource.setUser(resolve(camel, "catalog.jdbc-user"));
        dataSource.setPassword(resolve(camel, "catalog.jdbc-password"));
        return dataSource;
    }

    @Bean
    FileStateStore backupState(CamelContext camel) {
        return stateStore(camel, "backup-state.dat");
    }

    @Bean
    FileStateStore auditState(CamelContext camel) {
        return stateStore(camel, "audit-state.dat");
    }

    @Bean
    FileStateStore kafkaState(CamelContext camel) {
        return stateStore(camel, "kafka-state.dat");
    }

    @Bean
    JdbcMessageIdRepository auditIds(DataSource catalogDataSource) {
        return new JdbcMessageIdRepository(catalogDataSource, "activity-audit");
    }

    private static FileStateStore stateStore(CamelContext camel, String file) {
        FileStateStore store = new FileStateStore();
        store.setPath(resolve(camel, "pipelines.dir") + "/" + file);
        return store;
    }

    /** A property of the examples' application.properties, whose values use Camel's {{env:NAME:default}}. */
    private static String resolve(CamelContext camel, String key) {
        return camel.resolvePropertyPlaceholders("{{" + key + "}}");
    }
}
