package dev.cameltiledb.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cameltiledb.client.TileDBJson;
import dev.cameltiledb.client.model.ArrayActivityLog;
import org.apache.camel.Body;

/**
 * An activity event as one JSON object, the value of the Kafka fan-out's records: the service's field names
 * ({@code id}, {@code action}, {@code username}, {@code event_at} as ISO-8601 text, ...), written by the client's
 * serializer, the same object as an audit line's {@code event}. Both the YAML route and its Java twin call it.
 */
public final class ActivityJson {

    private ActivityJson() {}

    public static String event(@Body ArrayActivityLog event) throws JsonProcessingException {
        return TileDBJson.mapper().writeValueAsString(event);
    }
}
