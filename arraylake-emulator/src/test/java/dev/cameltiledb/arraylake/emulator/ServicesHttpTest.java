package dev.cameltiledb.arraylake.emulator;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.emulator.common.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compute services: the ServiceConfig as the service checks and answers it, names, roles, and the log: selected by
 * tail, since and until, followed as lines come, flooded without end, and ended by disabling the service or by a
 * reader that goes away.
 */
@Timeout(60)
class ServicesHttpTest {

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(
            b -> Fixtures.configure(b).service("acme", "wms", null, true).service("acme", "dap2", "dap-follow", false));

    private static final String SERVICES = "/compute/orgs/acme/services";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    private static Api admin() {
        return Fixtures.as(emu(), Fixtures.ADMIN);
    }

    @Test
    void enablingFillsTheModelsDefaultsAndNamesTheServiceAfterItsDeploymentNameOrType() {
        Api.Reply enabled = admin().post(SERVICES, """
                {"service_type": "edr", "org": "acme", "is_public": false, "max_replicas": 4, "not_a_field": 1}
                """);
        assertEquals(201, enabled.status(), enabled.raw().body());
        assertEquals(
                "Enabled service edr://acme/edr", enabled.body().path("message").asText());

        JsonNode edr = admin().get(SERVICES + "/edr").body();
        assertEquals("edr", edr.path("name").asText());
        assertEquals("available", edr.path("status").asText());
        assertEquals(1, edr.path("ready_replicas").asInt(), "min_replicas' default, 1");
        JsonNode config = edr.path("config");
        assertEquals(4, config.path("max_replicas").asInt());
        assertEquals("INFO", config.path("log_level").asText());
        assertFalse(config.path("use_dask").asBoolean(true));
        assertTrue(
                config.has("deployment_name") && config.path("deployment_name").isNull());
        assertFalse(config.has("not_a_field"), "pydantic drops what the model lacks");

        List<String> names = admin().get(SERVICES).body().findValuesAsText("name");
        assertEquals("wms", names.get(0), "in the order they were enabled: " + names);
        assertEquals("edr", names.get(names.size() - 1), "in the order they were enabled: " + names);
        assertEquals(409, admin().post(SERVICES, """
                        {"service_type": "edr", "org": "acme", "is_public": true}
                        """).status(), "the name edr is taken");
    }

    @Test
    void badConfigsAre422NamingEachFieldAndOnlyAdminsEnableOrDisable() {
        Api.Reply bad = admin().post(SERVICES, """
                {"service_type": "ftp", "org": "globex", "deployment_name": "Bad_Name", "min_replicas": "x"}
                """);
        assertEquals(422, bad.status());
        List<String> fields = bad.body().path("detail").findValues("loc").stream()
                .map(loc -> loc.path(1).asText())
                .toList();
        assertEquals(List.of("service_type", "org", "is_public", "deployment_name", "min_replicas"), fields);
        assertTrue(bad.detail().contains("deployment_name must be lowercase alphanumeric with dashes"), bad.detail());

        Api member = Fixtures.as(emu(), Fixtures.MEMBER);
        assertEquals(
                403,
                member.post(SERVICES, "{\"service_type\": \"zarr\", \"org\": \"acme\", \"is_public\": true}")
                        .status());
        assertEquals(403, member.delete(SERVICES + "/wms").status());
        assertEquals(200, member.get(SERVICES + "/wms").status(), "members read");
        assertEquals(403, Fixtures.as(emu(), Fixtures.OUTSIDER).get(SERVICES).status());
        assertTrue(emu().service("acme", "wms").isPresent());
    }

