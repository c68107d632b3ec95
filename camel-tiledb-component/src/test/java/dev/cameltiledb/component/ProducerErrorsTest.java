package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBAuthenticationException;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input fails with a message that names what to fix, and sends nothing (or changes nothing) on the server. */
class ProducerErrorsTest extends CamelTestSupport {

    private static final String NS = "errors";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        List.of(new Organization(NS, Map.of("alice", "owner", "bob", "read_only"))),
                        List.of(new Seed.SeedArray(NS, "fixed", null, "do not touch", List.of(), null, null, null))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:alice").to(SuiteEmulator.arrays("namespace=" + NS));
                from("direct:bob")
                        .to("tiledb:arrays?namespace=" + NS + "&host="
                                + SuiteEmulator.get().url() + "&apiKey=" + SuiteEmulator.BOB_TOKEN);
                from("direct:wrongToken")
                        .to("tiledb:arrays?operation=lastAccessed&host="
                                + SuiteEmulator.get().url() + "&apiKey=not-a-valid-token");
            }
        };
    }

    private Exception fail(String endpoint, Object body, Map<String, Object> headers) {
        int before = SuiteEmulator.get().recordedExchanges().size();
        Exchange reply = template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        assertTrue(reply.isFailed(), "expected a failure");
        if (reply.getException() instanceof TileDBConfigurationException) {
            assertEquals(before, SuiteEmulator.get().recordedExchanges().size(), "a configuration error sends nothing");
        }
        return reply.getException();
    }

    @Test
    void missingOperationNamesOptionAndHeader() {
        Exception e = fail("direct:alice", null, Map.of());
        assertEquals("A TileDB producer needs the operation option (header CamelTileDBOperation)", e.getMessage());
    }

    @Test
    void unknownOperationInHeader() {
        Exception e = fail("direct:alice", null, Map.of(TileDBConstants.OPERATION, "explode"));
        assertInstanceOf(TileDBConfigurationException.class, e);
        assertTrue(
                e.getMessage().contains("CamelTileDBOperation")
                        && e.getMessage().contains("explode"),
                e.getMessage());
    }

    @Test
    void unknownOperationInUriFailsAtRouteStart() {
        Exception e = assertThrows(
                Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:bad").to(SuiteEmulator.arrays("operation=explode"));
                    }
                }));
        assertInstanceOf(FailedToCreateRouteException.class, e);
        assertTrue(e.getMessage().contains("explode"), e.getMessage());
        assertFalse(e.getMessage().contains(SuiteEmulator.ALICE_TOKEN), "the failing URI is shown masked");
    }

    @Test
    void unknownResourceFailsAtRouteStart() {
        Exception e = assertThrows(
                Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:bad2").to("tiledb:tables?operation=list&apiKey=x");
                    }
                }));
        assertTrue(
                causeMessages(e)
                        .contains("Unknown TileDB resource 'tables' in tiledb:tables; use one of "
                                + java.util.Arrays.toString(TileDBResource.values())),
                causeMessages(e));
    }

    @Test
    void activityIsAConsumerAndUserIsAProducer() {
        Exception producer = assertThrows(
                Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:activityProducer")
                                .to("tiledb:activity?namespace=" + NS + "&apiKey=x&host="
                                        + SuiteEmulator.get().url());
                    }
                }));
        assertTrue(causeMessages(producer).contains("tiledb:activity is a consumer (from)"), causeMessages(producer));
        Exception consumer = assertThrows(
                Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("tiledb:user?apiKey=x&host=" + SuiteEmulator.get().url())
                                .to("mock:never");
                    }
                }));
        assertTrue(causeMessages(consumer).contains("tiledb:user has no consumer"), causeMessages(consumer));
    }

    @Test
    void missingArrayNamesBothWaysToGiveIt() {
        Exception e = fail("direct:alice", null, Map.of(TileDBConstants.OPERATION, "info"));
        assertEquals(
                "The info operation needs an asset: set the namespace and array options (headers CamelTileDBNamespace,"
                        + " CamelTileDBArray) or the tiledbUri option (header CamelTileDBTiledbUri)",
                e.getMessage());
    }

    @Test
    void missingSubarrayNamesOptionAndHeader() {
        Exception e = fail(
                "direct:alice",
                null,
                Map.of(TileDBConstants.OPERATION, "maxBufferSizes", TileDBConstants.ARRAY, "fixed"));
        assertEquals(
                "The maxBufferSizes operation needs the subarray option (header CamelTileDBSubarray)", e.getMessage());
    }

    @Test
    void wrongBodyTypesAreRefused() {
        Exception create =
                fail("direct:alice", 42, Map.of(TileDBConstants.OPERATION, "create", TileDBConstants.ARRAY, "x"));
        assertEquals(
                "The create operation cannot use a body of type java.lang.Integer; give ArraySchema or Map,"
                        + " or JSON as String, byte[] or InputStream",
                create.getMessage());
        Exception update = fail(
                "direct:alice",
                new java.util.Date(),
                Map.of(TileDBConstants.OPERATION, "update", TileDBConstants.ARRAY, "fixed"));
        assertTrue(
                update.getMessage().startsWith("The update operation cannot use a body of type java.util.Date"),
                update.getMessage());
        Exception register = fail(
                "direct:alice",
                List.of(1),
                Map.of(
                        TileDBConstants.OPERATION,
                        "register",
                        TileDBConstants.ARRAY,
                        "x",
                        TileDBConstants.STORAGE_URI,
                        "s3://b/x"));
        assertTrue(register.getMessage().contains("register operation cannot use a body"), register.getMessage());
        Exception share =
                fail("direct:alice", 3.5, Map.of(TileDBConstants.OPERATION, "share", TileDBConstants.ARRAY, "fixed"));
        assertTrue(
                share.getMessage().contains("share operation cannot use a body of type java.lang.Double"),
                share.getMessage());
        assertEquals(
                "do not touch",
                SuiteEmulator.get().array(NS, "fixed").orElseThrow().description());
    }

    @Test
    void malformedJsonBodyIsRefused() {
        Exception e = fail(
                "direct:alice",
                "{\"arrayType\": ",
                Map.of(TileDBConstants.OPERATION, "create", TileDBConstants.ARRAY, "x"));
        assertTrue(
                e.getMessage().startsWith("The create operation could not read its String body as ArraySchema"),
                e.getMessage());
        assertTrue(SuiteEmulator.get().array(NS, "x").isEmpty());
    }

    @Test
    void schemaWithoutRequiredFieldsIsRefusedBeforeSending() {
        Exception e = fail(
                "direct:alice",
                Map.of("arrayType", "dense"),
                Map.of(TileDBConstants.OPERATION, "create", TileDBConstants.ARRAY, "incomplete"));
        assertEquals(
                "The ArraySchema lacks version, domain.dimensions, attributes, which TileDB Cloud requires to create an array",
                e.getMessage());
        assertTrue(SuiteEmulator.get().array(NS, "incomplete").isEmpty());
    }

    @Test
    void emptyBodyForUpdateIsRefused() {
        Exception e =
                fail("direct:alice", "", Map.of(TileDBConstants.OPERATION, "update", TileDBConstants.ARRAY, "fixed"));
        assertTrue(
                e.getMessage().startsWith("The update operation needs a body (ArrayInfoUpdate or Map"), e.getMessage());
    }

    @Test
    void shareWithoutTargetOrBodySaysWhatIsMissing() {
        Exception e =
                fail("direct:alice", null, Map.of(TileDBConstants.OPERATION, "share", TileDBConstants.ARRAY, "fixed"));
        assertTrue(e.getMessage().startsWith("The share operation needs a body"), e.getMessage());
    }

    @Test
    void badHeaderTypeNamesTheHeader() {
        Exception e =
                fail("direct:alice", null, Map.of(TileDBConstants.OPERATION, "list", TileDBConstants.PAGE, "second"));
        assertTrue(
                e.getMessage().startsWith("The header CamelTileDBPage must be an Integer, was 'second'"),
                e.getMessage());
    }

    @Test
    void badStartTimeNamesTheOption() {
        Exception e = fail(
                "direct:alice",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "activity",
                        TileDBConstants.ARRAY,
                        "fixed",
                        TileDBConstants.START_TIME,
                        "yesterday"));
        assertEquals(
                "The startTime option (header CamelTileDBStartTime) must be an ISO-8601 instant or epoch seconds,"
                        + " was 'yesterday'",
                e.getMessage());
    }

    @Test
    void readOnlyMemberIsForbiddenToChangeAndNothingChanges() {
        Exception e = fail(
                "direct:bob",
                Map.of("description", "changed by bob"),
                Map.of(TileDBConstants.OPERATION, "update", TileDBConstants.ARRAY, "fixed"));
        TileDBAuthenticationException denied = assertInstanceOf(TileDBAuthenticationException.class, e);
        assertEquals(403, denied.getStatusCode());
        assertEquals(
                "do not touch",
                SuiteEmulator.get().array(NS, "fixed").orElseThrow().description());
    }

    @Test
    void invalidTokenIsUnauthorized() {
        Exception e = fail("direct:wrongToken", null, Map.of());
        TileDBAuthenticationException denied = assertInstanceOf(TileDBAuthenticationException.class, e);
        assertEquals(401, denied.getStatusCode());
        assertFalse(e.getMessage().contains("not-a-valid-token"));
    }

    @Test
    void serverSideValidationErrorCarriesTheServiceMessage() {
        Exception e = fail(
                "direct:alice",
                null,
                Map.of(
                        TileDBConstants.OPERATION,
                        "maxBufferSizes",
                        TileDBConstants.ARRAY,
                        "fixed",
                        TileDBConstants.SUBARRAY,
                        "1,2,3"));
        assertTrue(
                e.getMessage().contains("HTTP 400") && e.getMessage().contains("low and a high bound"), e.getMessage());
    }

    private static String causeMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
