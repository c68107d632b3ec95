package dev.cameltiledb.emulator.classic;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.state.ArraySchemas;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * Registered UDFs and task graphs are arrays to TileDB Cloud, of file type {@code user_defined_function} and
 * {@code registered_task_graph}: the array browser lists them and array sharing decides who sees them, as the clients
 * expect. The engine keeps what they are (code, versions, nodes); this keeps their catalog entries in step, in the
 * route's transaction.
 */
final class RegisteredEntries {

    private final EmulatorState state;
    private final ObjectMapper mapper;
    private final String fileType;
    private final String kind;

    RegisteredEntries(EmulatorState state, String fileType, String kind) {
        this.state = state;
        this.mapper = new ObjectMapper();
        this.fileType = fileType;
        this.kind = kind;
    }

    /** Refuses a name the catalog holds already, before the engine registers anything. */
    void requireFree(String namespace, String name) {
        if (state.catalog().find(namespace, name) != null) {
            throw ApiFailure.conflict(kind + " " + namespace + "/" + name + " already exists");
        }
    }

    void add(String namespace, String name, String id, User user) {
        StoredArray entry = new StoredArray();
        entry.id = id;
        entry.namespace = namespace;
        entry.name = name;
        entry.fileType = fileType;
        entry.createdBy = user.username();
        entry.size = 0L;
        entry.uri =
                AssetStorage.place(state.accounts(), namespace, "arrays", name).uri();
        // the service stores them as arrays: their info carries an array type like any other's
        entry.schema = ArraySchemas.defaultFor(mapper, entry.uri);
        state.catalog().add(entry);
        state.activity().record(entry, "register", user.username());
    }

    void remove(String namespace, String name, User user) {
        StoredArray entry = find(namespace, name);
        if (entry != null) {
            state.activity().removeLogged(entry, "deregister", user.username());
        }
    }

    /** Grants {@code actions} to {@code namespace} (none: takes its grant away). */
    void share(String namespace, String name, String with, List<String> actions) {
        StoredArray entry = find(namespace, name);
        if (entry == null) {
            return;
        }
        if (actions == null || actions.isEmpty()) {
            entry.sharing.remove(with);
        } else {
            entry.sharing.put(with, List.copyOf(actions));
        }
        state.catalog().changed(entry);
    }

    StoredArray find(String namespace, String name) {
        StoredArray entry = state.catalog().find(namespace, name);
        return entry != null && fileType.equals(entry.fileType) ? entry : null;
    }
}
