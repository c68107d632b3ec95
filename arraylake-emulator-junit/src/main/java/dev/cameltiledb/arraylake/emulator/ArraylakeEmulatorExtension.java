package dev.cameltiledb.arraylake.emulator;

import java.util.function.Consumer;

import dev.cameltiledb.testing.ServerPerClass;

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
public final class ArraylakeEmulatorExtension extends ServerPerClass<ArraylakeEmulator> {

    public ArraylakeEmulatorExtension(Consumer<ArraylakeEmulator.Builder> setup) {
        super(() -> {
            ArraylakeEmulator.Builder builder = ArraylakeEmulator.builder();
            setup.accept(builder);
            return builder.build().start();
        });
    }

    public ArraylakeEmulator emulator() {
        return server();
    }
}
