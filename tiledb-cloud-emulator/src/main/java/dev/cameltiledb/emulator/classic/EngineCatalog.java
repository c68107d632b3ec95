package dev.cameltiledb.emulator.classic;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.emulator.data.ArrayCatalog;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * The emulator's catalog as the data plane engine asks it: each question in a short transaction of its own, as the
 * engine asks while an SQL statement or a UDF runs, outside any route's transaction. Only arrays that hold cells are
 * arrays to the engine; notebooks, files, registered UDFs and task graphs are not.
 */
final class EngineCatalog implements ArrayCatalog {

    private final EmulatorState state;

    EngineCatalog(EmulatorState state) {
        this.state = state;
    }

    @Override
    public Optional<ArrayEntry> find(String namespace, String name) {
        return state.transactions().read(() -> {
            StoredArray array = state.catalog().find(namespace, name);
            return array == null || array.fileType != null || array.schema == null
                    ? Optional.<ArrayEntry>empty()
                    : Optional.of(entry(array));
        });
    }

    /** An SQL result stored at an {@code output_uri} naming no array yet: registered as a new array of the namespace. */
    @Override
    public ArrayEntry create(String namespace, String name, JsonNode schema, String username) {
        return state.transactions().write(() -> {
            StoredArray array = new StoredArray();
            array.namespace = namespace;
            array.name = name;
            array.createdBy = username;
            array.schema = schema;
            array.size = 0L;
            array.hasData = true;
            array.uri = AssetStorage.place(state.accounts(), namespace, "arrays", name)
                    .uri();
            state.catalog().add(array);
            state.activity().record(array, "create", username);
            return entry(array);
        });
    }

    static ArrayEntry entry(StoredArray array) {
        return new ArrayEntry(array.id, array.namespace, array.name, array.schema);
    }
}
