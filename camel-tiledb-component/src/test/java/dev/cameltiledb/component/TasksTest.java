package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.ArrayTaskBrowserSidebar;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:tasks} over HTTP to the emulator: the array task listing with every filter of the spec (each asserted
 * on the request the emulator received and on the answer), one task by id, and the sidebar's counts. The emulator's
 * tasks are the queries it ran: samples and downloads ({@code query_read}), uploads ({@code query_write}).
 */
class TasksTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN, SuiteEmulator.BOB_TOKEN);

    private static final String NS = "taskns";
    private static final String NOTEBOOK = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        List.of(new Organization(NS, Map.of("alice", "owner", "bob", "read_only"))),
                        List.of(
                                new Seed.SeedArray(NS, "t-one", "s3://bucket/t-one", "first", null, null, null, null),
                                new Seed.SeedArray(NS, "t-two", "s3://bucket/t-two", "second", null, null, null, null),
                                new Seed.SeedArray(
                                        NS, "t-nb", "s3://bucket/t-nb", null, null, null, null, null, NOTEBOOK))));
    }

    private static boolean queried;

    /** bob samples t-one, alice samples t-two and downloads t-nb: three completed query tasks in the namespace. */
    private void queries() {
        if (queried) {
            return;
        }
        Operations.call(template, "direct:bob-arrays", "sample", null, Map.of(TileDBConstants.ARRAY, "t-one"));
        Operations.call(template, "direct:arrays", "sample", null, Map.of(TileDBConstants.ARRAY, "t-two"));
        Operations.call(template, "direct:notebooks", "download", null, Map.of(TileDBConstants.ARRAY, "t-nb"));
        queried = true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tasks").to(SuiteEmulator.uri("tasks", ""));
                from("direct:arrays").to(SuiteEmulator.arrays("namespace=" + NS));
                from("direct:notebooks").to(SuiteEmulator.uri("notebooks", "namespace=" + NS));
                from("direct:bob-arrays")
                        .to("tiledb:arrays?namespace=" + NS + "&host="
                                + SuiteEmulator.get().url() + "&apiKey=" + SuiteEmulator.BOB_TOKEN);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private List<ArrayTask> list(Map<String, Object> filters) {
        return (List<ArrayTask>) Operations.call(template, "direct:tasks", "list", null, filters);
    }

    private static List<String> arrays(List<ArrayTask> tasks) {
        return tasks.stream().map(t -> t.arrayMetadata().name()).sorted().toList();
    }

    private static Map<String, List<String>> lastQuery() {
        List<RecordedExchange> calls = SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals("/v1/tasks"))
                .toList();
        return calls.get(calls.size() - 1).query();
    }

    @Test
    void eachFilterOfTheSpecIsSentAndNarrowsTheTasks() {
        queries();
        List<ArrayTask> all = list(Map.of(TileDBConstants.NAMESPACE, NS));
        assertEquals(List.of("t-nb", "t-one", "t-two"), arrays(all));
        assertTrue(all.stream()
                .allMatch(t -> t.type().equals("QUERY") && t.status().equals("COMPLETED")));
        assertEquals(List.of(NS), lastQuery().get("namespace"));

        assertEquals(
                List.of("t-one"),
                arrays(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.CREATED_BY, "bob"))));
        assertEquals(List.of("bob"), lastQuery().get("created_by"));

        assertEquals(
                List.of("t-two"), arrays(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.ARRAY, "t-two"))));
        assertEquals(List.of("t-two"), lastQuery().get("array"));

        assertEquals(
                List.of("t-nb"),
                arrays(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.FILE_TYPES, "notebook"))));
        assertEquals(List.of("notebook"), lastQuery().get("file_type"));
        assertEquals(
                List.of("t-one", "t-two"),
                arrays(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.EXCLUDE_FILE_TYPES, "notebook"))));
        assertEquals(List.of("notebook"), lastQuery().get("exclude_file_type"));

        assertEquals(
                3,
                list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.TASK_TYPE, "QUERY"))
                        .size());
        assertEquals(List.of("QUERY"), lastQuery().get("type"));
        assertEquals(
                List.of(),
                list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.EXCLUDE_TASK_TYPES, "SQL,QUERY")));
        assertEquals(List.of("SQL,QUERY"), lastQuery().get("exclude_type"));

        assertEquals(List.of(), list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.TASK_STATUS, "FAILED")));
        assertEquals(List.of("FAILED"), lastQuery().get("status"));

        assertEquals(
                List.of("t-one"), arrays(list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.SEARCH, "FIRST"))));
        assertEquals(List.of("FIRST"), lastQuery().get("search"));

        List<ArrayTask> byName = list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.ORDER_BY, "name"));
        assertEquals(
                List.of("t-nb", "t-one", "t-two"),
                byName.stream().map(t -> t.arrayMetadata().name()).toList());
        assertEquals(List.of("name"), lastQuery().get("orderby"));

        assertEquals(
                List.of(),
                list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.START_TIME, "2100-01-01T00:00:00Z")));
        assertEquals(List.of("4102444800"), lastQuery().get("start"));
        assertEquals(
                3,
                list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.END_TIME, "2100-01-01T00:00:00Z"))
                        .size());
        assertEquals(List.of("4102444800"), lastQuery().get("end"));
    }

    @Test
    void pagesStreamAndOneTaskById() {
        queries();
        Exchange page = template.request(
                "direct:tasks",
                e -> e.getMessage()
                        .setHeaders(Map.of(
                                TileDBConstants.OPERATION,
                                "list",
                                TileDBConstants.NAMESPACE,
                                NS,
                                TileDBConstants.PER_PAGE,
                                1,
                                TileDBConstants.PAGE,
                                2,
                                TileDBConstants.ORDER_BY,
                                "name")));
        List<?> second = page.getMessage().getBody(List.class);
        assertEquals("t-one", ((ArrayTask) second.get(0)).arrayMetadata().name());
        assertEquals(3L, page.getMessage().getHeader(TileDBConstants.TOTAL_ITEMS, Long.class));
        assertEquals(List.of("2"), lastQuery().get("page"));

        ArrayTask listed = list(Map.of(TileDBConstants.NAMESPACE, NS, TileDBConstants.CREATED_BY, "bob"))
                .get(0);
        ArrayTask one = (ArrayTask)
                Operations.call(template, "direct:tasks", "get", null, Map.of(TileDBConstants.TASK_ID, listed.id()));
        assertEquals(listed.id(), one.id());
        assertEquals("bob", one.username());
        assertTrue(SuiteEmulator.get().recordedExchanges().stream()
                .anyMatch(x -> x.rawPath().equals("/v1/task/" + listed.id())));

        Exchange missing = template.request(
                "direct:tasks",
                e -> e.getMessage()
                        .setHeaders(Map.of(TileDBConstants.OPERATION, "get", TileDBConstants.TASK_ID, "no-such-task")));
        assertInstanceOf(TileDBNotFoundException.class, missing.getException());
        Exchange noId =
                template.request("direct:tasks", e -> e.getMessage().setHeader(TileDBConstants.OPERATION, "get"));
        assertTrue(
                noId.getException().getMessage().contains("CamelTileDBTaskId"),
                noId.getException().getMessage());
    }

    @Test
    void theSidebarCountsTheWindowsTasksPerNamespace() {
        queries();
        ArrayTaskBrowserSidebar now = (ArrayTaskBrowserSidebar) Operations.call(
                template, "direct:tasks", "sidebar", null, Map.of(TileDBConstants.END_TIME, "2100-01-01T00:00:00Z"));
        assertEquals(3L, now.resultCountByNamespace().get(NS));
        assertTrue(now.organizations().contains(NS));

        ArrayTaskBrowserSidebar future = (ArrayTaskBrowserSidebar) Operations.call(
                template, "direct:tasks", "sidebar", null, Map.of(TileDBConstants.START_TIME, "4102444800"));
        assertEquals(null, future.resultCountByNamespace().get(NS));
        RecordedExchange last = SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals("/v1/tasks/sidebar"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(List.of("4102444800"), last.query().get("start"));
    }
}
