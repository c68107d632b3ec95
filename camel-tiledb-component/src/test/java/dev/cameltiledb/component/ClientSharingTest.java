package dev.cameltiledb.component;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Endpoints with the same connection settings share one HttpClient, which closes with the last of them. */
class ClientSharingTest extends CamelTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").routeId("a").to(SuiteEmulator.arrays("operation=listAll"));
                from("direct:b").routeId("b").to(SuiteEmulator.arrays("operation=lastAccessed"));
                from("direct:c").routeId("c").to(SuiteEmulator.arrays("operation=listAll&maxConnections=5"));
            }
        };
    }

    @Test
    void oneClientPerDistinctSettingsClosedWithTheLastEndpoint() throws Exception {
        TileDBComponent component = context.getComponent("tiledb", TileDBComponent.class);
        assertEquals(2, component.clients().openClients(), "a and b share one client; c has its own pool size");
        template.requestBody("direct:a", (Object) null);
        template.requestBody("direct:b", (Object) null);

        context.removeEndpoint(context.getEndpoint(SuiteEmulator.arrays("operation=listAll")));
        assertEquals(2, component.clients().openClients(), "b still uses the shared client");
        context.removeEndpoint(context.getEndpoint(SuiteEmulator.arrays("operation=lastAccessed")));
        assertEquals(1, component.clients().openClients(), "the last user of the shared client closed it");
        context.stop();
        assertEquals(0, component.clients().openClients());
    }
}
