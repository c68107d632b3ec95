package dev.cameltiledb.component;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, item 15: a bad option value fails at route start with a message naming the option and the value. */
class OptionValidationTest {

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "connectTimeout=abc; connectTimeout; abc",
                "connectTimeout=0; connectTimeout; 0",
                "responseTimeout=-5; responseTimeout; -5",
                "page=abc; page; abc",
                "page=0; page; 0",
                "perPage=-1; perPage; -1",
                "maxRetries=-1; maxRetries; -1",
                "maxResults=-1; maxResults; -1",
                "maxConnections=0; maxConnections; 0",
                "batchSize=0; batchSize; 0",
                "batchSize=many; batchSize; many",
                "maxQuietInterval=soon; maxQuietInterval; soon"
            })
    void aBadValueNamesTheOptionAndTheValueAtRouteStart(String option, String name, String value) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(SuiteEmulator.arrays("operation=list&namespace=acme&" + option));
                }
            });
            Exception e = assertThrows(Exception.class, camel::start);
            String all = messages(e);
            assertTrue(all.contains(name) && all.contains(value), all);
            assertFalse(all.contains("must be positive, was 0") && !value.equals("0"), all);
            assertFalse(all.contains(SuiteEmulator.ALICE_TOKEN), "no key in the message");
        }
    }

    @org.junit.jupiter.api.Test
    void aMalformedHostNamesTheOption() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in")
                            .to("tiledb:arrays?operation=list&namespace=acme&apiKey=k&host=http://exa%20mple.com");
                }
            });
            String all = messages(assertThrows(Exception.class, camel::start));
            assertTrue(
                    all.contains("The host option (or TILEDB_REST_HOST) is not a URL of a host: 'http://exa mple.com'"),
                    all);
        }
    }

    @org.junit.jupiter.api.Test
    void aDurationOptionTakesADuration() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(SuiteEmulator.uri("activity", "namespace=acme&maxQuietInterval=6h&startScheduler=false"))
                            .routeId("durations")
                            .to("mock:x");
                }
            });
            camel.start();
            TileDBEndpoint endpoint =
                    (TileDBEndpoint) camel.getRoute("durations").getEndpoint();
            org.junit.jupiter.api.Assertions.assertEquals(
                    21_600_000L, endpoint.getConfiguration().getConsumer().getMaxQuietInterval());
        }
    }
}
