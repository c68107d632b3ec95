package dev.cameltiledb.emulator.data.task;

/** The spec's {@code ArrayTaskType}: SQL, UDF (over arrays), QUERY (a JSON query), GENERIC_UDF, BATCH_UDF (a graph's). */
public enum TaskType {
    SQL,
    UDF,
    QUERY,
    GENERIC_UDF,
    BATCH_UDF,
    CLIENT_COMPUTATION
}
