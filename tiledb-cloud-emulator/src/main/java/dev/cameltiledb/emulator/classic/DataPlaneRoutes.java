package dev.cameltiledb.emulator.classic;

import java.util.function.Supplier;

import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.data.ArrayCatalog;
import dev.cameltiledb.emulator.data.DataEngine;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.state.EmulatorState;

/**
 * The data plane as the classic service serves it: SQL, UDF and JSON query runs ({@link ComputeRoutes}), registered
 * UDFs ({@link UdfRoutes}), task graphs ({@link TaskGraphRoutes}) and the tasks they all leave ({@link TaskRoutes}),
 * and the Cap'n Proto query protocol that reads and writes cells ({@link QueryProtocolRoutes}), over the running
 * emulator's {@link DataEngine}.
 */
public final class DataPlaneRoutes {

    private final EmulatorState state;
    private final ArrayRoutes arrays;
    private final EngineCalls calls;

    public DataPlaneRoutes(EmulatorState state, ArrayRoutes arrays, Supplier<DataEngine> engine) {
        this.state = state;
        this.arrays = arrays;
        this.calls = new EngineCalls(state, engine);
    }

    /** The catalog the engine reads arrays from (and registers SQL results' new arrays in). */
    public static ArrayCatalog catalog(EmulatorState state) {
        return new EngineCatalog(state);
    }

    public void register(Router<Handler> router) {
        new ComputeRoutes(calls).register(router);
        new UdfRoutes(state, calls, arrays).register(router);
        new TaskGraphRoutes(state, calls).register(router);
        new TaskRoutes(state, arrays, calls).register(router);
        new QueryProtocolRoutes(state, calls).register(router);
    }
}
