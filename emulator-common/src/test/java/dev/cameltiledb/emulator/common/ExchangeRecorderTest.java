package dev.cameltiledb.emulator.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExchangeRecorderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);

    private static WireExchange exchange(String path, int status) {
        return new WireExchange("GET", path, Map.of(), Map.of(), null, status, Map.of(), null);
    }

    @Test
    void theWindowKeepsTheLatestNumberedAndTimedNewestFirst() {
        ExchangeRecorder<String> recorder = new ExchangeRecorder<>(WireExchange::rawPath, CLOCK, false, 2);
        assertTrue(recorder.active());
        recorder.record(exchange("/a", 200));
        recorder.record(exchange("/b", 404));
        recorder.record(exchange("/c", 201));
        List<ExchangeRecorder.Recorded<String>> latest = recorder.latest();
        assertEquals(
                List.of("/c", "/b"),
                latest.stream().map(ExchangeRecorder.Recorded::path).toList());
        assertEquals(3, latest.get(0).number());
        assertEquals(404, latest.get(1).status());
        assertEquals(CLOCK.instant(), latest.get(0).at());
        assertEquals(List.of(), recorder.recorded(), "a window alone keeps nothing for a test's recording");
    }

    @Test
    void aTestsRecordingKeepsEveryExchangeAndNoWindow() {
        ExchangeRecorder<String> recorder = new ExchangeRecorder<>(WireExchange::rawPath);
        recorder.record(exchange("/a", 200));
        recorder.record(exchange("/b", 200));
        assertEquals(List.of("/a", "/b"), recorder.recorded());
        assertEquals(List.of(), recorder.latest());
        assertFalse(new ExchangeRecorder<>(WireExchange::rawPath, CLOCK, false, 0).active());
    }

    @Test
    void theWindowDropsTheOldestOnceTheirBodiesPassItsByteBound() {
        ExchangeRecorder<String> recorder = new ExchangeRecorder<>(WireExchange::rawPath, CLOCK, false, 200);
        byte[] upload = new byte[(int) (ExchangeRecorder.WINDOW_BYTES / 3)];
        for (String path : List.of("/a", "/b", "/c", "/d")) {
            recorder.record(new WireExchange("POST", path, Map.of(), Map.of(), upload, 200, Map.of(), new byte[16]));
        }
        assertEquals(
                List.of("/d", "/c"),
                recorder.latest().stream().map(ExchangeRecorder.Recorded::path).toList(),
                "three such bodies and their answers pass the bound: two stay");
        byte[] huge = new byte[(int) ExchangeRecorder.WINDOW_BYTES + 1];
        recorder.record(new WireExchange("POST", "/e", Map.of(), Map.of(), huge, 200, Map.of(), null));
        assertEquals(
                List.of("/e"),
                recorder.latest().stream().map(ExchangeRecorder.Recorded::path).toList(),
                "the newest stays, whatever its size");
    }
}
