package dev.cameltiledb.component.springboot;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.component.TileDBComponent;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter binds {@code camel.component.tiledb.*} from Spring's property sources onto the component (a flat
 * option of each nested group: host of connection, perPage of listing, the consumer's startFrom; an object option by
 * {@code #bean:name}), a route then
 * lists arrays on the emulator with the key it got that way, and the key appears in no log line of the whole run
 * (DEBUG; Spring's own logging system is off in this module's tests so the capture sees everything).
 */
@SpringBootTest(
        classes = TileDBStarterTest.App.class,
        properties = {
            "camel.component.tiledb.api-key=${TEST_TILEDB_TOKEN}",
            "camel.component.tiledb.per-page=42",
            "camel.component.tiledb.start-from=beginning",
            "camel.component.tiledb.max-retries=3",
            "camel.component.tiledb.health-check-producer-enabled=false",
            "camel.component.tiledb.state-repository=#bean:sharedState"
        })
@Tag("server")
class TileDBStarterTest {

    private static final String TOKEN = "starter-secret-4a7c19e0d2";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(TOKEN);

    private static final TileDBEmulator EMULATOR = TileDBEmulator.builder()
            .user("alice", TOKEN)
            .organization("acme", Map.of("alice", "owner"))
            .array("acme", "sales", List.of(), Map.of())
            .build()
            .start();

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.tiledb.host", EMULATOR::url);
        // as an application would write camel.component.tiledb.api-key=${TILEDB_REST_TOKEN}
        registry.add("TEST_TILEDB_TOKEN", () -> TOKEN);
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.stop();
    }

    @SpringBootApplication
    static class App {
        @Bean
        MemoryStateRepository sharedState() {
            return new MemoryStateRepository();
        }

        @Bean
        RouteBuilder listArrays() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to("tiledb:arrays?operation=list&namespace=acme");
                }
            };
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Test
    void propertiesReachTheComponentsNestedOptions() {
        TileDBComponent component = camel.getComponent("tiledb", TileDBComponent.class);
        assertEquals(
                EMULATOR.url(), component.getConfiguration().getConnection().getHost());
        assertEquals(TOKEN, component.getConfiguration().getConnection().getApiKey());
        assertEquals(42, component.getConfiguration().getListing().getPerPage());
        assertEquals("beginning", component.getConfiguration().getConsumer().getStartFrom());
        assertEquals(3, component.getConfiguration().getConnection().getMaxRetries());
        assertFalse(component.isHealthCheckProducerEnabled());
    }

    @Test
    void objectOptionsNameSpringBeans(@Autowired MemoryStateRepository sharedState) {
        TileDBComponent component = camel.getComponent("tiledb", TileDBComponent.class);
        assertSame(sharedState, component.getConfiguration().getConsumer().getStateRepository());
    }

    @Test
    void aRouteWorksWithTheBoundCredentials() {
        List<?> arrays = template.requestBody("direct:list", null, List.class);
        assertEquals(1, arrays.size(), () -> String.valueOf(arrays));
        assertTrue(String.valueOf(arrays.get(0)).contains("sales"), () -> String.valueOf(arrays));
    }
}
