package dev.cameltiledb.arraylake.component;

import java.util.Collection;

import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The opt-in producer check: up with a good token, down with the HTTP status with a revoked one, no token shown. */
class HealthCheckTest {

    private static final String REVOKED = "ema_deadbeefdeadbeefdeadbeefdeadbeef";

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    @Test
    void producerChecksAreUpAndDown() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        String url = AL.emulator().url();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good")
                        .to("arraylake:repos?operation=list&org=acme&serviceUri=" + url + "&token="
                                + Fixture.ETL_TOKEN);
                from("direct:bad")
                        .to("arraylake:buckets?operation=list&org=acme&serviceUri=" + url + "&token=" + REVOKED);
            }
        });
        main.start();
        try {
            Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(main.getCamelContext());
            HealthCheck.Result good = check(results, "arraylake://repos");
            HealthCheck.Result bad = check(results, "arraylake://buckets");
            assertEquals(HealthCheck.State.UP, good.getState());
            assertEquals("etl@acme.example", good.getDetails().get("principal"));
            assertEquals(HealthCheck.State.DOWN, bad.getState());
            assertEquals(401, bad.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
            String everything = results + " " + good.getDetails() + " " + bad.getDetails() + " "
                    + bad.getMessage().orElse("") + " " + good.getCheck().getId() + " "
                    + bad.getCheck().getId();
            assertFalse(everything.contains(REVOKED), everything);
            assertFalse(everything.contains(Fixture.ETL_TOKEN), everything);
            assertTrue(String.valueOf(good.getDetails().get(HealthCheck.ENDPOINT_URI))
                    .contains("token=xxxxxx"));
        } finally {
            main.stop();
        }
    }

    private static HealthCheck.Result check(Collection<HealthCheck.Result> results, String uriStart) {
        return results.stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:arraylake:")
                        && String.valueOf(r.getDetails().get(HealthCheck.ENDPOINT_URI))
                                .startsWith(uriStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no producer check for " + uriStart + " in " + results));
    }

    @Test
    void aFeedWhosePollsAreRefusedIsDownWithTheStatus() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        String url = AL.emulator().url();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("arraylake:repos?org=acme&delay=20&serviceUri=" + url + "&token=" + REVOKED)
                        .routeId("refused-feed")
                        .to("mock:never");
            }
        });
        main.start();
        try {
            long polls = Fixture.count(AL.emulator(), "GET", "/orgs/acme/repos/paginated");
            Fixture.awaitRequests(AL.emulator(), "GET", "/orgs/acme/repos/paginated", polls + 2);
            HealthCheck.Result feed = HealthCheckHelper.invokeReadiness(main.getCamelContext()).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:refused-feed"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(HealthCheck.State.DOWN, feed.getState());
            assertEquals(401, feed.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
            assertFalse((feed.getDetails() + feed.getMessage().orElse("")).contains(REVOKED));
        } finally {
            main.stop();
        }
    }
}
