package dev.cameltiledb.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.rest.JsonMappers;

/** The one JSON mapping the client uses: unknown fields are ignored, null fields are not sent. */
public final class TileDBJson {

    private static final ObjectMapper MAPPER = JsonMappers.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private TileDBJson() {}

    /** Shared and thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
