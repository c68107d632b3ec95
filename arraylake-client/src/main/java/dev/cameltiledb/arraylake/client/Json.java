package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.cameltiledb.rest.JsonMappers;

/**
 * The one ObjectMapper of the client. Unknown fields are ignored because the service adds fields between client
 * releases; times without an offset are read as UTC because the service's credentials endpoints pass on naive
 * timestamps from cloud SDKs.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMappers.builder()
            .addModule(new SimpleModule().addDeserializer(OffsetDateTime.class, new LenientTime()))
            .build();

    private Json() {}

    private static final class LenientTime extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException noOffset) {
                try {
                    return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    return (OffsetDateTime)
                            ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an ISO-8601 time");
                }
            }
        }
    }
}
