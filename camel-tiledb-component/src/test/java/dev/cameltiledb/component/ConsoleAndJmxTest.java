package dev.cameltiledb.component;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.cameltiledb.camel.testing.ConsumerMBeans;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code tiledb} dev console and the consumers' MBeans, read as Camel users read them (Camel's
 * {@link DevConsoleRegistry}, the platform MBean server) from a running activity route against the emulator: every
 * field and attribute, the two operations, and no secret in any of them or in the log.
 */
class ConsoleAndJmxTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    private static final String NS = "inside";
    private static final String STREAM = "tiledb://inside/watched";

    @Test
    void theConsoleAndTheMBeanShowTheConsumerAndTheirOperationsWork() throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization(NS, Map.of("alice", "owner"))),
                List.of(new Seed.SeedArray(NS, "watched", null, null, null, null, null, null))));
        Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            EMULATOR.addActivity(NS, "watched", first.plusSeconds(i * 10L), "query_read", "alice");
        }
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failOnce = new AtomicBoolean(true);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension().setName("see-inside");
            // the key on the component: Camel's DEBUG lines of routes as written, and of resolved placeholders, would
            // show one in a URI
            TileDBComponent tiledb = new TileDBComponent();
            tiledb.getConfiguration().getConnection().setApiKey(SuiteEmulator.ALICE_TOKEN);
            camel.addComponent("tiledb", tiledb);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler()); // the planned failure reaches the consumer, logged once, at WARN
                    from("tiledb:activity?host=" + EMULATOR.url() + "&namespace=" + NS
                                    + "&array=watched&startFrom=beginning&delay=50&serverGeneration=CLASSIC")
                            .routeId("inside-watch")
                            .process(e -> {
                                if (failOnce.getAndSet(false)) {
                                    throw new IllegalStateException("the sink is down");
                                }
                                delivered.add(e.getMessage()
                                        .getBody(ArrayActivityLog.class)
                                        .id());
                            });
                    from("direct:list")
                            .to("tiledb:arrays?host=" + EMULATOR.url() + "&operation=list&namespace=" + NS
                                    + "&serverGeneration=CLASSIC");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            template.requestBody("direct:list", null, List.class);
            Await.until(() -> delivered.size() == 3, "the three events, the first after its failure");

            DevConsoleRegistry registry = DevConsoleRegistry.get(camel);
            registry.loadDevConsoles(); // what Camel JBang and the HTTP dev console do: a classpath scan
            DevConsole console = registry.getConsole("tiledb").orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
            String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());

            List<Map<String, Object>> endpoints = list(json, "endpoints");
            Map<String, Object> activity = only(endpoints, "endpoint", "tiledb:activity");
            assertEquals("activity", activity.get("resource"));
            assertNull(activity.get("operation"));
            assertEquals(EMULATOR.url(), activity.get("host"));
            Map<String, Object> arrays = only(endpoints, "endpoint", "tiledb:arrays");
            assertEquals("list", arrays.get("operation"));

            Map<String, Object> consumer = only(list(json, "consumers"), "routeId", "inside-watch");
            assertEquals("tiledb:activity", consumer.get("endpoint"));
            assertEquals("activity", consumer.get("streamKind"));
            assertEquals(1, consumer.get("streams"));
            Instant newest = first.plusSeconds(20);
            assertEquals(newest.toString(), consumer.get("cursorNewest"));
            assertEquals(newest.toString(), consumer.get("cursorOldest"));
            assertEquals(0, consumer.get("backlog"));
            assertEquals(List.of(STREAM), consumer.get("furthestBehind"));
            assertTrue(((Number) consumer.get("lagMillis")).longValue() >= 40_000, "lag " + consumer.get("lagMillis"));
            assertEquals(List.of("all"), consumer.get("partitionsHeld"));
            assertNull(consumer.get("fenceEpoch"), "the in-memory state store does not fence");
            assertNotNull(Instant.parse((String) consumer.get("lastPoll")));
            assertTrue(((Number) consumer.get("lastPollRequests")).longValue() <= 2, "an idle poll costs 1 or 2");
            assertTrue(
                    ((String) consumer.get("lastError")).contains("the sink is down"),
                    "the failed exchange: " + consumer.get("lastError"));

            Map<String, Object> client = only(list(json, "clients"), "host", EMULATOR.url());
            assertEquals(1, list(json, "clients").size(), "the producer and the consumer share one client");
            assertEquals(20, client.get("max"));
            assertTrue(((Number) client.get("requests")).longValue() >= 2);
            assertEquals(0L, ((Number) client.get("retries")).longValue());
            assertEquals(0L, ((Number) client.get("deadlineHits")).longValue());
            assertTrue(((Number) client.get("leased")).intValue() <= 1);
            assertTrue(((Number) client.get("available")).intValue() <= 20);
            assertEquals(0, ((Number) client.get("pending")).intValue(), "nobody waits for a connection");

            assertTrue(text.contains("route inside-watch (tiledb:activity): activity"), text);
            assertTrue(text.contains("cursor oldest: " + newest), text);
            assertTrue(text.contains("furthest behind: " + STREAM), text);
            assertTrue(text.contains("pool: "), text);
            assertFalse(json.toString().contains(SuiteEmulator.ALICE_TOKEN));
            assertFalse(text.contains(SuiteEmulator.ALICE_TOKEN));

            MBeanServer mbeans = ConsumerMBeans.SERVER;
            ObjectName consumerName = ConsumerMBeans.ofRoute("see-inside", "inside-watch");
            List<Object> values = ConsumerMBeans.read(consumerName);
            assertEquals("activity", values.get(0));
            assertEquals(1, values.get(1));
            assertEquals(newest.toString(), values.get(2));
            assertEquals(newest.toString(), values.get(3));
            assertEquals(0, values.get(4));
            assertTrue((Long) values.get(5) >= 40_000);
            assertEquals("all", values.get(6));
            assertEquals(-1L, values.get(7));
            assertTrue(((String) values.get(10)).contains("the sink is down"));
            values.forEach(v -> assertFalse(String.valueOf(v).contains(SuiteEmulator.ALICE_TOKEN)));

            String pollBefore = (String) mbeans.getAttribute(consumerName, "LastPoll");
            int polled = (Integer) mbeans.invoke(consumerName, "pollNow", new Object[0], new String[0]);
            assertEquals(0, polled, "nothing new");
            assertTrue(Instant.parse((String) mbeans.getAttribute(consumerName, "LastPoll"))
                            .compareTo(Instant.parse(pollBefore))
                    >= 0);

            MBeanException bad = assertThrows(
                    MBeanException.class,
                    () -> mbeans.invoke(consumerName, "resetCursor", new Object[] {STREAM, "yesterday"}, new String[] {
                        String.class.getName(), String.class.getName()
                    }));
            assertTrue(
                    String.valueOf(bad.getCause()).contains("resetCursor's instant"), String.valueOf(bad.getCause()));

            String done = (String) mbeans.invoke(
                    consumerName,
                    "resetCursor",
                    new Object[] {STREAM, first.plusSeconds(10).toString()},
                    new String[] {String.class.getName(), String.class.getName()});
            assertTrue(done.contains(STREAM), done);
            Await.until(() -> delivered.size() == 5, "the two events from the reset instant on, again");
            assertEquals(delivered.subList(1, 3), delivered.subList(3, 5));
            assertTrue(
                    LOGS.lines().stream()
                            .anyMatch(l -> l.contains("reset a cursor of route inside-watch")
                                    && l.contains("no JMX user")
                                    && l.contains(STREAM)),
                    "the reset is logged with who did it");
        }
    }

    /**
     * Under {@code master:} the route's consumer is the master's, which starts ours only while the node leads: the
     * console finds ours through its endpoint, and ours registers its own MBean while it runs.
     */
    @Test
    void underMasterTheConsoleAndJmxShowTheConsumerOfTheNodeThatLeads(@TempDir Path dir) throws Exception {
        EMULATOR.seed(new Seed(
                null,
                List.of(new Organization(NS, Map.of("alice", "owner"))),
                List.of(new Seed.SeedArray(NS, "led", null, null, null, null, null, null))));
        EMULATOR.addActivity(NS, "led", Instant.now().minusSeconds(30), "query_read", "alice");
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension().setName("see-inside-master");
            TileDBComponent tiledb = new TileDBComponent();
            tiledb.getConfiguration().getConnection().setApiKey(SuiteEmulator.ALICE_TOKEN);
            camel.addComponent("tiledb", tiledb);
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setRoot(dir.toString());
            cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(50, TimeUnit.MILLISECONDS);
            camel.addService(cluster);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:inside:tiledb:activity?host=" + EMULATOR.url() + "&namespace=" + NS
                                    + "&array=led&startFrom=beginning&delay=50&serverGeneration=CLASSIC")
                            .routeId("led-watch")
                            .process(e -> delivered.add(e.getMessage()
                                    .getBody(ArrayActivityLog.class)
                                    .id()));
                }
            });
            camel.start();
            Await.until(() -> delivered.size() == 1, "the event, once this node leads");

            DevConsoleRegistry registry = DevConsoleRegistry.get(camel);
            registry.loadDevConsoles();
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>)
                    registry.getConsole("tiledb").orElseThrow().call(DevConsole.MediaType.JSON, Map.of());
            Map<String, Object> consumer = only(list(json, "consumers"), "routeId", "led-watch");
            assertEquals("activity", consumer.get("streamKind"));
            assertEquals(List.of("tiledb://inside/led"), consumer.get("furthestBehind"));

            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            ObjectName ours = ownConsumerMBean(mbeans, "see-inside-master");
            assertNotNull(ours, "the consumer of the node that leads registered its MBean");
            assertEquals(1, mbeans.getAttribute(ours, "Streams"));
            assertFalse(((String) mbeans.getAttribute(ours, "LastPoll")).isEmpty());

            camel.getRouteController().stopRoute("led-watch");
            assertNull(ownConsumerMBean(mbeans, "see-inside-master"), "gone with the consumer");
        }
    }

    /** The consumer MBean with our attributes in a context, or null. */
    private static ObjectName ownConsumerMBean(MBeanServer mbeans, String context) throws Exception {
        for (ObjectName name :
                mbeans.queryNames(new ObjectName("org.apache.camel:context=" + context + ",type=consumers,*"), null)) {
            try {
                if ("activity".equals(mbeans.getAttribute(name, "StreamKind"))) {
                    return name;
                }
            } catch (AttributeNotFoundException e) {
                // the master's own consumer
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries, String key, String value) {
        List<Map<String, Object>> found =
                entries.stream().filter(e -> value.equals(e.get(key))).toList();
        assertEquals(1, found.size(), key + "=" + value + " in " + entries);
        return found.get(0);
    }
}
