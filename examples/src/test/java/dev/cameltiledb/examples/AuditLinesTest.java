package dev.cameltiledb.examples;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.model.ArrayActivityLog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit line is written by a serializer: a hostile asset name stays a string and adds no field. */
class AuditLinesTest {

    @Test
    void aNameWithQuotesBackslashesAndLineBreaksStaysInsideItsString() throws Exception {
        String crafted = "tiledb://acme/x\",\"admin\":true,\"y\":\"\\\n";
        ArrayActivityLog event = new ArrayActivityLog(
                Instant.parse("2026-12-01T10:00:00Z"), "query_read", "mallory\"\n", 0L, 0L, null, "id-1", null, null);
        String line = AuditLines.line(crafted, event);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals(List.of("array", "event"), fieldNames(json), "no field added");
        assertEquals(crafted, json.path("array").asText());
        assertEquals("mallory\"\n", json.path("event").path("username").asText());
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