    @Test
    void aLogIsSelectedBySinceUntilAndTail() {
        enable("sql", "window");
        Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            emu().appendServiceLog("acme", "window", t0.plusSeconds(i), "line " + i);
        }
        String window = admin().get(SERVICES + "/window/logs?since=2030-01-01T00:00:01%2B00:00"
                        + "&until=2030-01-01T00:00:03Z&follow_timeout=30")
                .text();
        assertEquals(List.of("line 1", "line 2", "line 3"), messages(window));
        assertTrue(window.startsWith("2030-01-01T00:00:01Z stdout F line 1\n"), "the runtime's format: " + window);
        assertEquals(
                List.of("line 3", "line 4"),
                messages(admin().get(SERVICES + "/window/logs?tail=2").text()));
        String whole = admin().get(SERVICES + "/window/logs").text();
        assertEquals(9, whole.lines().count(), "4 startup lines and 5 written");
        assertTrue(whole.contains("stderr F INFO:     Uvicorn running on http://0.0.0.0:8080"), whole);
        assertEquals(422, admin().get(SERVICES + "/window/logs?tail=0").status());
        assertEquals(422, admin().get(SERVICES + "/window/logs?until=soon").status());
        assertEquals(404, admin().get(SERVICES + "/nothing/logs").status());
    }

    @Test
    void aFollowedLogSendsNewLinesAsTheyComeAndEndsWhenTheServiceIsDisabled() throws Exception {
        int before = emu().openLogStreams();
        try (BufferedReader log = follow("dap-follow", 600)) {
            assertEquals(before + 1, emu().openLogStreams());
            for (int i = 0; i < 4; i++) {
                assertTrue(log.readLine().contains(" stderr F INFO:"), "the startup lines first");
            }
            emu().appendServiceLog("acme", "dap-follow", "GET /dap/acme/climate 200");
            assertTrue(log.readLine().endsWith(" stdout F GET /dap/acme/climate 200"));
            emu().appendServiceLog("acme", "dap-follow", "GET /dap/acme/weather 200");
            assertTrue(log.readLine().endsWith("GET /dap/acme/weather 200"));

            assertEquals(200, admin().delete(SERVICES + "/dap-follow").status());
            assertNull(log.readLine(), "a disabled service's log ends");
        }
        assertEquals(before, emu().openLogStreams(), "its answer ended");
        assertTrue(emu().service("acme", "dap-follow").isEmpty());
    }

    @Test
    void aFollowedLogEndsAfterItsFollowTimeout() throws Exception {
        enable("tiles", "short");
        try (BufferedReader log = follow("short", 1)) {
            assertEquals(4, log.lines().count(), "the startup lines, then the end after a second");
        }
    }

    @Test
    void aFloodedLogIsMadeAsItIsSentAndAReaderThatGoesAwayEndsIt() throws Exception {
        enable("openeo", "busy");
        emu().floodServiceLog("acme", "busy", 100_000);
        try (BufferedReader log = follow("busy", 600)) {
            long lines = 0;
            for (String line = log.readLine(); !line.contains("edr/request/99999 "); line = log.readLine()) {
                lines++;
            }
            assertEquals(4 + 99_999, lines, "the startup lines, then the generated ones in order");
            emu().appendServiceLog("acme", "busy", "after the flood");
            assertTrue(log.readLine().endsWith("after the flood"));
        }

        emu().floodServiceLog("acme", "busy", Long.MAX_VALUE);
        int idle = emu().openLogStreams(); // a follower waiting for lines notices its reader left when it next writes
        InputStream endless = followStream("busy", 600);
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        while (read < 32L << 20) {
            read += Math.max(0, endless.read(buffer));
        }
        assertEquals(idle + 1, emu().openLogStreams());
        endless.close();
        Await.until(() -> emu().openLogStreams() == idle, "the emulator to notice the reader left");
        assertEquals(
                5,
                emu().service("acme", "busy").orElseThrow().log().size(),
                "4 startup lines, 1 written: none generated");
    }

    @Test
    void seedsDeclareServices() {
        ArraylakeEmulator seeded = ArraylakeEmulator.builder().seed("""
                        {"orgs": [{"name": "acme", "services": [
                          {"service_type": "edr", "deployment_name": "edr-prod", "is_public": true},
                          {"service_type": "wms"}]}]}
                        """).build();
        assertTrue(seeded.service("acme", "edr-prod").orElseThrow().isPublic());
        assertEquals("wms", seeded.service("acme", "wms").orElseThrow().serviceType());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> ArraylakeEmulator.builder()
                        .org("acme")
                        .service("acme", "ftp", null, false)
                        .build());
        assertTrue(bad.getMessage().contains("service_type"), bad.getMessage());
    }

    private static void enable(String type, String name) {
        Api.Reply reply = admin().post(
                        SERVICES,
                        "{\"service_type\": \"" + type + "\", \"org\": \"acme\", \"is_public\": false,"
                                + " \"deployment_name\": \"" + name + "\"}");
        assertEquals(201, reply.status(), reply.raw().body());
    }

    private static BufferedReader follow(String service, int timeoutSeconds) throws Exception {
        return new BufferedReader(new InputStreamReader(followStream(service, timeoutSeconds), StandardCharsets.UTF_8));
    }

    /** A followed log, open once its headers came: lines the service writes from then on reach it. */
    private static InputStream followStream(String service, int timeoutSeconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        emu().url() + SERVICES + "/" + service + "/logs?follow=true&follow_timeout=" + timeoutSeconds))
                .header(
                        "Authorization",
                        "Bearer " + emu().userTokens(Fixtures.ADMIN).idToken())
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(
                "text/plain; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        return response.body();
    }

    /** The messages of log lines ({@code time stream F message}). */
    private static List<String> messages(String log) {
        return log.lines().map(line -> line.split(" ", 4)[3]).toList();
    }
}
