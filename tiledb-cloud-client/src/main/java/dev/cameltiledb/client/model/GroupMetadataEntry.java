package dev.cameltiledb.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a group's metadata as TileDB stores it: a key, a TileDB datatype ({@code INT32}, {@code STRING_UTF8}...),
 * the number of values and the value as the writing client encoded it (libtiledb sends a string's bytes as a list of
 * numbers). In an update, {@code del: true} removes the key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupMetadataEntry(String key, String type, Long valueNum, JsonNode value, Boolean del) {

    /** An update entry that removes {@code key}. */
    public static GroupMetadataEntry deletion(String key) {
        return new GroupMetadataEntry(key, null, null, null, true);
    }
}
