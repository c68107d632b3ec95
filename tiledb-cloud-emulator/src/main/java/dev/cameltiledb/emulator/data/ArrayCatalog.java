package dev.cameltiledb.emulator.data;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the engine learns which arrays exist: the emulator's catalog (its routes register, rename and delete arrays;
 * the engine follows). The engine asks for an array each time a call names one and keeps its cells under the array's
 * id, so a renamed array keeps its cells and an array deleted and created again under the same name starts empty.
 * Implementations must not call back into the engine.
 */
public interface ArrayCatalog {

    /** The array registered as {@code namespace/name}, if there is one. */
    Optional<ArrayEntry> find(String namespace, String name);

    /**
     * Registers a new array (an SQL result stored at an {@code output_uri} that names no array yet), owned by
     * {@code namespace} and created by {@code username}.
     */
    ArrayEntry create(String namespace, String name, JsonNode schema, String username);
}
