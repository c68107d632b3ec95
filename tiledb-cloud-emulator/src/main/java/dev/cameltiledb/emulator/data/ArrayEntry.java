package dev.cameltiledb.emulator.data;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An array as the emulator's catalog knows it: its stable id (which survives a rename), where it is registered, and
 * its schema as the spec's {@code ArraySchema} JSON ({@code arrayType}, {@code domain.dimensions}, {@code attributes},
 * {@code cellOrder}, {@code tileOrder}, {@code allowsDuplicates}).
 */
public record ArrayEntry(String id, String namespace, String name, JsonNode schema) {

    public ArrayEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }

    /** The {@code tiledb://namespace/name} URI, also the array's table name in SQL. */
    public String uri() {
        return ArrayUri.of(namespace, name);
    }
}
