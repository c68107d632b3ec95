package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.GroupDetails;
import dev.cameltiledb.client.model.GroupInfo;
import dev.cameltiledb.client.model.MaxBufferSizes;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameters that reach the service but that no behaviour test exercised: the listings' {@code permissions}, the group
 * listing's {@code exclude_tag} and {@code search}, the activity's {@code task_id} and {@code has_task_id}, and the
 * {@code X-Payer} of {@code max_buffer_sizes}. Each is asserted twice: on the request the emulator recorded, and on
 * what it changed in the answer.
 */
class ParametersBehaviourTest extends CamelTestSupport {

    /** percy receives carol's shares: they stay out of the other users' shared listings. */
    private static final String PERCY_KEY = "percy-key-0d9c8b7a61";

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN, SuiteEmulator.BOB_TOKEN, PERCY_KEY);

    private static final String NS = "paramns";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        List.of(new User("percy", "percy@example.com", null, List.of(PERCY_KEY))),
                        List.of(new Organization(NS, Map.of("alice", "owner", "bob", "read_only"))),
                        List.of(
                                new Seed.SeedArray(NS, "tracked", null, null, null, null, null, null),
                                new Seed.SeedArray(
                                        "carol",
                                        "perm-ro",
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("percy", List.of("read")),
                                        null),
                                new Seed.SeedArray(
                                        "carol",
                                        "perm-rw",
                                        null,
                                        null,
                                        null,
                                        null,
                                        Map.of("percy", List.of("read", "write")),
                                        null))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:arrays").to(SuiteEmulator.arrays(""));
                from("direct:percy-arrays")
                        .to("tiledb:arrays?host=" + SuiteEmulator.get().url() + "&apiKey=" + PERCY_KEY);
                from("direct:groups").to(SuiteEmulator.uri("groups", "namespace=" + NS));
                from("direct:bob-groups")
                        .to("tiledb:groups?namespace=" + NS + "&host="
                                + SuiteEmulator.get().url() + "&apiKey=" + SuiteEmulator.BOB_TOKEN);
            }
        };
    }

    private Object call(String route, String operation, Object body, Map<String, Object> headers) {
        return Operations.call(template, route, operation, body, headers);
    }

    private static RecordedExchange last(String path) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no request to " + path));
    }

    @SuppressWarnings("unchecked")
    private List<String> sharedFromCarol(String permissions) {
        List<ArrayInfo> arrays = (List<ArrayInfo>) call(
                "direct:percy-arrays",
                "listShared",
                null,
                Map.of(TileDBConstants.NAMESPACE, "carol", TileDBConstants.PERMISSIONS, permissions));
        return arrays.stream()
                .map(ArrayInfo::name)
                .filter(n -> n.startsWith("perm-"))
                .sorted()
                .toList();
    }

    @Test
    void permissionsKeepOnlyArraysTheCallerHoldsThemOn() {
        assertEquals(List.of("perm-ro", "perm-rw"), sharedFromCarol("read"));
        assertEquals(List.of("read"), last("/v1/arrays/browser/shared").query().get("permissions"));
        assertEquals(List.of("perm-rw"), sharedFromCarol("write"));
        assertEquals(List.of("write"), last("/v1/arrays/browser/shared").query().get("permissions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGroupListingsExcludeTagSearchAndPermissions() {
        call(
                "direct:groups",
                "create",
                new GroupDetails(null, "g-raw", null, null, null, List.of("raw"), null, null, null),
                Map.of(TileDBConstants.STORAGE_URI, "s3://bucket/paramns/g-raw"));
        call(
                "direct:groups",
                "create",
                new GroupDetails("curated data", "g-clean", null, null, null, List.of("clean"), null, null, null),
                Map.of(TileDBConstants.STORAGE_URI, "s3://bucket/paramns/g-clean"));

        List<GroupInfo> notRaw =
                (List<GroupInfo>) call("direct:groups", "list", null, Map.of(TileDBConstants.EXCLUDE_TAGS, "raw"));
        assertEquals(List.of("g-clean"), notRaw.stream().map(GroupInfo::name).toList());
        assertEquals(List.of("raw"), last("/v1/groups/browser/owned").query().get("exclude_tag"));

        List<GroupInfo> found =
                (List<GroupInfo>) call("direct:groups", "list", null, Map.of(TileDBConstants.SEARCH, "CURATED"));
        assertEquals(List.of("g-clean"), found.stream().map(GroupInfo::name).toList());
        assertEquals(
                List.of("CURATED"), last("/v1/groups/browser/owned").query().get("search"));

        List<GroupInfo> bobReads =
                (List<GroupInfo>) call("direct:bob-groups", "list", null, Map.of(TileDBConstants.PERMISSIONS, "read"));
        assertEquals(2, bobReads.size(), "bob reads both as a member");
        List<GroupInfo> bobWrites =
                (List<GroupInfo>) call("direct:bob-groups", "list", null, Map.of(TileDBConstants.PERMISSIONS, "write"));
        assertEquals(List.of(), bobWrites, "a read-only member writes none");
        assertEquals(List.of("write"), last("/v1/groups/browser/owned").query().get("permissions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void taskIdFindsTheEventsOfOneTask() {
        Map<String, Object> tracked = Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.ARRAY, "tracked");
        call("direct:arrays", "sample", null, tracked);
        call("direct:arrays", "sample", null, tracked);
        call("direct:arrays", "info", null, tracked);
        List<ArrayActivityLog> all = (List<ArrayActivityLog>) call("direct:arrays", "activity", null, tracked);
        List<ArrayActivityLog> reads =
                all.stream().filter(e -> e.action().equals("query_read")).toList();
        assertEquals(2, reads.size());
        String task = reads.get(1).arrayTaskId();

        List<ArrayActivityLog> ofTask = (List<ArrayActivityLog>) call(
                "direct:arrays",
                "activity",
                null,
                Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.ARRAY, "tracked", TileDBConstants.TASK_ID, task));
        assertEquals(
                List.of(reads.get(1).id()),
                ofTask.stream().map(ArrayActivityLog::id).toList());
        assertEquals(
                List.of(task),
                last("/v1/arrays/paramns/tracked/activity").query().get("task_id"));

        List<ArrayActivityLog> withTasks = (List<ArrayActivityLog>) call(
                "direct:arrays",
                "activity",
                null,
                Map.of(
                        TileDBConstants.NAMESPACE,
                        NS,
                        TileDBConstants.ARRAY,
                        "tracked",
                        TileDBConstants.HAS_TASK_ID,
                        true));
        assertEquals(reads, withTasks, "only the queries carry a task");
        assertEquals(
                List.of("true"),
                last("/v1/arrays/paramns/tracked/activity").query().get("has_task_id"));
    }

    @Test
    void thePayerOfMaxBufferSizesIsSentAndChecked() {
        Map<String, Object> subarray = Map.of(
                TileDBConstants.NAMESPACE, NS, TileDBConstants.ARRAY, "tracked", TileDBConstants.SUBARRAY, "1,10");
        MaxBufferSizes own = (MaxBufferSizes) call(
                "direct:arrays",
                "maxBufferSizes",
                null,
                Map.of(
                        TileDBConstants.NAMESPACE,
                        NS,
                        TileDBConstants.ARRAY,
                        "tracked",
                        TileDBConstants.SUBARRAY,
                        "1,10",
                        TileDBConstants.PAYER,
                        NS));
        assertEquals(40L, own.maxBufferSizes().get(0).dataBytes());
        assertEquals(
                List.of(NS),
                last("/v1/arrays/paramns/tracked/max_buffer_sizes")
                        .requestHeaders()
                        .get("x-payer"));

        Exchange someoneElse = template.request("direct:arrays", e -> {
            e.getMessage().setHeaders(subarray);
            e.getMessage().setHeader(TileDBConstants.OPERATION, "maxBufferSizes");
            e.getMessage().setHeader(TileDBConstants.PAYER, "carol");
        });
        TileDBApiException refused = assertInstanceOf(TileDBApiException.class, someoneElse.getException());
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getMessage().contains("may not charge namespace carol"), refused.getMessage());
        assertEquals(
                List.of("carol"),
                last("/v1/arrays/paramns/tracked/max_buffer_sizes")
                        .requestHeaders()
                        .get("x-payer"));

        call("direct:arrays", "maxBufferSizes", null, subarray);
        assertNull(last("/v1/arrays/paramns/tracked/max_buffer_sizes")
                .requestHeaders()
                .get("x-payer"));
    }
}
