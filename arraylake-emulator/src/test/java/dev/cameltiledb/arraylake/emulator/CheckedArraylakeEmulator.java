package dev.cameltiledb.arraylake.emulator;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link ArraylakeEmulatorExtension} that records every exchange of the test class and, after its last test, fails
 * the class if any request the code under test sent, or any answer the emulator gave, breaks our description of the
 * API ({@link ApiDescription}). The client's and component's tests use it, so the whole run is checked, not a script.
 */
public final class CheckedArraylakeEmulator implements BeforeAllCallback, AfterAllCallback {

    private final ArraylakeEmulatorExtension emulator;

    public CheckedArraylakeEmulator(Consumer<ArraylakeEmulator.Builder> setup) {
        this.emulator = new ArraylakeEmulatorExtension(b -> setup.accept(b.recordExchanges()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> violations;
        int exchanges;
        try {
            List<RecordedExchange> recorded = emulator.emulator().recordedExchanges();
            exchanges = recorded.size();
            violations = ApiDescription.violations(recorded);
        } finally {
            emulator.afterAll(context);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    violations.size() + " of " + exchanges + " exchanges of " + context.getDisplayName()
                            + " break openapi/arraylake-api.yaml:\n" + String.join("\n", violations));
        }
        System.out.printf(
                "%s: %d exchanges checked against openapi/arraylake-api.yaml, 0 violations%n",
                context.getDisplayName(), exchanges);
    }

    /** The running emulator; only between the class's first and last test. */
    public ArraylakeEmulator emulator() {
        return emulator.emulator();
    }
}
