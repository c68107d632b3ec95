package dev.cameltiledb.arraylake.emulator;

import java.util.List;
import java.util.function.Consumer;

import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator per test class (as {@code ArraylakeEmulatorExtension}) that records every exchange of the test class and, after its last test, fails
 * the class if any request the code under test sent, or any answer the emulator gave, breaks our description of the
 * API ({@link ApiDescription}). The client's and component's tests use it, so the whole run is checked, not a script.
 */
public final class CheckedArraylakeEmulator extends ServerPerClass<ArraylakeEmulator> {

    public CheckedArraylakeEmulator(Consumer<ArraylakeEmulator.Builder> setup) {
        super(() -> {
            ArraylakeEmulator.Builder builder = ArraylakeEmulator.builder().recordExchanges();
            setup.accept(builder);
            return builder.build().start();
        });
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<String> violations;
        int exchanges;
        try {
            List<RecordedExchange> recorded = server().recordedExchanges();
            exchanges = recorded.size();
            violations = ApiDescription.violations(recorded);
        } finally {
            super.afterAll(context);
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
        return server();
    }
}
