package dev.cameltiledb.arraylake.emulator;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator per test class, on a free loopback port:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ArraylakeEmulatorExtension AL = new ArraylakeEmulatorExtension(b -> b.org("acme")
 *         .user("alice@example.com", "Alice", "Liddell").member("acme", "alice@example.com", "admin"));
 * ... AL.emulator().url() ...
 * }</pre>
 */
public final class ArraylakeEmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final Consumer<ArraylakeEmulator.Builder> setup;
    private ArraylakeEmulator emulator;

    public ArraylakeEmulatorExtension(Consumer<ArraylakeEmulator.Builder> setup) {
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ArraylakeEmulator.Builder builder = ArraylakeEmulator.builder();
        setup.accept(builder);
        emulator = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.stop();
            emulator = null;
        }
    }

    /** The running emulator; only between the class's first and last test. */
    public ArraylakeEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the Arraylake emulator runs around a test class: register the extension"
                    + " on a static field with @RegisterExtension");
        }
        return emulator;
    }
}
