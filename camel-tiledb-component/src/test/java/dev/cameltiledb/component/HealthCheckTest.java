package dev.cameltiledb.component;

import java.util.Collection;

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
                        .to("tiledb:arrays?operation=lastAccessed&host="
                                + SuiteEmulator.get().url() + "&apiKey=revoked-token-0451");
            }
        });
        main.start();
        try {
            Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(main.getCamelContext());
            // each check is found by the endpoint it belongs to, never by the state the test expects of it
            HealthCheck.Result good = producerCheck(results, "operation=listAll");
            HealthCheck.Result bad = producerCheck(results, "operation=lastAccessed");
            assertEquals(HealthCheck.State.UP, good.getState());
            assertEquals(HealthCheck.State.DOWN, bad.getState());
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

    private static HealthCheck.Result producerCheck(Collection<HealthCheck.Result> results, String uriPart) {
        return results.stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:tiledb:")
                        && String.valueOf(r.getDetails().get(HealthCheck.ENDPOINT_URI))
                                .contains(uriPart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no producer check for " + uriPart + " in " + results));
    }
}
