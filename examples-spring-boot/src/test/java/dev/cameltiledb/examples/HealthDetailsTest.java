package dev.cameltiledb.examples;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 21: the example's {@code /actuator/health} answers anyone, so a failing check shows its state and no
 * more: a tiledb producer whose key the service refuses is DOWN there, without its error message or stack trace.
 */
@SpringBootTest(
        classes = {SpringBootExamplesApplication.class, HealthDetailsTest.RefusedProducer.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "TILEDB_REST_TOKEN=",
            "ARRAYLAKE_TOKEN=",
            "camel.main.routes-include-pattern=classpath:no-routes/*.yaml",
            "camel.main.duration-max-seconds=0",
            "pipelines.dir=target/pipelines-health"
        })
@Tag("server")
class HealthDetailsTest {

    /** A route whose producer holds a key the emulator does not know: its readiness check is DOWN. */
    @TestConfiguration
    static class RefusedProducer {
        @Bean
        RouteBuilder refusedProducer() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:refused")
                            .routeId("refused")
                            .to("tiledb:arrays?operation=list&namespace=demo-org&apiKey=RAW(not-a-key-3c9a)");
                }
            };
        }
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aFailingCheckShowsItsStateAndNeitherItsMessageNorItsStackTrace() {
        ResponseEntity<String> answer = http.getForEntity("/actuator/health", String.class);
        String health = answer.getBody();
        assertEquals(503, answer.getStatusCode().value(), health);
        assertTrue(health.matches("(?s).*\"producer:tiledb:arrays[^\"]*\":\"DOWN\".*"), health);
        assertFalse(health.contains("stacktrace"), health);
        assertFalse(health.contains("error.message"), health);
        assertFalse(health.contains("Exception"), health);
        assertFalse(health.contains("dev.cameltiledb"), health);
        assertTrue(health.length() < 2_000, "a few lines, not a stack trace: " + health.length() + " characters");
    }
}
