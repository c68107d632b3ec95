/**
 * The classic TileDB Cloud REST API: the {@code /v1} routes and, in the same classes, their {@code /v2} siblings
 * (arrays, groups and notebooks have both; one {@code *Routes} class serves an area in both versions, so the package
 * is named for the API generation, not for a version number), with the answers they render ({@code *Answers}).
 *
 * <p>These routes serve both modes of the emulator: on a classic server a namespace is one segment
 * ({@code /v1/arrays/alice/sales}), on a workspace server two, {@code workspace/teamspace}
 * ({@code /v1/arrays/acme/research/sales}). {@link dev.cameltiledb.emulator.TileDBEmulator} registers them.
 */
package dev.cameltiledb.emulator.classic;
