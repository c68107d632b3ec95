package dev.cameltiledb.arraylake.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.camel.testing.ConsumerMBeans;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code arraylake} dev console and the repo feed's MBean, read through Camel's {@link DevConsoleRegistry} and the
 * platform MBean server from a running feed against the emulator: every field and attribute, poll now, a reset the
 * feed refuses (it has no cursor in time), and no token in any of them or in the log.
 */
class ConsoleAndJmxTest {

    private static final String ORG = "inside";

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> {
        Fixture.seed(b);
        b.org(ORG)
                .member(ORG, Fixture.ALICE, "admin")
                .bucket(
                        ORG,
                        "store",
                        "s3",
                        ORG + "-data",
                        "",
                        Map.of("region_name", "us-east-1"),
                        Map.of("method", "anonymous"));
    });

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture();

    @Test
    void theConsoleAndTheMBeanShowTheFeed() throws Exception {
        ArraylakeEmulator emu = AL.emulator();
        String token = emu.userTokens(Fixture.ALICE).idToken();
        LOGS.watchFor(token);
        emu.createRepo(ORG, "climate", "store");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (CamelContext camel = Fixture.camel(emu, token)) {
            camel.getCamelContextExtension().setName("see-inside-arraylake");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arraylake:repos?org=" + ORG + "&delay=20&initialSnapshot=true")
                            .routeId("inside-feed")
                            .process(e -> seen.add((String) e.getMessage().getHeader(ArraylakeConstants.REPO)));
                }
            });
            camel.start();
            Fixture.until(() -> seen.contains(ORG + "/climate"), "the repo of the initial snapshot");
            long listings = Fixture.count(emu, "GET", "/orgs/" + ORG + "/repos/paginated");
            Fixture.awaitRequests(emu, "GET", "/orgs/" + ORG + "/repos/paginated", listings + 1);

            DevConsoleRegistry registry = DevConsoleRegistry.get(camel);
            registry.loadDevConsoles();
            DevConsole console = registry.getConsole("arraylake").orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of());
            String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
            assertEquals(1, endpoints.size(), endpoints.toString());
            assertEquals("arraylake:repos", endpoints.get(0).get("endpoint"));
            assertEquals("repos", endpoints.get(0).get("resource"));
            assertEquals(emu.url(), endpoints.get(0).get("host"));
            @SuppressWarnings("unchecked")
            Map<String, Object> feed = ((List<Map<String, Object>>) json.get("consumers")).get(0);
            assertEquals("inside-feed", feed.get("routeId"));
            assertEquals("change feed", feed.get("streamKind"));
            assertEquals(1, feed.get("streams"));
            assertNull(feed.get("cursorNewest"), "Arraylake lists no recency order: no cursor in time");
            assertNull(feed.get("cursorOldest"));
            assertEquals(List.of(), feed.get("furthestBehind"), "nothing to reset");
            assertEquals(0, feed.get("backlog"));
            assertNull(feed.get("lagMillis"), "a repo change carries no event time");
            assertEquals(List.of("all"), feed.get("partitionsHeld"));
            assertNull(feed.get("fenceEpoch"));
            Instant.parse((String) feed.get("lastPoll"));
            assertEquals(1L, ((Number) feed.get("lastPollRequests")).longValue(), "one page of one repo");
            assertNull(feed.get("lastError"));
            @SuppressWarnings("unchecked")
            Map<String, Object> client = ((List<Map<String, Object>>) json.get("clients")).get(0);
            assertEquals(emu.url(), client.get("host"));
            assertTrue(((Number) client.get("requests")).longValue() >= 2);
            assertEquals(0, ((Number) client.get("pending")).intValue());
            assertTrue(((Number) client.get("leased")).intValue() + ((Number) client.get("available")).intValue()
                    <= ((Number) client.get("max")).intValue());
            assertEquals(0L, ((Number) client.get("retries")).longValue());
            assertEquals(0L, ((Number) client.get("deadlineHits")).longValue());
            assertTrue(text.contains("route inside-feed (arraylake:repos): change feed"), text);
            assertFalse(json.toString().contains(token));
            assertFalse(text.contains(token));

            MBeanServer mbeans = ConsumerMBeans.SERVER;
            ObjectName name = ConsumerMBeans.ofRoute("see-inside-arraylake", "inside-feed");
            List<Object> values = ConsumerMBeans.read(name);
            assertEquals("change feed", values.get(0));
            assertEquals(-1L, values.get(5));
            assertEquals("", values.get(10));
            values.forEach(v -> assertFalse(String.valueOf(v).contains(token)));

            emu.createRepo(ORG, "ocean", "store");
            int delivered = (Integer) mbeans.invoke(name, "pollNow", new Object[0], new String[0]);
            assertTrue(delivered <= 1 && (delivered == 1 || seen.contains(ORG + "/ocean")), "the new repo came");
            Fixture.until(() -> seen.contains(ORG + "/ocean"), "the new repo");

            MBeanException refused = assertThrows(
                    MBeanException.class,
                    () -> mbeans.invoke(
                            name,
                            "resetCursor",
                            new Object[] {"inside", Instant.now().toString()},
                            new String[] {String.class.getName(), String.class.getName()}));
            assertTrue(
                    String.valueOf(refused.getCause()).contains("keeps no cursor in time"),
                    String.valueOf(refused.getCause()));
        }
    }
}
