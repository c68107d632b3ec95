package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.model.AssetActivityLog;
import dev.cameltiledb.client.model.GroupMetadata;
import dev.cameltiledb.client.model.GroupMetadataEntry;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group's metadata (what {@code tiledb.Group.meta} reads and writes: {@code POST} and {@code PUT
 * /v2/groups/.../metadata}) and its activity with everything it holds ({@code GET /v2/groups/.../activity}) on
 * {@code tiledb:groups}, over HTTP to the emulator.
 */
class GroupMetadataAndActivityTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "grpmeta";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        List.of(new Organization(NS, Map.of("alice", "owner"))),
                        List.of(new Seed.SeedArray(NS, "held", "s3://bucket/held", null, null, null, null, null))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:groups").to(SuiteEmulator.uri("groups", "namespace=" + NS));
                from("direct:arrays").to(SuiteEmulator.arrays("namespace=" + NS));
            }
        };
    }

    private Object groups(String operation, Object body, Map<String, Object> headers) {
        return Operations.call(template, "direct:groups", operation, body, headers);
    }

    private static RecordedExchange last(String method, String path) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.method().equals(method) && x.rawPath().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }

    @Test
    void setReadAndDeleteMetadataEntries() {
        groups("create", null, Map.of(TileDBConstants.GROUP, "meta", TileDBConstants.STORAGE_URI, "s3://bucket/meta"));
        String entries = "[{\"key\": \"owner\", \"type\": \"STRING_UTF8\", \"valueNum\": 3, \"value\": [108, 97, 98]},"
                + " {\"key\": \"runs\", \"type\": \"INT32\", \"valueNum\": 1, \"value\": [7]}]";
        groups("updateMetadata", entries, Map.of(TileDBConstants.GROUP, "meta"));
        String sent = new String(last("PUT", "/v2/groups/grpmeta/meta/metadata").requestBody(), StandardCharsets.UTF_8);
        assertTrue(sent.startsWith("{\"metadata\":{\"entries\":[{\"key\":\"owner\""), sent);

        GroupMetadata read = (GroupMetadata) groups("metadata", null, Map.of(TileDBConstants.GROUP, "meta"));
        assertEquals(
                List.of("owner", "runs"),
                read.entries().stream().map(GroupMetadataEntry::key).toList());
        assertEquals("[108,97,98]", read.entries().get(0).value().toString());
        assertEquals("INT32", read.entries().get(1).type());

        groups("deleteMetadata", null, Map.of(TileDBConstants.GROUP, "meta", TileDBConstants.METADATA_KEYS, "runs"));
        String deletion =
                new String(last("PUT", "/v2/groups/grpmeta/meta/metadata").requestBody(), StandardCharsets.UTF_8);
        assertEquals("{\"metadata\":{\"entries\":[{\"key\":\"runs\",\"del\":true}]}}", deletion);
        GroupMetadata after = (GroupMetadata) groups("metadata", null, Map.of(TileDBConstants.GROUP, "meta"));
        assertEquals(
                List.of("owner"),
                after.entries().stream().map(GroupMetadataEntry::key).toList());
    }

    @Test
    void activityOfTheGroupAndWhatItHoldsPagedAndWindowed() {
        groups("create", null, Map.of(TileDBConstants.GROUP, "busy", TileDBConstants.STORAGE_URI, "s3://bucket/busy"));
        groups("addMembers", null, Map.of(TileDBConstants.GROUP, "busy", TileDBConstants.MEMBERS, "held"));
        Operations.call(template, "direct:arrays", "sample", null, Map.of(TileDBConstants.ARRAY, "held"));

        @SuppressWarnings("unchecked")
        List<AssetActivityLog> events = (List<AssetActivityLog>)
                groups("activity", null, Map.of(TileDBConstants.GROUP, "busy", TileDBConstants.PER_PAGE, 1));
        assertTrue(
                events.stream()
                        .anyMatch(e ->
                                e.asset().name().equals("held") && e.action().equals("query_read")),
                events.toString());
        assertTrue(events.stream()
                .anyMatch(e -> e.asset().name().equals("busy") && e.action().equals("create")));
        long pages = SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals("/v2/groups/grpmeta/busy/activity"))
                .count();
        assertEquals(events.size(), pages, "one page of one event per request");

        Exchange past = template.request(
                "direct:groups",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                TileDBConstants.OPERATION, "activity",
                                TileDBConstants.GROUP, "busy",
                                TileDBConstants.START_TIME, "2000-01-01T00:00:00Z",
                                TileDBConstants.END_TIME, "2000-01-02T00:00:00Z")));
        assertEquals(List.of(), past.getMessage().getBody(List.class));
        RecordedExchange windowed = last("GET", "/v2/groups/grpmeta/busy/activity");
        assertEquals(List.of("946684800"), windowed.query().get("start"));
        assertEquals(List.of("946771200"), windowed.query().get("end"));
    }
}
