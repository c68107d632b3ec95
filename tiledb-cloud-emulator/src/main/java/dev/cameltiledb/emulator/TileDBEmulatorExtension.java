package dev.cameltiledb.emulator;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one emulator on a free loopback port for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TileDBEmulatorExtension tiledb = new TileDBEmulatorExtension(b -> b.user("alice", "alice-key"));
 * ... tiledb.emulator().url() ...
 * }</pre>
 */
public final class TileDBEmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final Consumer<TileDBEmulator.Builder> configuration;
    private TileDBEmulator emulator;

    public TileDBEmulatorExtension(Consumer<TileDBEmulator.Builder> configuration) {
        this.configuration = configuration;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TileDBEmulator.Builder builder = TileDBEmulator.builder();
        configuration.accept(builder);
        emulator = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.stop();
        }
    }

    public TileDBEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "the emulator starts before all tests; register the extension as a static field");
        }
        return emulator;
    }
}
