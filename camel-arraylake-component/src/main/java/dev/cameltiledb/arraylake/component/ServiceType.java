package dev.cameltiledb.arraylake.component;

/** The protocol a compute service serves (the Python client's {@code protocol}, sent as {@code service_type}). */
public enum ServiceType {
    /** OPeNDAP 2. */
    dap2,
    /** OGC Environmental Data Retrieval. */
    edr,
    /** OGC Web Map Service. */
    wms,
    /** Map tiles. */
    tiles,
    /** Zarr over HTTP. */
    zarr,
    /** openEO. */
    openeo,
    /** SQL. */
    sql
}
