package dev.cameltiledb.component;

import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBNotFoundException;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:sql} over HTTP to the emulator, which runs the SQL on the seeded cells: the query from the body, the
 * query option or its header; parameters and init commands; rows collected or streamed lazily into a splitter; an
 * Arrow result as the raw IPC stream; a result stored as an array and kept for {@code tasks result}; the task id in
 * CamelTileDBTaskId. Bad input fails before any request, naming the option or header; the service's errors (bad SQL,
 * an unknown array) fail the exchange with its message and leave the body as it was.
 */
class SqlTest extends DataPlaneRouteTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "sqlns";
    /** Namespaces nothing else calls: requests there are counted. */
    private static final String NEVER = "sql-never-sent";

    private static final String SALES = "`tiledb://" + NS + "/sales`";

    @Override
    String namespace() {
        return NS;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sql").to(SuiteEmulator.uri("sql", "namespace=" + NS));
                from("direct:stream")
                        .to(SuiteEmulator.uri("sql", "namespace=" + NS + "&streamResults=true"))
                        .split(body())
                        .streaming()
                        .to("mock:row");
                from("direct:batches")
                        .to(SuiteEmulator.uri("sql", "namespace=" + NS + "&streamResults=true&batchSize=4"))
                        .split(body())
                        .streaming()
                        .to("mock:batch");
                from("direct:arrow")
                        .to(SuiteEmulator.uri("sql", "namespace=" + NS + "&resultFormat=arrow"))
                        // the stream is read inside the route: it is closed when the exchange completes
                        .convertBodyTo(byte[].class);
                from("direct:tasks").to(SuiteEmulator.uri("tasks", ""));
                from("direct:stored-stream")
                        .to(SuiteEmulator.uri("tasks", "streamResults=true"))
                        .process(
                                e -> e.setProperty("streamed", e.getMessage().getBody() instanceof java.io.InputStream))
                        .convertBodyTo(byte[].class);
                // one connection: a stream the route leaves unread must give it back when the exchange completes
                from("direct:unread")
                        .to(SuiteEmulator.uri(
                                "sql",
                                "namespace=" + NS
                                        + "&streamResults=true&maxConnections=1&connectionRequestTimeout=3000"));
                from("direct:never").to(SuiteEmulator.uri("sql", "namespace=" + NEVER));
            }
        };
    }

    @Test
    void theBodyIsTheQueryItsParametersBindAndTheRowsComeBackWithTheTaskId() {
        Exchange reply = send(
                "direct:sql",
                "select id, region, amount from " + SALES + " where region = ? and amount > ? order by id",
                Map.of(TileDBConstants.PARAMETERS, "[\"EU\", 15]"));
        assertNull(reply.getException());
        assertEquals(
                List.of(
                        Map.of("id", 3, "region", "EU", "amount", 30.0),
                        Map.of("id", 6, "region", "EU", "amount", 60.0)),
                reply.getMessage().getBody());
        String taskId = reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);
        assertNotNull(taskId, "the task id is a header");
        ArrayTask task = (ArrayTask)
                Operations.call(template, "direct:tasks", "get", null, Map.of(TileDBConstants.TASK_ID, taskId));
        assertEquals("SQL", task.type());
        assertEquals("COMPLETED", task.status());
        assertEquals(List.of("EU", 15), task.sqlParameters());
    }

    @Test
    void theQueryHeaderWinsOverTheBodyAndInitCommandsRunFirst() {
        Exchange reply = send(
                "direct:sql",
                "this body is not SQL and is not sent",
                Map.of(
                        TileDBConstants.QUERY, "select @a as a, ? as p",
                        TileDBConstants.INIT_COMMANDS, List.of("SET @a = 7"),
                        TileDBConstants.PARAMETERS, List.of("1.1")));
        assertNull(reply.getException());
        assertEquals(List.of(Map.of("a", 7, "p", "1.1")), reply.getMessage().getBody());
    }

    @Test
    void streamedRowsReachASplitterOneByOne() throws Exception {
        MockEndpoint rows = getMockEndpoint("mock:row");
        rows.expectedMessageCount(6);
        Exchange reply = send("direct:stream", "select id, amount from " + SALES + " order by id", Map.of());
        assertNull(reply.getException());
        rows.assertIsSatisfied();
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                rows.getExchanges().stream()
                        .map(e -> e.getMessage().getBody(Map.class).get("id"))
                        .toList());
    }

    @Test
    void withBatchSizeEachSplitExchangeIsAListOfThatManyRowsTheLastShorter() throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:batch");
        batches.expectedMessageCount(2);
        Exchange reply = send("direct:batches", "select id, amount from " + SALES + " order by id", Map.of());
        assertNull(reply.getException());
        batches.assertIsSatisfied();
        assertEquals(List.of(List.of(1, 2, 3, 4), List.of(5, 6)), ids(batches));
        assertEquals(
                Map.of("id", 1, "amount", 10.0),
                batches.getExchanges().get(0).getMessage().getBody(List.class).get(0));

        // the header overrides the URI's batch size, for this message only
        batches.reset();
        batches.expectedMessageCount(1);
        reply = send(
                "direct:batches",
                "select id, amount from " + SALES + " order by id",
                Map.of(TileDBConstants.BATCH_SIZE, 100));
        assertNull(reply.getException());
        batches.assertIsSatisfied();
        assertEquals(List.of(List.of(1, 2, 3, 4, 5, 6)), ids(batches));
    }

    @Test
    void aBatchSizeBelowOneIsRefusedNamingItsHeaderBeforeAnyRequest() {
        String refusal = refused(
                "direct:never",
                "select 1",
                Map.of(TileDBConstants.BATCH_SIZE, 0, TileDBConstants.STREAM_RESULTS, true));
        assertTrue(
                refusal.contains(TileDBConstants.BATCH_SIZE) && refusal.contains("must be positive, was 0"), refusal);
        assertEquals(List.of(), DataPlaneSeed.requestsTo("/" + NEVER), "nothing was sent");
    }

    /** The ids of each batch a mock received, in order. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> ids(MockEndpoint batches) {
        return batches.getExchanges().stream()
                .map(x -> ((List<Map<String, Object>>) x.getMessage().getBody(List.class))
                        .stream().map(row -> row.get("id")).toList())
                .toList();
    }

    @Test
    void anArrowResultIsTheRawIpcStream() {
        Exchange reply = send("direct:arrow", "select id, amount from " + SALES + " order by id", Map.of());
        assertNull(reply.getException());
        byte[] arrow = reply.getMessage().getBody(byte[].class);
        // an Arrow IPC stream opens with a message: the continuation marker 0xFFFFFFFF, then the metadata length
        assertTrue(arrow.length > 8, "an Arrow stream of " + arrow.length + " bytes");
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, java.util.Arrays.copyOf(arrow, 4));
        assertNotNull(reply.getMessage().getHeader(TileDBConstants.TASK_ID));
    }

    @Test
    void aResultStoredAsAnArrayAndKeptForTheTasksResult() {
        Exchange reply = send(
                "direct:sql",
                "select region, sum(amount) as total from " + SALES + " group by region order by region",
                Map.of(
                        TileDBConstants.OUTPUT_URI,
                        "tiledb://" + NS + "/totals",
                        TileDBConstants.STORE_RESULTS,
                        true,
                        TileDBConstants.TASK_NAME,
                        "nightly totals"));
        assertNull(reply.getException());
        List<Map<String, Object>> expected = List.of(
                Map.of("region", "APAC", "total", 40.0),
                Map.of("region", "EU", "total", 100.0),
                Map.of("region", "US", "total", 70.0));
        assertEquals(expected, reply.getMessage().getBody());
        String taskId = reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);
        Exchange kept = template.request(
                "direct:tasks",
                e -> e.getMessage()
                        .setHeaders(Map.of(TileDBConstants.OPERATION, "result", TileDBConstants.TASK_ID, taskId)));
        assertNull(kept.getException());
        assertEquals(expected, kept.getMessage().getBody());
        assertTrue(
                kept.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class).startsWith("application/json"));

        Exchange stored =
                send("direct:sql", "select region, total from `tiledb://" + NS + "/totals` order by region", Map.of());
        assertNull(stored.getException());
        assertEquals(expected, stored.getMessage().getBody());
        ArrayTask task = (ArrayTask)
                Operations.call(template, "direct:tasks", "get", null, Map.of(TileDBConstants.TASK_ID, taskId));
        assertEquals("nightly totals", task.name());
    }

    @Test
    void aStoredArrowResultIsReadAsBytesOrAsTheLiveStream() throws Exception {
        Exchange reply = send(
                "direct:arrow",
                "select id from " + SALES + " order by id",
                Map.of(TileDBConstants.STORE_RESULTS, true));
        byte[] direct = reply.getMessage().getBody(byte[].class);
        String taskId = reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);

        Exchange whole = template.request(
                "direct:tasks",
                e -> e.getMessage()
                        .setHeaders(Map.of(TileDBConstants.OPERATION, "result", TileDBConstants.TASK_ID, taskId)));
        assertNull(whole.getException());
        assertArrayEquals(direct, whole.getMessage().getBody(byte[].class));
        assertEquals("application/vnd.apache.arrow.stream", whole.getMessage().getHeader(Exchange.CONTENT_TYPE));

        Exchange live = template.request(
                "direct:stored-stream",
                e -> e.getMessage()
                        .setHeaders(Map.of(TileDBConstants.OPERATION, "result", TileDBConstants.TASK_ID, taskId)));
        assertNull(live.getException());
        assertArrayEquals(direct, live.getMessage().getBody(byte[].class), "read in the route from the live answer");
        assertTrue(live.getProperty("streamed", Boolean.class), "the body was an InputStream");
    }

    @Test
    void maxResultsKeepsTheFirstRows() {
        Exchange reply =
                send("direct:sql", "select id from " + SALES + " order by id", Map.of(TileDBConstants.MAX_RESULTS, 2));
        assertEquals(
                List.of(Map.of("id", 1), Map.of("id", 2)), reply.getMessage().getBody());
    }

    @Test
    void badInputFailsBeforeAnyRequestNamingTheOptionOrHeader() {
        String noQuery = refused("direct:never", null, Map.of());
        assertTrue(noQuery.contains("needs a query") && noQuery.contains(TileDBConstants.QUERY), noQuery);
        String badFormat = refused("direct:never", "select 1", Map.of(TileDBConstants.RESULT_FORMAT, "xml"));
        assertTrue(badFormat.contains(TileDBConstants.RESULT_FORMAT) && badFormat.contains("json"), badFormat);
        String badParameters = refused("direct:never", "select ?", Map.of(TileDBConstants.PARAMETERS, "[1, 2"));
        assertTrue(
                badParameters.startsWith(
                        "The parameters option (header " + TileDBConstants.PARAMETERS + ") must be a JSON array"),
                badParameters);
        String notAnArray = refused("direct:never", "select ?", Map.of(TileDBConstants.PARAMETERS, "{\"a\": 1}"));
        assertTrue(notAnArray.contains("must be a JSON array such as"), notAnArray);
        String badInit =
                refused("direct:never", "select 1", Map.of(TileDBConstants.INIT_COMMANDS, "[\"SET @a = 1\", 2]"));
        assertTrue(badInit.contains(TileDBConstants.INIT_COMMANDS), badInit);
        String teamspace = refused("direct:never", "select 1", Map.of(TileDBConstants.NAMESPACE, "acme/research"));
        assertTrue(teamspace.contains("classic namespace"), teamspace);
        assertEquals(List.of(), DataPlaneSeed.requestsTo("/" + NEVER), "nothing was sent");
    }

    @Test
    void theServicesErrorsFailTheExchangeWithTheirMessageAndTheBodyStaysAsItWas() {
        String badSql = "selec id from " + SALES;
        Exchange syntax = send("direct:sql", badSql, Map.of());
        TileDBApiException error = assertInstanceOf(TileDBApiException.class, syntax.getException());
        assertEquals(400, error.getStatusCode());
        assertTrue(error.getMessage().contains("selec"), error.getMessage());
        assertNotNull(error.getTaskId(), "the failed task is named");
        assertEquals(badSql, syntax.getMessage().getBody(), "nothing half-delivered");

        Exchange unknown = send("direct:sql", "select * from `tiledb://" + NS + "/nothing`", Map.of());
        TileDBNotFoundException missing = assertInstanceOf(TileDBNotFoundException.class, unknown.getException());
        assertTrue(missing.getMessage().contains("tiledb://" + NS + "/nothing"), missing.getMessage());
    }

    @Test
    void aStatementWithoutResultHasNoRowsAndATaskId() {
        Exchange reply = send("direct:sql", "set @unused = 1", Map.of());
        assertNull(reply.getException());
        assertEquals(List.of(), reply.getMessage().getBody());
        assertNotNull(reply.getMessage().getHeader(TileDBConstants.TASK_ID));
        java.util.function.Predicate<RecordedExchange> mine = x -> x.rawPath().equals("/v1/sql/" + NS)
                && x.requestBody() != null
                && new String(x.requestBody(), java.nio.charset.StandardCharsets.UTF_8).contains("set @unused");
        // an answer is recorded once it was sent in full, which may come after the client read it
        dev.cameltiledb.emulator.common.Await.until(
                () -> SuiteEmulator.get().recordedExchanges().stream().anyMatch(mine), "the statement's exchange");
        RecordedExchange sent = SuiteEmulator.get().recordedExchanges().stream()
                .filter(mine)
                .findFirst()
                .orElseThrow();
        assertEquals(204, sent.status());
    }

    @Test
    void aStreamTheRouteLeavesUnreadIsClosedWhenTheExchangeCompletes() {
        for (int i = 0; i < 3; i++) {
            Exchange reply = send("direct:unread", "select id from " + SALES + " order by id", Map.of());
            assertNull(reply.getException(), "call " + (i + 1) + " found the pool's one connection free");
            assertTrue(reply.getMessage().getBody() instanceof java.util.Iterator<?>);
        }
    }
}
