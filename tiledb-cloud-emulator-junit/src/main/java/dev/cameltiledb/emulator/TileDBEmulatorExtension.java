package dev.cameltiledb.emulator;

import java.util.function.Consumer;

import dev.cameltiledb.testing.ServerPerClass;

/**
 * Runs one emulator on a free loopback port for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TileDBEmulatorExtension tiledb = new TileDBEmulatorExtension(b -> b.user("alice", "alice-key"));
 * ... tiledb.emulator().url() ...
 * }</pre>
 */
public final class TileDBEmulatorExtension extends ServerPerClass<TileDBEmulator> {

    public TileDBEmulatorExtension(Consumer<TileDBEmulator.Builder> configuration) {
        super(() -> {
            TileDBEmulator.Builder builder = TileDBEmulator.builder();
            configuration.accept(builder);
            return builder.build().start();
        });
    }

    public TileDBEmulator emulator() {
        return server();
    }
}
