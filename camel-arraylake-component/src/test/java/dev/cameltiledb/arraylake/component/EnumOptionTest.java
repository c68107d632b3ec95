package dev.cameltiledb.arraylake.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 23: {@code operation=nope} in a URI fails at route start with the operations there are, as the header
 * form says them, rather than Camel's "Enum class ... does not have any constant".
 */
class EnumOptionTest {

    private static String routeStartFailure(String uri) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                }
            });
            StringBuilder all = new StringBuilder();
            for (Throwable t = assertThrows(Exception.class, camel::start); t != null; t = t.getCause()) {
                all.append(t.getMessage()).append(" | ");
            }
            return all.toString();
        }
    }

    @Test
    void anOperationThatIsNoneNamesTheOnesThereAre() throws Exception {
        String all = routeStartFailure("arraylake:repos?operation=nope&token=ema_enum0000000000000000000000000000");
        assertTrue(
                all.contains("The operation option (header CamelArraylakeOperation) must be one of [list, get,"), all);
        assertTrue(all.contains("], was 'nope'"), all);
        assertFalse(all.contains("does not have any constant"), all);
        assertFalse(all.contains("ema_enum0000000000000000000000000000"), "no token in the message");
    }

    @Test
    void anOperationInAnotherCaseIsStillOne() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("arraylake:repos?operation=LIST&org=acme&token=ema_x");
                }
            });
            camel.start();
            ArraylakeEndpoint endpoint = camel.getEndpoints().stream()
                    .filter(ArraylakeEndpoint.class::isInstance)
                    .map(ArraylakeEndpoint.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertEquals(ArraylakeOperation.list, endpoint.getConfiguration().getOperation());
        }
    }
}
