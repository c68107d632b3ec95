package dev.cameltiledb.component;

import java.util.Collection;
import java.util.Optional;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opt-in producer health check: up with good credentials, down with the HTTP status with bad ones, no secret. */
class HealthCheckTest {

    @Test
    void producerChecksReportUpAndDown() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", "true");
        // full: list healthy checks too, not only the failing ones
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to(SuiteEmulator.arrays("operation=listAll"));
                from("direct:bad")
                        .to("tiledb:arrays?operation=listAll&host="
                                + SuiteEmulator.get().url() + "&apiKey=revoked-token-0451");
            }
        });
        main.start();
        try {
            Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(main.getCamelContext());
            HealthCheck.Result good =
                    producerCheck(results, HealthCheck.State.UP).orElseThrow(() -> new AssertionError(results));
            HealthCheck.Result bad =
                    producerCheck(results, HealthCheck.State.DOWN).orElseThrow(() -> new AssertionError(results));
            assertEquals(HealthCheck.State.UP, good.getState());
            assertEquals("alice", good.getDetails().get("user"));
            assertEquals(401, bad.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
            String everything = results.toString()
                    + bad.getMessage().orElse("")
                    + bad.getDetails()
                    + bad.getCheck().getId()
                    + good.getDetails()
                    + good.getCheck().getId();
            assertFalse(everything.contains("revoked-token-0451"), everything);
            assertFalse(everything.contains(SuiteEmulator.ALICE_TOKEN), everything);
            assertTrue(
                    bad.getMessage().orElse("").contains("HTTP 401"),
                    bad.getMessage().orElse(""));
        } finally {
            main.stop();
        }
    }

    private static Optional<HealthCheck.Result> producerCheck(
            Collection<HealthCheck.Result> results, HealthCheck.State state) {
        return results.stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:tiledb:") && r.getState() == state)
                .findFirst();
    }
}
