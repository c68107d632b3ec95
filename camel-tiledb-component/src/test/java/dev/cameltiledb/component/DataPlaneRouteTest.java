package dev.cameltiledb.component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the data-plane route tests share: their namespace on the suite's emulator, seeded once with its sales array
 * ({@link DataPlaneSeed}), and sending a message to a route and reading how it ended. Each class has a namespace of its
 * own, and the routes of its {@link #createRouteBuilder()}.
 */
abstract class DataPlaneRouteTest extends CamelTestSupport {

    private static final Set<String> SEEDED = new HashSet<>();

    /** The organization the class works in. */
    abstract String namespace();

    @BeforeEach
    void seedTheNamespace() {
        seedOnce(namespace());
    }

    /** Seeds {@code namespace} with its sales array, the first time it is asked. */
    static void seedOnce(String namespace) {
        synchronized (SEEDED) {
            if (SEEDED.add(namespace)) {
                DataPlaneSeed.namespaceWithSales(SuiteEmulator.get(), namespace);
            }
        }
    }

    Exchange send(String endpoint, Object body, Map<String, Object> headers) {
        return Operations.send(template, endpoint, body, headers);
    }

    /** The message of the error the exchange failed with. */
    String refused(String endpoint, Object body, Map<String, Object> headers) {
        return Operations.refusal(send(endpoint, body, headers));
    }

    static Object ok(Exchange reply) {
        return Operations.ok(reply);
    }
}
