package dev.cameltiledb.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.component.TileDBConstants;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * The audit pipeline's line: one JSON object per event, written by a serializer, so any asset name (quotes,
 * backslashes, line breaks) stays inside its string and cannot add a field. Both the YAML route and its Java twin
 * call it.
 */
public final class AuditLines {

    private AuditLines() {}

    /** {@code {"array": "<tiledb:// URI>", "event": {...}}} and a line break. */
    public static String line(@Header(TileDBConstants.ASSET_URI) String array, @Body ArrayActivityLog event)
            throws JsonProcessingException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("array", array);
        line.put("event", event);
        return TileDBJson.mapper().writeValueAsString(line) + "\n";
    }
}
