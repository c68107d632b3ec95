/**
 * The JSON models of the workspace platform's {@code /v4} API (TileDB-Server 3.x, Python {@code tiledb.client}),
 * with the field names of TileDB's generated clients. Answers wrap a single object as {@code {"data": ...}}
 * ({@link Data}) and a list as {@code {"data": [...], "pagination_metadata": ...}} ({@link DataPage}).
 */
package dev.cameltiledb.client.model.workspace;
