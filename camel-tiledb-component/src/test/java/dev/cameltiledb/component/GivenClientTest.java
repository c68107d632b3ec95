package dev.cameltiledb.component;

import dev.cameltiledb.client.ClientSettings;
import dev.cameltiledb.client.TileDBClient;
import dev.cameltiledb.client.model.User;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A {@link TileDBClient} built by the user (without Camel) serves the endpoints: found in the registry when it holds
 * one, or named with {@code tiledbClient=#bean}; the component neither builds its own nor closes the user's.
 */
class GivenClientTest extends CamelTestSupport {

    /** A client with the suite's token: the URIs below carry no host and no credentials at all. */
    static final TileDBClient CLIENT =
            new TileDBClient(ClientSettings.of(SuiteEmulator.get().url(), SuiteEmulator.ALICE_TOKEN));

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("myTileDB", CLIENT);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:autowired").to("tiledb:user?operation=profile");
                from("direct:named").to("tiledb:user?operation=profile&tiledbClient=#myTileDB");
            }
        };
    }

    @Test
    void theGivenClientServesEndpointsAndOutlivesTheContext() throws Exception {
        User autowired = template.requestBody("direct:autowired", (Object) null, User.class);
        User named = template.requestBody("direct:named", (Object) null, User.class);
        assertEquals("alice", autowired.username());
        assertEquals("alice", named.username());

        TileDBComponent component = context.getComponent("tiledb", TileDBComponent.class);
        assertEquals(0, component.clients().openClients(), "no client of the component's own was built");
        TileDBEndpoint endpoint = context.getEndpoint("tiledb:user?operation=profile", TileDBEndpoint.class);
        assertSame(CLIENT, endpoint.getClient());

        context.stop();
        // still usable: the component did not close what it did not build
        assertEquals("alice", CLIENT.users().profile().username());
    }
}
