package dev.cameltiledb.component;

import dev.cameltiledb.client.model.ResultFormat;

/**
 * The format the service answers SQL and UDF runs in (the spec's {@code ResultFormat}), as the resultFormat option. The
 * spec's {@code native}, which the service deprecates for {@code python_pickle}, is left out: it is a Java keyword.
 */
public enum TaskResultFormat {
    /** JSON: parsed into rows or a value. */
    json,
    /** An Arrow IPC stream, handed over unread. */
    arrow,
    /** The raw bytes a UDF returned. */
    bytes,
    /** TileDB's JSON encoding of a UDF's value. */
    tiledb_json,
    /** A Python pickle of a UDF's value. */
    python_pickle,
    /** R's serialisation of an R UDF's value. */
    r_serialization;

    /** The client's format of the same name. */
    public ResultFormat toClient() {
        return ResultFormat.of(name());
    }
}
