package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArrayInfoUpdate;
import dev.cameltiledb.client.model.ArraySample;
import dev.cameltiledb.client.model.ArraySchema;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.client.model.Attribute;
import dev.cameltiledb.client.model.Dimension;
import dev.cameltiledb.client.model.Domain;
import dev.cameltiledb.client.model.DomainArray;
import dev.cameltiledb.client.model.Filter;
import dev.cameltiledb.client.model.FilterPipeline;
import dev.cameltiledb.client.model.MaxBufferSizes;
import dev.cameltiledb.client.model.NonEmptyDomain;
import dev.cameltiledb.client.model.TypedValue;
import dev.cameltiledb.emulator.ArraySnapshot;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.TileDBEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every single-asset operation of tiledb:arrays, through routes, checked against the emulator's state. */
class ArraysLifecycleTest extends CamelTestSupport {

    private static final String NS = "lifecycle";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        List.of(new Organization(NS, Map.of("alice", "owner"))),
                        List.of(new Seed.SeedArray(
                                NS,
                                "readings",
                                "s3://bucket/readings",
                                "sensor readings",
                                List.of("iot"),
                                null,
                                null,
                                Map.of("units", "celsius", "note", "a long note about the readings")))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:arrays").to(SuiteEmulator.arrays("namespace=" + NS));
                from("direct:info").to(SuiteEmulator.arrays("operation=info&namespace=" + NS + "&array=readings"));
            }
        };
    }

    private TileDBEmulator emulator() {
        return SuiteEmulator.get();
    }

    private Object call(String operation, Object body, Map<String, Object> headers) {
        return Operations.call(template, "direct:arrays", operation, body, headers);
    }

    static ArraySchema sparseSchema() {
        FilterPipeline zstd = FilterPipeline.of(new Filter("FILTER_ZSTD", TypedValue.ofInt32(-1)));
        return new ArraySchema(
                null,
                List.of(1, 3, 0),
                "sparse",
                null,
                null,
                null,
                null,
                null,
                new Domain(
                        "INT32",
                        "row-major",
                        "row-major",
                        List.of(
                                new Dimension(
                                        "x",
                                        "INT32",
                                        DomainArray.ofInt32(1, 1000),
                                        false,
                                        TypedValue.ofInt32(100),
                                        zstd),
                                new Dimension(
                                        "y",
                                        "INT32",
                                        DomainArray.ofInt32(1, 50),
                                        false,
                                        TypedValue.ofInt32(10),
                                        zstd))),
                List.of(new Attribute("temperature", "FLOAT64", zstd, 1, false, null)),
                false);
    }

    @Test
    void infoFromUriOptions() {
        ArrayInfo info = template.requestBody("direct:info", null, ArrayInfo.class);
        assertEquals("readings", info.name());
        assertEquals(NS, info.namespace());
        assertEquals("s3://bucket/readings", info.uri());
        assertEquals("tiledb://" + NS + "/readings", info.tiledbUri());
        assertEquals(List.of("iot"), info.tags());
        assertNotNull(info.createdAt());
    }

    @Test
    void headerOverridesTheUriOperationAndArray() {
        Object schema = template.requestBodyAndHeaders(
                "direct:info",
                null,
                Map.of(TileDBConstants.OPERATION, "schema", TileDBConstants.ARRAY, "tiledb://" + NS + "/readings"));
        assertTrue(schema instanceof ArraySchema, "the operation header wins over operation=info: " + schema);
    }

    @Test
    void createFromModelThenSchemaRoundTrips() {
        call(
                "create",
                sparseSchema(),
                Map.of(TileDBConstants.STORAGE_URI, "s3://bucket/grid", TileDBConstants.CREDENTIALS_NAME, "aws-prod"));
        ArraySnapshot created = emulator().array(NS, "grid").orElseThrow();
        assertEquals("s3://bucket/grid", created.uri());
        assertEquals("aws-prod", created.accessCredentialsName());
        assertEquals(List.of("create"), created.activity());

        ArraySchema schema = (ArraySchema) call("schema", null, Map.of(TileDBConstants.ARRAY, "grid"));
        assertEquals("sparse", schema.arrayType());
        assertEquals(
                List.of("x", "y"),
                schema.domain().dimensions().stream().map(Dimension::name).toList());
        assertEquals(
                DomainArray.ofInt32(1, 1000),
                schema.domain().dimensions().get(0).domain());
        assertEquals(
                "FILTER_ZSTD",
                schema.attributes().get(0).filterPipeline().filters().get(0).type());
        assertEquals("s3://bucket/grid", schema.uri());
        assertEquals(10_000L, schema.capacity(), "libtiledb's default capacity was filled in");
        assertEquals("row-major", schema.tileOrder());

        NonEmptyDomain empty = (NonEmptyDomain) call("nonEmptyDomain", null, Map.of(TileDBConstants.ARRAY, "grid"));
        assertTrue(empty.isEmpty(), "a created array holds no data yet");
    }

    @Test
    void createAcceptsMapAndJsonBodies() throws Exception {
        String json = dev.cameltiledb.client.TileDBJson.mapper().writeValueAsString(sparseSchema());
        call("create", json, Map.of(TileDBConstants.STORAGE_URI, "s3://bucket/from-json"));
        Map<?, ?> map = dev.cameltiledb.client.TileDBJson.mapper().readValue(json, Map.class);
        call("create", map, Map.of(TileDBConstants.STORAGE_URI, "s3://bucket/from-map"));
        call(
                "create",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of(TileDBConstants.ARRAY, "from-bytes"));
        assertTrue(emulator().array(NS, "from-json").isPresent());
        assertTrue(emulator().array(NS, "from-map").isPresent());
        assertEquals(
                "s3://tiledb-emulator/" + NS + "/from-bytes",
                emulator().array(NS, "from-bytes").orElseThrow().uri());
    }

    @Test
    void registerUpdateShareAndDeregister() {
        ArrayInfo registered = (ArrayInfo) call(
                "register",
                new ArrayInfoUpdate(
                        "weather station",
                        "station",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("weather"),
                        null,
                        null,
                        null),
                Map.of(TileDBConstants.STORAGE_URI, "s3://bucket/weather/station"));
        assertEquals("station", registered.name());
        assertEquals("s3://bucket/weather/station", registered.uri());
        assertEquals("weather station", registered.description());

        call(
                "update",
                Map.of("description", "renamed station", "tags", List.of("weather", "hourly")),
                Map.of(TileDBConstants.ARRAY, "station"));
        ArraySnapshot updated = emulator().array(NS, "station").orElseThrow();
        assertEquals("renamed station", updated.description());
        assertEquals(List.of("weather", "hourly"), updated.tags());

        call(
                "share",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "station",
                        TileDBConstants.TARGET_NAMESPACE,
                        "bob",
                        TileDBConstants.ACTIONS,
                        "read,write"));
        call("share", ArraySharing.grant("public", List.of("read")), Map.of(TileDBConstants.ARRAY, "station"));
        List<ArraySharing> policies =
                (List<ArraySharing>) call("sharingPolicies", null, Map.of(TileDBConstants.ARRAY, "station"));
        assertEquals(
                Map.of("bob", List.of("read", "write"), "public", List.of("read")),
                policies.stream()
                        .collect(java.util.stream.Collectors.toMap(ArraySharing::namespace, ArraySharing::actions)));
        assertEquals(
                "user",
                policies.stream()
                        .filter(p -> p.namespace().equals("bob"))
                        .findFirst()
                        .orElseThrow()
                        .namespaceType());
        assertTrue(emulator().array(NS, "station").orElseThrow().isPublic());

        call("unshare", null, Map.of(TileDBConstants.ARRAY, "station", TileDBConstants.TARGET_NAMESPACE, "public"));
        assertFalse(emulator().array(NS, "station").orElseThrow().isPublic());
        assertEquals(
                Map.of("bob", List.of("read", "write")),
                emulator().array(NS, "station").orElseThrow().sharing());

        call("deregister", null, Map.of(TileDBConstants.ARRAY, "station"));
        assertTrue(emulator().array(NS, "station").isEmpty());
    }

    @Test
    void deleteRemovesTheArray() {
        call(
                "register",
                null,
                Map.of(TileDBConstants.ARRAY, "doomed", TileDBConstants.STORAGE_URI, "s3://bucket/doomed"));
        assertTrue(emulator().array(NS, "doomed").isPresent());
        call("delete", null, Map.of(TileDBConstants.ARRAY, "doomed"));
        assertTrue(emulator().array(NS, "doomed").isEmpty());
        assertTrue(emulator().recordedExchanges().stream()
                .anyMatch(x -> x.method().equals("DELETE")
                        && x.rawPath().equals("/v1/arrays/" + NS + "/doomed")
                        && x.status() == 204));
    }

    @Test
    void activityReturnsTheEventsOfEachOperation() {
        call(
                "register",
                null,
                Map.of(TileDBConstants.ARRAY, "audited", TileDBConstants.STORAGE_URI, "s3://bucket/audited"));
        call("schema", null, Map.of(TileDBConstants.ARRAY, "audited"));
        call("update", ArrayInfoUpdate.EMPTY, Map.of(TileDBConstants.ARRAY, "audited"));
        call("metadataJson", null, Map.of(TileDBConstants.ARRAY, "audited"));
        List<ArrayActivityLog> events =
                (List<ArrayActivityLog>) call("activity", null, Map.of(TileDBConstants.ARRAY, "audited"));
        assertEquals(
                List.of("register", "read_schema", "array_metadata_update", "array_metadata_get"),
                events.stream().map(ArrayActivityLog::action).toList());
        assertTrue(
                events.stream().allMatch(e -> "alice".equals(e.username()) && e.id() != null && e.eventAt() != null));

        List<ArrayActivityLog> schemaOnly = (List<ArrayActivityLog>) call(
                "activity", null, Map.of(TileDBConstants.ARRAY, "audited", TileDBConstants.EVENT_TYPES, "read_schema"));
        assertEquals(
                List.of("read_schema"),
                schemaOnly.stream().map(ArrayActivityLog::action).toList());

        List<ArrayActivityLog> future = (List<ArrayActivityLog>) call(
                "activity",
                null,
                Map.of(TileDBConstants.ARRAY, "audited", TileDBConstants.START_TIME, "2100-01-01T00:00:00Z"));
        assertEquals(List.of(), future);
        assertEquals(List.of("4102444800"), lastExchange().query().get("start"), "startTime is sent as epoch seconds");
    }

    @Test
    void activityEventReadsOneEventByItsIdAndNamesAnUnknownOne() {
        call(
                "register",
                null,
                Map.of(TileDBConstants.ARRAY, "one-event", TileDBConstants.STORAGE_URI, "s3://bucket/one-event"));
        call("schema", null, Map.of(TileDBConstants.ARRAY, "one-event"));
        List<ArrayActivityLog> events =
                (List<ArrayActivityLog>) call("activity", null, Map.of(TileDBConstants.ARRAY, "one-event"));
        ArrayActivityLog read = events.get(1);

        ArrayActivityLog again = (ArrayActivityLog) call(
                "activityEvent",
                null,
                Map.of(TileDBConstants.ARRAY, "one-event", TileDBConstants.ACTIVITY_ID, read.id()));
        assertEquals(read, again);
        assertEquals(
                "/v1/arrays/" + NS + "/one-event/activity/" + read.id(),
                lastExchange().rawPath());

        Exchange unknown = template.request(
                "direct:arrays",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                TileDBConstants.OPERATION, "activityEvent",
                                TileDBConstants.ARRAY, "one-event",
                                TileDBConstants.ACTIVITY_ID, "no-such-event")));
        assertInstanceOf(TileDBNotFoundException.class, unknown.getException());
        Exchange missing = template.request(
                "direct:arrays",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                TileDBConstants.OPERATION, "activityEvent", TileDBConstants.ARRAY, "one-event")));
        assertEquals(
                "The activityEvent operation needs the activityId option (header CamelTileDBActivityId)",
                missing.getException().getMessage());
    }

    @Test
    void metadataJsonTruncatesWithLength() {
        Map<String, Object> full =
                (Map<String, Object>) call("metadataJson", null, Map.of(TileDBConstants.ARRAY, "readings"));
        assertEquals("a long note about the readings", full.get("note"));
        Map<String, Object> cut = (Map<String, Object>) call(
                "metadataJson", null, Map.of(TileDBConstants.ARRAY, "readings", TileDBConstants.METADATA_LENGTH, 6));
        assertEquals("a long", cut.get("note"));
        assertEquals("celsiu", cut.get("units"));
    }

    @Test
    void nonEmptyDomainSampleAndBufferSizesOfARegisteredArray() {
        NonEmptyDomain domain = (NonEmptyDomain)
                call("nonEmptyDomain", null, Map.of(TileDBConstants.ARRAY, "readings", TileDBConstants.PAYER, "acme"));
        assertFalse(domain.isEmpty());
        assertEquals(List.of(1, 100), domain.nonEmptyDomain().int32());
        RecordedExchange ned = lastExchange();
        assertEquals(List.of("acme"), ned.requestHeaders().get("x-payer"));

        ArraySample sample = (ArraySample)
                call("sample", null, Map.of(TileDBConstants.ARRAY, "readings", TileDBConstants.SAMPLES, 3));
        assertEquals(Map.of("values", List.of(1, 2, 3)), sample.data().get("rows"));

        MaxBufferSizes sizes = (MaxBufferSizes) call(
                "maxBufferSizes", null, Map.of(TileDBConstants.ARRAY, "readings", TileDBConstants.SUBARRAY, "1,10"));
        assertEquals("value", sizes.maxBufferSizes().get(0).attribute());
        assertEquals(40L, sizes.maxBufferSizes().get(0).dataBytes(), "10 INT32 cells");
        assertEquals(0L, sizes.maxBufferSizes().get(0).offsetBytes());
    }

    @Test
    void namesThatLookLikePathsStayInTheirSegment() {
        String storage = "s3://bucket/odd dir/100%/x";
        call("register", null, Map.of(TileDBConstants.ARRAY, "odd-storage", TileDBConstants.STORAGE_URI, storage));
        assertTrue(emulator().recordedExchanges().stream()
                .anyMatch(x -> x.rawPath()
                        .equals("/v1/arrays/" + NS + "/s3%3A%2F%2Fbucket%2Fodd%20dir%2F100%25%2Fx/register")));
        assertEquals(storage, ((ArrayInfo) call("info", null, Map.of(TileDBConstants.ARRAY, "odd-storage"))).uri());

        // names the emulator no longer registers (issue 27), as an older service may have left them: seeded
        String name = "a/../b c%2F";
        emulator()
                .seed(new Seed(
                        null,
                        null,
                        List.of(
                                new Seed.SeedArray(NS, name, "s3://bucket/a", null, null, null, null, null),
                                new Seed.SeedArray(NS, "..", "s3://bucket/dots", null, null, null, null, null))));
        ArrayInfo info = (ArrayInfo) call("info", null, Map.of(TileDBConstants.ARRAY, name));
        assertEquals(name, info.name());
        assertEquals(
                "/v1/arrays/" + NS + "/a%2F..%2Fb%20c%252F/metadata",
                lastExchange().rawPath());
        assertEquals("..", ((ArrayInfo) call("info", null, Map.of(TileDBConstants.ARRAY, ".."))).name());
        assertEquals("/v1/arrays/" + NS + "/%2E%2E/metadata", lastExchange().rawPath());
    }

    @Test
    void infoOfMissingArrayIsNotFound() {
        Exchange reply = template.request("direct:arrays", e -> {
            e.getMessage().setHeader(TileDBConstants.OPERATION, "info");
            e.getMessage().setHeader(TileDBConstants.ARRAY, "nope");
        });
        dev.cameltiledb.client.TileDBNotFoundException e =
                (dev.cameltiledb.client.TileDBNotFoundException) reply.getException();
        assertEquals(404, e.getStatusCode());
        assertEquals(4040L, e.getErrorCode());
        assertNotNull(e.getRequestId());
        assertTrue(e.getMessage().contains("GET /v1/arrays/" + NS + "/nope/metadata"), e.getMessage());
        assertNull(reply.getMessage().getBody(), "the body of a failed call is untouched");
    }

    private RecordedExchange lastExchange() {
        List<RecordedExchange> all = emulator().recordedExchanges();
        return all.get(all.size() - 1);
    }
}
