/**
 * The TileDB emulator's public API, what users and the tests of the other modules touch: {@link
 * dev.cameltiledb.emulator.TileDBEmulator} and its builder, the standalone {@link
 * dev.cameltiledb.emulator.EmulatorCommandLine}, the seeds ({@link dev.cameltiledb.emulator.Seed} with {@link
 * dev.cameltiledb.emulator.User}, {@link dev.cameltiledb.emulator.Organization} and {@link
 * dev.cameltiledb.emulator.StorageLocation}), what tests inspect ({@link dev.cameltiledb.emulator.ArraySnapshot},
 * {@link dev.cameltiledb.emulator.GroupSnapshot}, {@link dev.cameltiledb.emulator.RecordedExchange}, {@link
 * dev.cameltiledb.emulator.RequestLine}) and the faults they inject ({@link dev.cameltiledb.emulator.FaultInjector}).
 *
 * <p>The serving lives in the packages below, by platform generation: {@code classic} (the v1 and v2 API),
 * {@code workspace} (the workspace platform's {@code /v4} API), {@code http} (the TileDB dialect of the request path
 * both share) and {@code state} (what the emulator holds). Their classes are public only where another package of
 * the emulator needs them; they are not an API.
 */
package dev.cameltiledb.emulator;
