package dev.cameltiledb.emulator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.state.EmulatorState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fresh emulator per test that records every exchange, and after the test checks each of them, request and answer,
 * against the official specs: a test passes only with zero violations (without {@code ../shared/spec}, outside CI, the
 * test's own assertions still run and this check is left out with a notice). Users alice, bob and carol; organization acme
 * (alice owner, bob read_only); alice's seeded array {@code data} holds data, {@code data} of acme too. The clock
 * stands still unless a test moves it ({@link #advance}).
 */
abstract class SpecCheckedHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A clock that moves only when told to. */
    static final class SteppedClock extends Clock {
        private volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    final SteppedClock clock = new SteppedClock();
    TileDBEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = TileDBEmulator.builder()
                .clock(clock)
                .recordExchanges()
                .user("alice", "alice-key")
                .user("bob", "bob-key")
                .user("carol", "carol-key")
                .organization("acme", Map.of("alice", "owner", "bob", "read_only"))
                .array("alice", "data", List.of("t"), Map.of())
                .array("acme", "data", List.of(), Map.of("carol", List.of("read")))
                .array("carol", "open", List.of(), Map.of(EmulatorState.PUBLIC, List.of("read")))
                .build()
                .start();
    }

    @AfterEach
    void everyExchangeConformsToTheOfficialSpec() throws Exception {
        try {
            List<RecordedExchange> exchanges = emulator.recordedExchanges();
            assertEquals(List.of(), OfficialSpec.violations(exchanges), "violations of the official spec");
        } finally {
            emulator.stop();
        }
    }

    void advance(Duration by) {
        clock.advance(by);
    }

    HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return EmulatorRequests.send(emulator, method, path, key, body);
    }

    JsonNode json(String method, String path, String key, String body, int status) throws Exception {
        return EmulatorRequests.json(emulator, method, path, key, body, status);
    }

    /** Like {@link #fails}, for a request that breaks the spec on purpose (its findings are not violations). */
    JsonNode refused(String method, String path, String key, String body, int status) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header(OfficialSpec.INVALID_ON_PURPOSE, "true")
                .header("X-TILEDB-REST-API-KEY", key);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        JsonNode error = JSON.readTree(r.body());
        assertEquals(status * 10L, error.get("code").asLong(), error.toString());
        return error;
    }

    JsonNode get(String path, String key) throws Exception {
        return json("GET", path, key, null, 200);
    }

    /** Sends and checks the status; an error answer must carry the spec's {@code Error} with a code and a message. */
    JsonNode fails(String method, String path, String key, String body, int status) throws Exception {
        JsonNode error = json(method, path, key, body, status);
        assertEquals(status * 10L, error.get("code").asLong(), error.toString());
        assertEquals(true, error.get("message").isTextual(), error.toString());
        return error;
    }

    /** A {@code multipart/form-data} request: {@code fields} as text parts, then {@code input_file} with the bytes. */
    HttpResponse<String> multipart(String path, String key, Map<String, String> fields, String filename, byte[] file)
            throws Exception {
        String boundary = "----emulator-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_file\"; filename=\""
                            + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-TILEDB-REST-API-KEY", key)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
