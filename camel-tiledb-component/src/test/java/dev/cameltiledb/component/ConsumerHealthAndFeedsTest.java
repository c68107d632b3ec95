package dev.cameltiledb.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumers under failing polls (health down, then up, nothing lost), change feeds, and Quartz-scheduled YAML. */
class ConsumerHealthAndFeedsTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();

    /**
     * A camel-main with a component configured in code: Camel's own DEBUG logs print route URIs, resolved
     * placeholders and configured properties unmasked, so a key given any of those ways would reach this class's
     * DEBUG capture (SecretsNotLoggedTest shows the INFO summary masks it).
     */
    private static Main newMain() {
        TileDBComponent tiledb = new TileDBComponent();
        tiledb.getConfiguration().getConnection().setHost(EMULATOR.url());
        tiledb.getConfiguration().getConnection().setApiKey(SuiteEmulator.ALICE_TOKEN);
        Main main = new Main();
        main.bind("tiledb", tiledb);
        return main;
    }

    private static Optional<HealthCheck.Result> consumerCheck(Main main) {
        return HealthCheckHelper.invokeReadiness(main.getCamelContext()).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:activity-watch"))
                .findFirst();
    }

    @Test
    void failingPollsTurnHealthDownAndBackUpWithoutLosingEvents() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("act-health", Map.of("alice", "owner"))),
                List.of(new Seed.SeedArray("act-health", "watched", null, null, null, null, null, null))));
        Instant base = Instant.now().minusSeconds(30);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(
                    EMULATOR.addActivity("act-health", "watched", base.plusMillis(i * 100L), "query_read", "alice"));
        }
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        Main main = newMain();
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("tiledb:activity?namespace=act-health&array=watched&startFrom=beginning&delay=50&maxMessagesPerPoll=5"
                                + "&retryMode=disabled")
                        .routeId("activity-watch")
                        .process(e -> delivered.add(
                                e.getMessage().getBody(ArrayActivityLog.class).id()));
            }
        });
        main.start();
        try {
            Await.until(() -> delivered.size() >= 5, "the first events");
            EMULATOR.faults().failNext("/v2/arrays/act-health/watched/activity", 6, 500);
            for (int i = 5; i < 20; i++) {
                expected.add(EMULATOR.addActivity(
                        "act-health", "watched", base.plusMillis(i * 100L), "query_read", "alice"));
            }
            Await.until(
                    () -> consumerCheck(main)
                            .map(r -> r.getState() == HealthCheck.State.DOWN)
                            .orElse(false),
                    "health DOWN");
            HealthCheck.Result down = consumerCheck(main).orElseThrow();
            assertEquals(500, down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
            assertFalse(String.valueOf(down.getMessage().orElse("")).contains(SuiteEmulator.ALICE_TOKEN));
            Await.until(() -> delivered.size() == 20, "every event after the failures");
            Await.until(
                    () -> consumerCheck(main)
                            .map(r -> r.getState() == HealthCheck.State.UP)
                            .orElse(false),
                    "health UP again");
            Await.requests(
                    EMULATOR, x -> x.rawPath().equals("/v2/arrays/act-health/watched/activity"), 3, "three more polls");
            assertEquals(expected, delivered, "all 20, in order, none twice");
        } finally {
            main.stop();
        }
    }

    @Test
    void changeFeedEmitsCreatedUpdatedDeleted() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("feed", Map.of("alice", "owner"))),
                List.of(
                        new Seed.SeedArray("feed", "existing", null, "before", null, null, null, null),
                        new Seed.SeedArray("feed", "doomed", null, null, null, null, null, null))));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Main main = newMain();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("tiledb:arrays?namespace=feed&delay=50")
                        .process(e -> seen.add(e.getMessage().getHeader(TileDBConstants.CHANGE) + " "
                                + e.getMessage().getBody(ArrayInfo.class).name()));
                from("direct:api").to("tiledb:arrays?namespace=feed");
            }
        });
        main.start();
        try {
            // the first poll records what exists; with initialSnapshot=false it emits nothing for it
            Await.requests(
                    EMULATOR,
                    x -> x.rawPath().equals("/v1/arrays/browser/owned")
                            && List.of("feed").equals(x.query().get("namespace")),
                    3,
                    "the first poll and two more");
            assertEquals(List.of(), seen);
            var template = main.getCamelContext().createProducerTemplate();
            template.sendBodyAndHeaders(
                    "direct:api",
                    null,
                    Map.of(
                            TileDBConstants.OPERATION,
                            "register",
                            TileDBConstants.ARRAY,
                            "fresh",
                            TileDBConstants.STORAGE_URI,
                            "s3://bucket/fresh"));
            template.sendBodyAndHeaders(
                    "direct:api",
                    Map.of("description", "after"),
                    Map.of(TileDBConstants.OPERATION, "update", TileDBConstants.ARRAY, "existing"));
            template.sendBodyAndHeaders(
                    "direct:api",
                    null,
                    Map.of(TileDBConstants.OPERATION, "deregister", TileDBConstants.ARRAY, "doomed"));
            Await.until(() -> seen.size() >= 3, "three changes");
            Await.requests(
                    EMULATOR,
                    x -> x.rawPath().equals("/v1/arrays/browser/owned")
                            && List.of("feed").equals(x.query().get("namespace")),
                    3,
                    "three more polls");
            assertEquals(
                    new HashSet<>(List.of("created fresh", "updated existing", "deleted doomed")), new HashSet<>(seen));
            assertEquals(3, seen.size(), "each change once; reading an array (last_accessed) is not a change");
        } finally {
            main.stop();
        }
    }

    @Test
    void initialSnapshotEmitsWhatExists() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("feed-snap", Map.of("alice", "owner"))),
                List.of(
                        new Seed.SeedArray("feed-snap", "one", null, null, null, null, null, null),
                        new Seed.SeedArray("feed-snap", "two", null, null, null, null, null, null))));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Main main = newMain();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("tiledb:arrays?namespace=feed-snap&initialSnapshot=true&delay=50")
                        .process(e -> seen.add(e.getMessage().getHeader(TileDBConstants.CHANGE) + " "
                                + e.getMessage().getBody(ArrayInfo.class).name()));
            }
        });
        main.start();
        try {
            Await.until(() -> seen.size() >= 2, "the snapshot");
            Await.requests(
                    EMULATOR,
                    x -> x.rawPath().equals("/v1/arrays/browser/owned")
                            && List.of("feed-snap").equals(x.query().get("namespace")),
                    3,
                    "three more polls");
            assertEquals(List.of("created one", "created two"), seen);
        } finally {
            main.stop();
        }
    }

    @Test
    void notebookAndGroupFeedsListTheirOwnKind() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("feed-kinds", Map.of("alice", "owner"))),
                List.of(
                        new Seed.SeedArray("feed-kinds", "plain", null, null, null, null, null, null),
                        new Seed.SeedArray("feed-kinds", "nb", null, null, null, "notebook", null, null))));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Main main = newMain();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                String common = "?namespace=feed-kinds&initialSnapshot=true&delay=50";
                from("tiledb:notebooks" + common)
                        .process(e -> seen.add("notebook "
                                + e.getMessage().getBody(ArrayInfo.class).name()));
                from("tiledb:groups" + common)
                        .process(e -> seen.add("group "
                                + e.getMessage()
                                        .getBody(dev.cameltiledb.client.model.GroupInfo.class)
                                        .name()));
                from("direct:groups").to("tiledb:groups?namespace=feed-kinds");
            }
        });
        main.start();
        try {
            Await.until(() -> seen.contains("notebook nb"), "the notebook snapshot");
            main.getCamelContext()
                    .createProducerTemplate()
                    .sendBodyAndHeaders(
                            "direct:groups",
                            null,
                            Map.of(
                                    TileDBConstants.OPERATION,
                                    "create",
                                    TileDBConstants.GROUP,
                                    "new-group",
                                    TileDBConstants.STORAGE_URI,
                                    "s3://bucket/new-group"));
            Await.until(() -> seen.contains("group new-group"), "the new group");
            Await.requests(
                    EMULATOR,
                    x -> x.rawPath().equals("/v1/arrays/browser/owned")
                            && List.of("feed-kinds").equals(x.query().get("namespace")),
                    3,
                    "three more notebook polls");
            assertFalse(seen.contains("notebook plain"), "the notebook feed lists notebooks only");
            assertEquals(2, seen.size(), seen.toString());
        } finally {
            main.stop();
        }
    }

    @Test
    void quartzCronSchedulesAnActivityConsumerDefinedInYaml() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization("act-quartz", Map.of("alice", "owner"))),
                List.of(new Seed.SeedArray("act-quartz", "cron", null, null, null, null, null, null))));
        String id = EMULATOR.addActivity("act-quartz", "cron", Instant.now().minusSeconds(5), "create", "alice");
        Main main = newMain();
        main.configure().withRoutesIncludePattern("file:src/test/resources/routes/activity-quartz.yaml");
        main.start();
        try {
            org.apache.camel.component.mock.MockEndpoint mock = main.getCamelContext()
                    .getEndpoint("mock:quartz-activity", org.apache.camel.component.mock.MockEndpoint.class);
            mock.expectedMinimumMessageCount(1);
            mock.setResultWaitTime(10_000);
            mock.assertIsSatisfied();
            Exchange first = mock.getExchanges().get(0);
            assertEquals(id, first.getMessage().getHeader(TileDBConstants.EVENT_ID));
            assertTrue(main.getCamelContext()
                    .getRoute("quartz-activity")
                    .getConsumer()
                    .getClass()
                    .getName()
                    .contains("TileDBActivityConsumer"));
            assertTrue(String.valueOf(main.getCamelContext()
                            .getRoute("quartz-activity")
                            .getEndpoint()
                            .getEndpointUri())
                    .contains("scheduler=quartz"));
        } finally {
            main.stop();
        }
    }
}
