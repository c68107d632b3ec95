package dev.cameltiledb.emulator.data.task;

import java.util.List;

/**
 * A task as the engine keeps it: the {@link ArrayTask} the routes answer, the arrays it touched ({@code tiledb://}
 * URIs, for the {@code array} filter and the route's {@code array_metadata}), and whether its result was kept.
 */
public record TaskRecord(ArrayTask task, List<String> arrays, boolean resultStored) {

    public TaskRecord {
        arrays = arrays == null ? List.of() : List.copyOf(arrays);
    }
}
