package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:arrays?operation=query} over HTTP to the emulator: the JSON query of a slice (ranges per dimension,
 * fields, layout) turned from the service's columns into one Map per row, collected or streamed into a splitter; the
 * task id in CamelTileDBTaskId. Bad ranges or layouts fail before any request; an unknown array is the service's 404.
 */
class ArraysQueryTest extends DataPlaneRouteTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "queryns";

    /** A dense 4 x 4 grid whose cell (r, c) holds 10 r + c. */
    private static final String GRID_SCHEMA = """
            {"arrayType":"dense","tileOrder":"row-major","cellOrder":"row-major","capacity":10000,
             "domain":{"type":"INT32","dimensions":[
               {"name":"r","type":"INT32","domain":{"int32":[1,4]},"nullTileExtent":false,"tileExtent":{"int32":2}},
               {"name":"c","type":"INT32","domain":{"int32":[1,4]},"nullTileExtent":false,"tileExtent":{"int32":2}}]},
             "attributes":[{"name":"v","type":"INT32","cellValNum":1,"nullable":false}]}""";

    @Override
    String namespace() {
        return NS;
    }

    @BeforeAll
    static void seed() {
        seedOnce(NS);
        List<Integer> r = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        List<Integer> v = new ArrayList<>();
        for (int row = 1; row <= 4; row++) {
            for (int col = 1; col <= 4; col++) {
                r.add(row);
                c.add(col);
                v.add(10 * row + col);
            }
        }
        SuiteEmulator.get()
                .seed(new Seed(
                        null,
                        null,
                        List.of(new Seed.SeedArray(NS, "grid", null, null, null, null, null, null)
                                .withCells(
                                        DataPlaneSeed.json(GRID_SCHEMA),
                                        new com.fasterxml.jackson.databind.ObjectMapper()
                                                .valueToTree(Map.of("r", r, "c", c, "v", v)),
                                        1_000L))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query").to(SuiteEmulator.arrays("operation=query&namespace=" + NS));
                from("direct:stream")
                        .to(SuiteEmulator.arrays("operation=query&namespace=" + NS + "&streamResults=true"))
                        .split(body())
                        .streaming()
                        .to("mock:row");
                // the slice in the URI, as the docs write it
                from("direct:in-uri")
                        .to(SuiteEmulator.arrays("operation=query&namespace=" + NS
                                + "&array=grid&ranges=[[1,2],[]]&fields=v&layout=col-major"));
                from("direct:never").to(SuiteEmulator.arrays("operation=query&namespace=query-never-sent"));
                from("direct:tasks").to(SuiteEmulator.uri("tasks", ""));
            }
        };
    }

    private Exchange query(String endpoint, Map<String, Object> headers) {
        return template.request(endpoint, e -> e.getMessage().setHeaders(new HashMap<>(headers)));
    }

    private String refused(String endpoint, Map<String, Object> headers) {
        return Operations.refusal(query(endpoint, headers));
    }

    @Test
    void aSliceOfFieldsComesBackAsRowsWithTheTaskId() {
        Exchange reply = query(
                "direct:query",
                Map.of(
                        TileDBConstants.ARRAY, "sales",
                        TileDBConstants.RANGES, "[[2, 4]]",
                        TileDBConstants.FIELDS, "id,amount"));
        assertNull(reply.getException());
        assertEquals(
                List.of(
                        Map.of("id", 2, "amount", 20.0),
                        Map.of("id", 3, "amount", 30.0),
                        Map.of("id", 4, "amount", 40.0)),
                reply.getMessage().getBody());
        String taskId = reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);
        ArrayTask task = (ArrayTask)
                Operations.call(template, "direct:tasks", "get", null, Map.of(TileDBConstants.TASK_ID, taskId));
        assertEquals("QUERY", task.type());
        assertEquals("tiledb://" + NS + "/sales", reply.getMessage().getHeader(TileDBConstants.ASSET_URI));
    }

    @Test
    void withoutRangesOrFieldsTheWholeArrayAndTheLayoutOrdersTheCells() {
        Exchange all = query("direct:query", Map.of(TileDBConstants.ARRAY, "sales"));
        assertNull(all.getException());
        List<?> rows = all.getMessage().getBody(List.class);
        assertEquals(6, rows.size());
        assertEquals(Map.of("id", 1, "region", "EU", "amount", 10.0), rows.get(0));

        Exchange rowMajor = query(
                "direct:query",
                Map.of(TileDBConstants.ARRAY, "grid", TileDBConstants.RANGES, List.of(List.of(1, 2), List.of(1, 2))));
        assertEquals(List.of(11, 12, 21, 22), values(rowMajor));
        Exchange colMajor = query(
                "direct:query",
                Map.of(
                        TileDBConstants.TILEDB_URI, "tiledb://" + NS + "/grid",
                        TileDBConstants.RANGES, "[[1, 2], [1, 2]]",
                        TileDBConstants.LAYOUT, "col-major"));
        assertEquals(List.of(11, 21, 12, 22), values(colMajor));
    }

    private static List<Object> values(Exchange reply) {
        assertNull(reply.getException());
        return reply.getMessage().getBody(List.class).stream()
                .map(row -> ((Map<?, ?>) row).get("v"))
                .map(Object.class::cast)
                .toList();
    }

    @Test
    void theSliceCanBeWrittenInTheUri() {
        assertEquals(List.of(11, 21, 12, 22, 13, 23, 14, 24), values(query("direct:in-uri", Map.of())));
    }

    @Test
    void streamedRowsReachASplitter() throws Exception {
        MockEndpoint rows = getMockEndpoint("mock:row");
        rows.expectedMessageCount(16);
        assertNull(query("direct:stream", Map.of(TileDBConstants.ARRAY, "grid")).getException());
        rows.assertIsSatisfied();
        assertEquals(
                44, rows.getExchanges().get(15).getMessage().getBody(Map.class).get("v"));
    }

    @Test
    void streamedRowsReachASplitterInBatches() throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:row");
        batches.expectedMessageCount(4);
        assertNull(query("direct:stream", Map.of(TileDBConstants.ARRAY, "grid", TileDBConstants.BATCH_SIZE, "5"))
                .getException());
        batches.assertIsSatisfied();
        assertEquals(
                List.of(5, 5, 5, 1),
                batches.getExchanges().stream()
                        .map(x -> x.getMessage().getBody(List.class).size())
                        .toList());
        assertEquals(
                44,
                ((Map<?, ?>) batches.getExchanges()
                                .get(3)
                                .getMessage()
                                .getBody(List.class)
                                .get(0))
                        .get("v"));
    }

    @Test
    void badSlicesFailBeforeAnyRequestAndAnUnknownArrayIsTheServices404() {
        String badRanges =
                refused("direct:never", Map.of(TileDBConstants.ARRAY, "grid", TileDBConstants.RANGES, "[1, 2]"));
        assertTrue(
                badRanges.contains(TileDBConstants.RANGES) && badRanges.contains("one array of bounds per dimension"),
                badRanges);
        String oddBounds =
                refused("direct:never", Map.of(TileDBConstants.ARRAY, "grid", TileDBConstants.RANGES, "[[1, 2, 3]]"));
        assertTrue(oddBounds.contains("pair"), oddBounds);
        String badLayout =
                refused("direct:never", Map.of(TileDBConstants.ARRAY, "grid", TileDBConstants.LAYOUT, "hilbert"));
        assertTrue(badLayout.contains(TileDBConstants.LAYOUT), badLayout);
        String noArray = refused("direct:never", Map.of());
        assertTrue(noArray.contains(TileDBConstants.ARRAY), noArray);
        assertEquals(List.of(), DataPlaneSeed.requestsTo("query-never-sent"), "nothing was sent");

        Exchange unknown = query("direct:query", Map.of(TileDBConstants.ARRAY, "nothing"));
        assertInstanceOf(TileDBNotFoundException.class, unknown.getException());
    }
}
