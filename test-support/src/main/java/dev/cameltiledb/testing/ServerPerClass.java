package dev.cameltiledb.testing;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server started before the first test of a class and closed after its last: register it on a static field with
 * {@code @RegisterExtension}. Both emulators' JUnit 5 extensions are this with their builder; the emulators' own
 * tests use it directly, as they cannot depend on the extension artifacts built on them.
 *
 * @param <T> the server
 */
public class ServerPerClass<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<T> start;
    private T server;

    public ServerPerClass(Supplier<T> start) {
        this.start = start;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = start.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            T started = server;
            server = null;
            started.close();
        }
    }

    /** The running server; fails outside the test class's lifetime, which a non-static field would be. */
    public T server() {
        if (server == null) {
            throw new IllegalStateException(
                    "the server runs around a test class: register the extension on a static field with"
                            + " @RegisterExtension");
        }
        return server;
    }
}
