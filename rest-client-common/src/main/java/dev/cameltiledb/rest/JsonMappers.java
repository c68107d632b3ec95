package dev.cameltiledb.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mapping both clients start from. */
public final class JsonMappers {

    private JsonMappers() {}

    /**
     * Java time types as ISO-8601 text, and unknown fields ignored: services add fields between client releases. Each
     * client adds its own rules (what it leaves out when writing, how lenient its times are) and builds. Instants in
     * the services' own form are read without {@code DateTimeFormatter} ({@link IsoInstantDeserializer}).
     */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // added after JavaTimeModule, so it takes Instant over; anything else about times stays the module's
                .addModule(
                        new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
