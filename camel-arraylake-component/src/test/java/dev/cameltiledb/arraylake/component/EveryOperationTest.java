package dev.cameltiledb.arraylake.component;

import java.util.ArrayList;
import java.util.List;

import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation each resource offers reaches a call: sent with no options but the org, none ends in "offers it but
 * has no handler for it" (it answers, or names what it needs).
 */
class EveryOperationTest {

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    @Test
    void everyOfferedOperationRuns() throws Exception {
        List<String> unhandled = new ArrayList<>();
        try (CamelContext camel = Fixture.camel(AL.emulator(), Fixture.ADMIN_TOKEN)) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            for (ArraylakeResource resource : ArraylakeResource.values()) {
                for (ArraylakeOperation operation : ArraylakeOperation.of(resource)) {
                    Exchange reply =
                            template.request("arraylake:" + resource + "?org=acme&operation=" + operation, e -> {});
                    Exception e = reply.getException();
                    if (e instanceof IllegalStateException && e.getMessage().contains("has no handler for it")) {
                        unhandled.add(resource + " " + operation);
                    }
                }
            }
        }
        assertEquals(List.of(), unhandled);
    }
}
