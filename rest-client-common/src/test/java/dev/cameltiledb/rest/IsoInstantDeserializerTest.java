package dev.cameltiledb.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Instants read by the mappers both clients build: the services' form directly, every other form as before. */
class IsoInstantDeserializerTest {

    private static final ObjectMapper MAPPER = JsonMappers.builder().build();

    record Event(Instant at) {}

    record Formatted(
            @JsonFormat(pattern = "yyyy/MM/dd HH:mm", timezone = "UTC")
            Instant at) {}

    private static Instant read(String json) throws Exception {
        return MAPPER.readValue("{\"at\": " + json + "}", Event.class).at();
    }

    @Test
    void theServicesFormIsReadDirectlyToTheNanosecond() {
        for (String text : List.of(
                "2026-12-07T10:40:47Z",
                "2026-12-07T10:40:47.1Z",
                "2026-12-07T10:40:47.123Z",
                "2026-12-07T10:40:47.123456Z",
                "2026-12-07T10:40:47.123456789Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z",
                "2024-02-29T23:59:59Z",
                "0001-01-01T00:00:00Z")) {
            assertEquals(Instant.parse(text), IsoInstantDeserializer.parse(text), text);
        }
    }

    @Test
    void everyOtherFormIsLeftToTheStandardDeserializer() {
        for (String text : List.of(
                "2026-12-07T10:40:47+01:00",
                "2026-12-07t10:40:47z",
                "2026-12-07T10:40Z",
                "2026-12-07T10:40:47.Z",
                "2026-12-07T10:40:47.1234567890Z",
                "2026-12-07T24:00:00Z",
                "2026-12-07T10:60:00Z",
                "2026-12-07T10:40:60Z",
                "2026-02-30T10:40:47Z",
                "2026-13-07T10:40:47Z",
                "+12026-12-07T10:40:47Z",
                "2026-12-07 10:40:47Z",
                "2026-1a-07T10:40:47Z")) {
            assertNull(IsoInstantDeserializer.parse(text), text);
        }
    }

    @Test
    void theMapperReadsEveryFormItReadBefore() throws Exception {
        assertEquals(Instant.parse("2026-12-07T10:40:47.5Z"), read("\"2026-12-07T10:40:47.5Z\""));
        assertEquals(Instant.parse("2026-12-07T09:40:47Z"), read("\"2026-12-07T10:40:47+01:00\""), "an offset");
        assertEquals(Instant.parse("2026-12-07T10:40:47Z"), read("\"2026-12-07t10:40:47z\""), "lower case");
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), read("1700000000.25"), "epoch seconds");
        assertNull(read("null"));
        assertThrows(InvalidFormatException.class, () -> read("\"2026-02-30T10:40:47Z\""), "no such day");
    }

    @Test
    void aPropertyWithAFormatOfItsOwnKeepsIt() throws Exception {
        assertEquals(
                Instant.parse("2026-12-07T10:40:00Z"),
                MAPPER.readValue("{\"at\": \"2026/12/07 10:40\"}", Formatted.class)
                        .at());
    }
}
