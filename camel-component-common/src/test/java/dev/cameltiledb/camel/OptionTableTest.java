package dev.cameltiledb.camel;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.cameltiledb.camel.DemoConfiguration.TABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionTableTest {

    private static CamelContext camel;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    private static Message message(Map<String, Object> headers) {
        Message message = new DefaultExchange(camel).getMessage();
        message.setHeaders(new java.util.HashMap<>(headers));
        return message;
    }

    @Test
    void everyOptionOutsideTheEndpointOnlyGroupsHasItsHeader() {
        assertEquals(
                List.of("mode", "name", "confirm", "since", "metadata", "size", "maxResults", "tags", "pairs"),
                TABLE.messageOptions().stream().map(OptionTable.Option::name).toList());
        assertEquals("CamelDemoMaxResults", TABLE.option("maxResults").header());
        assertNull(TABLE.option("host").header(), "an endpoint-only option has no header");
        assertEquals("The host option", TABLE.option("host").label());
        assertEquals(
                "The size option (header CamelDemoSize)", TABLE.option("size").label());
        assertEquals("Integer", TABLE.option("maxResults").headerJavaType());
        assertEquals(
                DemoConfiguration.Mode.class.getName(), TABLE.option("mode").headerJavaType());
    }

    @Test
    void aHeaderChangesItsOptionForOneMessageOnCopy() {
        DemoConfiguration endpoint = new DemoConfiguration();
        assertSame(endpoint, TABLE.apply(message(Map.of("CamelDemoHost", "elsewhere", "Other", 1)), endpoint));
        DemoConfiguration effective = TABLE.apply(message(Map.of("camelDEMOsize", "25")), endpoint);
        assertNotSame(endpoint, effective);
        assertEquals(25, effective.paging.size);
        assertNull(endpoint.paging.size, "the endpoint's own configuration stays as it was");
    }

    @Test
    void headerValuesAreTakenAsRoutesWriteThem() {
        DemoConfiguration effective = TABLE.apply(
                message(Map.of(
                        "CamelDemoMode", "offline",
                        "CamelDemoConfirm", " TRUE ",
                        "CamelDemoTags", List.of("a", " b ", ""),
                        "CamelDemoPairs", List.of("x=1", "y=2"),
                        "CamelDemoSince", Date.from(Instant.parse("2030-01-02T03:04:05Z")),
                        "CamelDemoMetadata", Map.of("team", "climate"))),
                new DemoConfiguration());
        assertEquals(DemoConfiguration.Mode.OFFLINE, effective.mode);
        assertTrue(effective.confirm);
        assertEquals("a,b", effective.paging.tags);
        assertEquals("x=1;y=2", effective.paging.pairs);
        assertEquals("2030-01-02T03:04:05Z", effective.since);
        assertEquals("{\"team\":\"climate\"}", effective.metadata);
    }

    @Test
    void aHeaderTheOptionCannotTakeNamesTheHeaderAndWhatItTakes() {
        DemoConfiguration endpoint = new DemoConfiguration();
        assertEquals(
                "The header CamelDemoMode must be one of [online, offline], was 'paused'",
                assertThrows(
                                IllegalStateException.class,
                                () -> TABLE.apply(message(Map.of("CamelDemoMode", "paused")), endpoint))
                        .getMessage());
        assertEquals(
                "The header CamelDemoConfirm must be a Boolean, was 'yes please'",
                assertThrows(
                                IllegalStateException.class,
                                () -> TABLE.apply(message(Map.of("CamelDemoConfirm", "yes please")), endpoint))
                        .getMessage());
        assertEquals(
                "The header CamelDemoMaxResults must be an Integer, was 'many'",
                assertThrows(
                                IllegalStateException.class,
                                () -> TABLE.apply(message(Map.of("CamelDemoMaxResults", "many")), endpoint))
                        .getMessage());
        assertEquals(
                "The header CamelDemoSize must be 1 to 100, was 500",
                assertThrows(
                                IllegalStateException.class,
                                () -> TABLE.apply(message(Map.of("CamelDemoSize", 500)), endpoint))
                        .getMessage());
        assertEquals(
                "The header CamelDemoMaxResults must be zero or more, was -5",
                assertThrows(
                                IllegalStateException.class,
                                () -> TABLE.apply(message(Map.of("CamelDemoMaxResults", "-5")), endpoint))
                        .getMessage());
    }

    @Test
    void aMissingValueNamesTheOptionAndItsHeader() {
        assertEquals("x", TABLE.require("x", "name", "The get operation"));
        assertEquals(
                "The get operation needs the name option (header CamelDemoName)",
                assertThrows(IllegalStateException.class, () -> TABLE.require(" ", "name", "The get operation"))
                        .getMessage());
        assertThrows(IllegalStateException.class, () -> TABLE.require(List.of(), "tags", "The get operation"));
        assertFalse(TABLE.option("name").param().description().isEmpty());
    }
}
