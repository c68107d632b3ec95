package dev.cameltiledb.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's Micrometer meters after a scripted run against the emulator: exact counts of requests, errors by
 * status and retries per operation; events, polls and lag of a consumer; and no secret or asset name in any tag.
 */
class MetricsTest {

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    private static final String NS = "metrics-ns";
    private static final String CONNECTION = "&serverGeneration=CLASSIC&retryBackoffBase=1&retryJitter=false";

    @Test
    void producerRequestsErrorsRetriesAndLatencyAreCountedPerOperation() throws Exception {
        SuiteEmulator.namespace(NS, 25);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // found in the Camel registry: no option needed
            camel.getRegistry().bind("meters", registry);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list")
                            .to(SuiteEmulator.arrays("operation=list&namespace=" + NS + "&perPage=10" + CONNECTION));
                    from("direct:info").to(SuiteEmulator.arrays("operation=info" + CONNECTION));
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            // 25 arrays, 10 a page: 3 requests
            template.requestBody("direct:list", null, List.class);
            assertEquals(3, requests(registry, "arrays", "list", "200"));
            assertEquals(0, registry.find(TileDBMetrics.RETRIES).meters().size());

            // the first two pages asked answer 503 and are retried: 2 more requests, 2 retries, 2 errors by 503
            EMULATOR.faults().failNext("/v1/arrays/browser/owned", 2, 503);
            template.requestBody("direct:list", null, List.class);
            assertEquals(6, requests(registry, "arrays", "list", "200"));
            assertEquals(2, requests(registry, "arrays", "list", "503"));
            assertEquals(2, count(registry, TileDBMetrics.RETRIES, "arrays", "list", "503"));
            assertEquals(2, count(registry, TileDBMetrics.ERRORS, "arrays", "list", "503"));

            // a missing array: one request answered 404, one error, no retry
            assertThrows(
                    CamelExecutionException.class,
                    () -> template.requestBodyAndHeader(
                            "direct:info", null, OptionHeaders.headerOf("tiledbUri"), "tiledb://" + NS + "/missing"));
            assertEquals(1, requests(registry, "arrays", "info", "404"));
            assertEquals(1, count(registry, TileDBMetrics.ERRORS, "arrays", "info", "404"));
            assertNull(registry.find(TileDBMetrics.RETRIES)
                    .tag("operation", "info")
                    .counter());

            Timer ok = registry.find(TileDBMetrics.REQUESTS)
                    .tags("resource", "arrays", "operation", "list", "status", "200", "outcome", "SUCCESS")
                    .tag("method", "GET")
                    .timer();
            assertTrue(ok.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0, "latency recorded");
            assertEquals(
                    "CLIENT_ERROR",
                    registry.find(TileDBMetrics.REQUESTS)
                            .tag("status", "404")
                            .timer()
                            .getId()
                            .getTag("outcome"));
            assertNoSecretOrAssetInTags(registry);
        }
    }

    @Test
    void consumerEventsPollsAndLagAreRecorded() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("metrics-act", Map.of("alice", "owner"))),
                List.of(new Seed.SeedArray("metrics-act", "watched", null, null, null, null, null, null))));
        Instant base = Instant.now().minusSeconds(30);
        for (int i = 0; i < 4; i++) {
            EMULATOR.addActivity("metrics-act", "watched", base.plusMillis(i * 100L), "query_read", "alice");
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            TileDBComponent tiledb = new TileDBComponent();
            tiledb.setMeterRegistry(registry); // given as the option: the Camel registry holds none
            camel.addComponent("tiledb", tiledb);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(SuiteEmulator.uri(
                                    "activity",
                                    "namespace=metrics-act&array=watched&startFrom=beginning&delay=50" + CONNECTION))
                            .routeId("metrics-watch")
                            .process(e -> delivered.add(e.getMessage()
                                    .getBody(ArrayActivityLog.class)
                                    .id()));
                }
            });
            camel.start();
            Await.until(() -> delivered.size() >= 4, "the four events");
            Await.until(
                    () -> registry.find(TileDBMetrics.POLLS).counter() != null
                            && registry.find(TileDBMetrics.POLLS).counter().count() >= 3,
                    "more polls");
            camel.getRouteController().stopRoute("metrics-watch");

            Counter events = registry.find(TileDBMetrics.EVENTS)
                    .tags("resource", "activity", "routeId", "metrics-watch")
                    .counter();
            assertEquals(4, events.count());
            double polls = registry.find(TileDBMetrics.POLLS)
                    .tags("resource", "activity", "routeId", "metrics-watch")
                    .counter()
                    .count();
            assertTrue(polls >= 3, "polls counted: " + polls);
            // each poll that read sends its requests under operation "poll", every one answered 200
            double pollRequests = registry.find(TileDBMetrics.REQUESTS)
                    .tags("resource", "activity", "operation", "poll", "status", "200")
                    .timer()
                    .count();
            assertTrue(pollRequests >= polls, pollRequests + " requests for " + polls + " polls");
            Gauge lag = registry.find(TileDBMetrics.LAG)
                    .tags("resource", "activity", "routeId", "metrics-watch")
                    .gauge();
            // the newest event happened about 30 s before it was delivered
            assertTrue(lag.value() > 25 && lag.value() < 120, "lag " + lag.value());
            assertNoSecretOrAssetInTags(registry);
        }
    }

    @Test
    void withoutARegistryNothingIsRecordedAndCallsWork() throws Exception {
        SuiteEmulator.namespace("metrics-none", 2);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            List<?> arrays = camel.createProducerTemplate()
                    .requestBody(
                            SuiteEmulator.arrays("operation=list&namespace=metrics-none" + CONNECTION),
                            null,
                            List.class);
            assertEquals(2, arrays.size());
            assertNull(((TileDBComponent) camel.getComponent("tiledb")).metrics());
        }
    }

    private static double requests(SimpleMeterRegistry registry, String resource, String operation, String status) {
        Timer timer = registry.find(TileDBMetrics.REQUESTS)
                .tags("resource", resource, "operation", operation, "status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static double count(
            SimpleMeterRegistry registry, String name, String resource, String operation, String status) {
        Counter counter = registry.find(name)
                .tags("resource", resource, "operation", operation, "status", status)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every meter: a tiledb name, only the known tag keys, and no key, namespace, array, host or URL anywhere. */
    private static void assertNoSecretOrAssetInTags(SimpleMeterRegistry registry) {
        Set<String> keys = Set.of("resource", "operation", "method", "status", "outcome", "routeId");
        List<Meter> meters = registry.getMeters();
        assertFalse(meters.isEmpty());
        for (Meter meter : meters) {
            String name = meter.getId().getName();
            assertTrue(name.startsWith("tiledb."), name);
            for (Tag tag : meter.getId().getTags()) {
                assertTrue(keys.contains(tag.getKey()), "tag " + tag.getKey() + " on " + name);
                String text = name + " " + tag.getKey() + "=" + tag.getValue();
                for (String forbidden : List.of(
                        SuiteEmulator.ALICE_TOKEN,
                        NS,
                        "metrics-act",
                        "watched",
                        "missing",
                        "tiledb://",
                        "http",
                        "localhost",
                        "127.0.0.1")) {
                    assertFalse(text.contains(forbidden), text + " holds " + forbidden);
                }
            }
        }
    }
}
