/**
 * The TileDB side of the request path both API generations share, on top of {@code emulator-common}: the call a
 * route reads and answers ({@link HttpCall}, {@link Handler}), TileDB's error shape ({@link ApiFailure}, {@link
 * TileDBDialect}, {@link BodilessErrors}), authentication and the per-route transaction ({@link TileDBService}),
 * request bodies received in parts ({@link Upload}, {@link MultipartForm}), paging ({@link Pagination}) and the
 * rule for asset names ({@link AssetNames}).
 *
 * <p>Nothing here knows a route: {@code classic} and {@code workspace} depend on this package, never the reverse.
 */
package dev.cameltiledb.emulator.http;
