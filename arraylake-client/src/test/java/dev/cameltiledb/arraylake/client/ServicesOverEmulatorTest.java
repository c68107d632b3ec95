package dev.cameltiledb.arraylake.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.arraylake.client.model.ComputeService;
import dev.cameltiledb.arraylake.client.model.LogQuery;
import dev.cameltiledb.arraylake.client.model.NewService;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.RequestLine;
import dev.cameltiledb.emulator.common.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compute services over HTTP against the emulator: the calls of the Python client's {@code ComputeClient} and its
 * log, read as a snapshot, followed, and closed in the middle of an endless one with its connection released.
 */
@Timeout(60)
class ServicesOverEmulatorTest {

    static final String ADMIN_TOKEN = "ema_adm1n1111111111111111111111111";

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> b.org("acme")
            .serviceAccount("acme", "admin@acme.example", ADMIN_TOKEN, "admin")
            .service("acme", "edr", null, false));

    static ArraylakeClient admin;

    @BeforeAll
    static void clients() {
        admin = EmulatorClients.client(AL, ADMIN_TOKEN);
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    private static RequestLine last() {
        List<RequestLine> all = emu().requests();
        return all.get(all.size() - 1);
    }

    @Test
    void enableListStatusAndDisable() {
        Map<String, Object> enabled = admin.services()
                .create(
                        "acme",
                        new NewService("wms", true, "wms-prod", Map.of("min_replicas", 0, "log_level", "DEBUG")));
        assertEquals("Enabled service wms://acme/wms-prod", enabled.get("message"));
        assertEquals("POST /compute/orgs/acme/services", last().method() + " " + last().path());
        assertEquals(
                0L, emu().service("acme", "wms-prod").orElseThrow().config().get("min_replicas"));
        assertEquals(
                "DEBUG",
                emu().service("acme", "wms-prod").orElseThrow().config().get("log_level"));

        ComputeService wms = admin.services().list("acme").stream()
                .filter(s -> s.name().equals("wms-prod"))
                .findFirst()
                .orElseThrow();
        assertEquals("wms", wms.config().serviceType());
        assertTrue(wms.config().isPublic());
        assertEquals("available", wms.status());
        assertEquals(0, wms.readyReplicas());
        assertTrue(wms.url().endsWith("/wms/acme/wms-prod"), wms.url());

        emu().setServiceStatus("acme", "wms-prod", "sleeping", 0);
        assertEquals("sleeping", admin.services().status("acme", "wms-prod").get("status"));
        assertEquals("GET /compute/orgs/acme/services/wms-prod", last().method() + " " + last().path());

        assertEquals(
                "Disabled service wms://acme/wms-prod",
                admin.services().delete("acme", "wms-prod").get("message"));
        assertTrue(emu().service("acme", "wms-prod").isEmpty());
        ArraylakeNotFoundException gone = assertThrows(
                ArraylakeNotFoundException.class, () -> admin.services().status("acme", "wms-prod"));
        assertEquals("Service wms-prod not found in org acme", gone.detail());
    }

    @Test
    void aLogSnapshotSendsThePythonClientsParametersAndEndsByItself() throws Exception {
        Instant t0 = Instant.parse("2031-05-01T10:00:00Z");
        for (int i = 0; i < 6; i++) {
            emu().appendServiceLog("acme", "edr", t0.plusSeconds(i), "request " + i);
        }
        LogQuery window = LogQuery.all()
                .between(OffsetDateTime.parse("2031-05-01T10:00:01Z"), OffsetDateTime.parse("2031-05-01T10:00:04Z"))
                .withTail(3);
        try (ServiceLog log = admin.services().logs("acme", "edr", window)) {
            List<String> lines = log.lines().toList();
            assertEquals(
                    List.of(
                            "2031-05-01T10:00:02Z stdout F request 2",
                            "2031-05-01T10:00:03Z stdout F request 3",
                            "2031-05-01T10:00:04Z stdout F request 4"),
                    lines);
        }
        RequestLine sent = last();
        assertEquals("/compute/orgs/acme/services/edr/logs", sent.path());
        assertEquals(
                "follow_timeout=30&tail=3&since=2031-05-01T10%3A00%3A01Z&until=2031-05-01T10%3A00%3A04Z", sent.query());
        // read to its end, the log gave its connection back: a client of one connection can call again
        try (ArraylakeClient single = oneConnection()) {
            try (ServiceLog log = single.services().logs("acme", "edr", LogQuery.all())) {
                assertTrue(log.readAllBytes().length > 0);
            }
            assertTrue(single.services().list("acme").stream()
                    .anyMatch(s -> s.name().equals("edr")));
        }
    }

    @Test
    void aFollowedLogBringsNewLinesAndClosingItInTheMiddleReleasesTheConnection() throws Exception {
        try (ArraylakeClient single = oneConnection()) {
            LogQuery lastLineThenFollow = LogQuery.all().withTail(1).followed(600);
            try (ServiceLog log = single.services().logs("acme", "edr", lastLineThenFollow);
                    BufferedReader lines = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
                assertEquals("follow_timeout=600&follow=true&tail=1", last().query());
                assertTrue(lines.readLine().contains(" F "), "the last line the log holds");
                emu().appendServiceLog("acme", "edr", "GET /edr/acme/climate/position 200");
                assertTrue(lines.readLine().endsWith("stdout F GET /edr/acme/climate/position 200"));
            }
            // a followed log the service would keep open for ten minutes: closed, its connection is not held
            assertTrue(single.services().list("acme").stream()
                    .anyMatch(s -> s.name().equals("edr")));
        }
    }

    @Test
    void anEndlessLogIsReadWithoutHoldingItAndClosedWithoutDrainingIt() throws Exception {
        emu().floodServiceLog("acme", "edr", Long.MAX_VALUE);
        try (ArraylakeClient single = oneConnection()) {
            int open = emu().openLogStreams();
            long bytes = 0;
            try (ServiceLog log =
                    single.services().logs("acme", "edr", LogQuery.all().followed(600))) {
                byte[] buffer = new byte[8192];
                while (bytes < 64L << 20) {
                    bytes += Math.max(0, log.read(buffer));
                }
                assertEquals(open + 1, emu().openLogStreams());
            }
            assertTrue(bytes >= 64L << 20);
            Await.until(() -> emu().openLogStreams() == open, "the emulator to see the connection closed");
            assertTrue(
                    single.services().list("acme").stream()
                            .anyMatch(s -> s.name().equals("edr")),
                    "the one connection is free again");
        } finally {
            emu().floodServiceLog("acme", "edr", 0);
        }
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        int before = emu().requests().size();
        ArraylakeNameException name = assertThrows(
                ArraylakeNameException.class,
                () -> admin.services().create("acme", new NewService("edr", false, "Prod_1", Map.of())));
        assertTrue(name.getMessage().contains("deployment name 'Prod_1'"), name.getMessage());
        assertThrows(ArraylakeNameException.class, () -> NewService.of("EDR", false));
        assertThrows(IllegalArgumentException.class, () -> new NewService("edr", false, null, Map.of("org", "x")));
        ArraylakeNameException id = assertThrows(
                ArraylakeNameException.class, () -> admin.services().logs("acme", "../x", null));
        assertTrue(id.getMessage().startsWith("Invalid service id '../x'"), id.getMessage());
        assertThrows(ArraylakeNameException.class, () -> admin.services().delete("acme", ".."));
        IllegalArgumentException timeout = assertThrows(
                IllegalArgumentException.class, () -> LogQuery.all().followed(601));
        assertTrue(timeout.getMessage().contains("followTimeout must be 1 to 600"), timeout.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogQuery.all().withTail(0));
        assertEquals(before, emu().requests().size(), "nothing was sent");

        ArraylakeValidationException type = assertThrows(
                ArraylakeValidationException.class, () -> admin.services().create("acme", NewService.of("ftp", false)));
        assertTrue(type.getMessage().contains("service_type"), type.getMessage());
        ArraylakeApiException taken = assertThrows(
                ArraylakeApiException.class, () -> admin.services().create("acme", NewService.of("edr", false)));
        assertInstanceOf(ArraylakeConflictException.class, taken);
        assertNull(emu().service("acme", "ftp").orElse(null));
    }

    private static ArraylakeClient oneConnection() {
        return ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri(emu().url())
                .token(ADMIN_TOKEN)
                .maxConnections(1)
                .requestTimeout(Duration.ofSeconds(10))
                .sleeper(ms -> {})
                .build());
    }
}
