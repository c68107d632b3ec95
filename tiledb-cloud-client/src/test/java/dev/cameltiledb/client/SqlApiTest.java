package dev.cameltiledb.client;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.client.model.SqlParameters;
import dev.cameltiledb.testing.LogCapture;
import dev.cameltiledb.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cameltiledb.client.DataPlaneServer.KEY;
import static dev.cameltiledb.client.DataPlaneServer.TASK_ID;
import static dev.cameltiledb.client.DataPlaneServer.taskJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/sql/{namespace}} against WireMock: what the client sends (checked against the official spec after
 * each test), how it reads the answers TileDB's clients read (rows as JSON, Arrow as a stream, 204, the task id), and
 * how it fails: bad SQL, a null or broken answer, a connection reset after sending (never sent twice), a row too large.
 */
class SqlApiTest {

    @RegisterExtension
    static final DataPlaneServer SERVER = new DataPlaneServer();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(KEY);

    private static final String PATH = "/v1/sql/acme";
    private static final String ROWS = "[{\"region\": \"emea\", \"total\": 1250.5, \"n\": 12},"
            + " {\"region\": \"apac\", \"total\": 980.25, \"n\": 9}]";
    private static final String QUERY = "select region, sum(amount) as total, count(*) as n"
            + " from `tiledb://acme/sales` where year = ? group by region";

    private static void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        SERVER.server().stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    /** An answer that breaks the spec on purpose, which {@link SpecCheck} then leaves unchecked. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder broken(String body) {
        return taskJson(200, body).withHeader(SpecCheck.BROKEN_ON_PURPOSE, "true");
    }

    /** {@code select 1}, ready to send. */
    private static TaskCall select(TileDBClient client) {
        return client.sql().exec("acme", SqlParameters.of("select 1"));
    }

    private static SqlParameters yearly() {
        return SqlParameters.builder()
                .query(QUERY)
                .parameters(Arrays.asList(2024, null))
                .initCommands(List.of("SET @currency = 'EUR'"))
                .name("nightly-sales")
                .resourceClass("large")
                .build();
    }

    @Test
    void aQueryIsSentAsSqlParametersAndItsJsonRowsReadWhole() {
        answer(taskJson(200, ROWS));
        try (TileDBClient client = SERVER.client()) {
            TaskResult result = client.sql().exec("acme", yearly()).result();
            assertEquals(TASK_ID, result.taskId());
            assertEquals(ResultFormat.JSON, result.format());
            List<Map<String, Object>> rows = result.rows();
            assertEquals(2, rows.size());
            assertEquals(Map.of("region", "emea", "total", 1250.5, "n", 12), rows.get(0));
            assertEquals(
                    List.of("region", "total", "n"), List.copyOf(rows.get(0).keySet()), "columns in order");
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(PATH))
                        .withHeader("X-TILEDB-REST-API-KEY", equalTo(KEY))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withHeader("Accept", equalTo("application/json"))
                        .withRequestBody(equalToJson("{\"name\": \"nightly-sales\", \"query\": \""
                                + QUERY.replace("`", "\\u0060")
                                + "\", \"resource_class\": \"large\", \"result_format\": \"json\","
                                + " \"init_commands\": [\"SET @currency = 'EUR'\"], \"parameters\": [2024, null]}")));
    }

    @Test
    void rowsStreamOneByOneAndTheEndFreesTheConnection() {
        answer(taskJson(200, ROWS));
        try (TileDBClient client = SERVER.client(s -> s.maxConnections(1))) {
            RowStream rows = select(client).rows();
            assertEquals(TASK_ID, rows.taskId());
            assertEquals("emea", rows.next().get("region"));
            assertTrue(rows.hasNext());
            assertEquals(980.25, rows.next().get("total"));
            assertFalse(rows.hasNext());
            // not closed, but read to its end: the pool's only connection is free again
            assertEquals(2, select(client).result().rows().size());
        }
    }

    @Test
    void streamedRowsHoldTheValuesTheMapperReadsWhole() {
        // every kind of JSON value, nested ones, numbers of each width, a name given twice (the last one holds)
        answer(taskJson(
                200,
                "[{\"i\": 7, \"l\": 9000000000, \"big\": 123456789012345678901234567890, \"f\": -1.5e-3,"
                        + " \"s\": \"caf\\u00e9 \\\"x\\\"\", \"t\": true, \"no\": false, \"z\": null,"
                        + " \"o\": {\"a\": [1, {\"b\": 2.5}], \"c\": null}, \"arr\": [\"x\", [], {}],"
                        + " \"i\": 8}, {}, {\"only\": [null]}]"));
        try (TileDBClient client = SERVER.client()) {
            List<Map<String, Object>> whole = select(client).result().rows();
            List<Map<String, Object>> streamed;
            try (RowStream rows = select(client).rows()) {
                streamed = rows.stream().toList();
            }
            assertEquals(whole, streamed);
            Map<String, Object> first = streamed.get(0);
            assertEquals(List.of("i", "l", "big", "f", "s", "t", "no", "z", "o", "arr"), List.copyOf(first.keySet()));
            for (String column : first.keySet()) {
                Object value = first.get(column);
                Object expected = whole.get(0).get(column);
                assertEquals(
                        expected == null ? null : expected.getClass(), value == null ? null : value.getClass(), column);
            }
            assertEquals(8, first.get("i"));
            assertEquals(java.math.BigInteger.class, first.get("big").getClass());
            assertEquals("caf\u00e9 \"x\"", first.get("s"));
        }
    }

    @Test
    void aRowStreamLeftOpenHoldsItsConnectionAndThePoolErrorSaysSo() {
        answer(taskJson(200, ROWS));
        try (TileDBClient client = SERVER.client(s -> s.maxConnections(1))) {
            RowStream open = select(client).rows();
            open.next();
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class,
                    () -> client.sql()
                            .exec("acme", SqlParameters.of("select 2"))
                            .result());
            assertTrue(
                    e.getMessage().contains("1 of them is held by streamed answers")
                            && e.getMessage().contains("close each InputStream or RowStream"),
                    e.getMessage());
            open.close();
            assertFalse(open.hasNext(), "closed: no more rows");
            assertEquals(
                    2,
                    client.sql()
                            .exec("acme", SqlParameters.of("select 2"))
                            .result()
                            .rows()
                            .size());
        }
        assertEquals(2, SERVER.requests(), "the refused call was never sent");
    }

    @Test
    void aStatementWithoutResultAnswers204WithItsTaskId() {
        answer(aResponse().withStatus(204).withHeader("X-TILEDB-CLOUD-TASK-ID", TASK_ID));
        try (TileDBClient client = SERVER.client()) {
            SqlParameters insert = SqlParameters.builder()
                    .query("insert into `tiledb://acme/audit` values (1)")
                    .output("s3://acme-bucket/results/audit", true)
                    .build();
            RowStream rows = client.sql().exec("acme", insert).rows();
            assertFalse(rows.hasNext());
            assertEquals(TASK_ID, rows.taskId());
            TaskResult whole = client.sql().exec("acme", insert).result();
            assertTrue(whole.isEmpty());
            assertEquals(List.of(), whole.rows());
            assertNull(whole.json());
        }
        SERVER.server()
                .verify(
                        2,
                        postRequestedFor(urlEqualTo(PATH))
                                .withRequestBody(
                                        equalToJson("{\"query\": \"insert into \\u0060tiledb://acme/audit\\u0060"
                                                + " values (1)\", \"output_uri\": \"s3://acme-bucket/results/audit\","
                                                + " \"store_results\": true, \"result_format\": \"json\"}")));
    }

    @Test
    void anArrowResultIsHandedOverAsTheRawIpcStream() throws Exception {
        byte[] ipc = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x10, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.apache.arrow.stream")
                .withHeader("X-TILEDB-CLOUD-TASK-ID", TASK_ID)
                .withBody(ipc));
        try (TileDBClient client = SERVER.client()) {
            TaskCall call =
                    client.sql().exec("acme", SqlParameters.of("select 1").withResultFormat(ResultFormat.ARROW));
            TileDBConfigurationException notRows = assertThrows(TileDBConfigurationException.class, call::rows);
            assertTrue(notRows.getMessage().contains("resultFormat is arrow"), notRows.getMessage());
            assertEquals(0, SERVER.requests(), "refused before sending");
            try (ResultStream stream = call.stream()) {
                assertEquals(TASK_ID, stream.taskId());
                assertEquals(ResultFormat.ARROW, stream.format());
                assertArrayEquals(ipc, stream.readAllBytes());
            }
        }
        SERVER.server()
                .verify(postRequestedFor(urlEqualTo(PATH))
                        .withRequestBody(equalToJson("{\"query\": \"select 1\", \"result_format\": \"arrow\"}")));
    }

    @Test
    void badSqlIsTheServicesErrorNotRetried() {
        answer(taskJson(
                400,
                "{\"code\": 1064, \"message\": \"You have an error in your SQL syntax; check the manual that"
                        + " corresponds to your MariaDB server version for the right syntax to use near 'selec 1'"
                        + " at line 1\", \"request_id\": \"req-4471\"}"));
        try (TileDBClient client =
                SERVER.client(s -> s.retryPolicy(new RetryPolicy(RetryMode.FORCEFUL, 3, 1, 1, 1, false)))) {
            TileDBApiException e = assertThrows(
                    TileDBApiException.class,
                    () -> client.sql().exec("acme", SqlParameters.of("selec 1")).rows());
            assertEquals(400, e.getStatusCode());
            assertEquals(1064L, e.getErrorCode());
            assertEquals("req-4471", e.getRequestId());
            assertTrue(e.getMessage().contains("error in your SQL syntax"), e.getMessage());
        }
        assertEquals(1, SERVER.requests(), "forceful retries 400, but never a call that ran SQL");
    }

    @Test
    void anUnknownArrayIsTheServicesNotFoundNotRetried() {
        answer(taskJson(
                404,
                "{\"code\": 404, \"message\": \"array tiledb://acme/nowhere does not exist or you do not have"
                        + " access to it\", \"request_id\": \"req-4472\"}"));
        try (TileDBClient client =
                SERVER.client(s -> s.retryPolicy(new RetryPolicy(RetryMode.FORCEFUL, 3, 1, 1, 1, false)))) {
            SqlParameters unknown = SqlParameters.of("select * from `tiledb://acme/nowhere`");
            for (org.junit.jupiter.api.function.Executable send : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> client.sql().exec("acme", unknown).rows(),
                    () -> client.sql().exec("acme", unknown).result())) {
                TileDBNotFoundException e = assertThrows(TileDBNotFoundException.class, send);
                assertEquals(
                        "TileDB Cloud answered HTTP 404 to POST /v1/sql/acme: array tiledb://acme/nowhere does not"
                                + " exist or you do not have access to it (code 404, request id req-4472) [task "
                                + TASK_ID + "]",
                        e.getMessage());
            }
        }
        assertEquals(2, SERVER.requests(), "each call sent once");
    }

    @Test
    void aCallPastCallTimeoutEndsNamingItAndIsNotSentAgain() throws Exception {
        try (SilentServer silent = new SilentServer();
                TileDBClient client = new TileDBClient(
                        DataPlaneServer.settings(silent.url())
                                .retryPolicy(new RetryPolicy(RetryMode.FORCEFUL, 3, 1, 1, 1, false))
                                .limits(300, 1 << 20)
                                .build(),
                        SERVER.waits()::add)) {
            TileDBException whole =
                    assertThrows(TileDBException.class, () -> select(client).result());
            assertTrue(
                    whole.getMessage().contains("POST /v1/sql/acme did not complete within callTimeout (300 ms)"),
                    whole.getMessage());
            TileDBException rows =
                    assertThrows(TileDBException.class, () -> select(client).rows());
            assertTrue(
                    rows.getMessage().contains("POST /v1/sql/acme did not complete within callTimeout (300 ms)"),
                    rows.getMessage());
            assertEquals(2, silent.connections(), "one connection a call: neither was sent again");
        }
        assertEquals(List.of(), SERVER.waits());
    }

    @Test
    void aWholeResultIsBoundedByMaxResponseSizeAndTheErrorSaysToStreamIt() {
        answer(taskJson(200, "[" + "{\"pad\": \"" + "p".repeat(5000) + "\"}]"));
        try (TileDBClient client = SERVER.client(s -> s.limits(60_000, 4096))) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> select(client).result());
            assertTrue(e.getMessage().contains("maxResponseSize (4096 bytes)"), e.getMessage());
            assertTrue(e.getMessage().endsWith(TaskCall.WHOLE_RESULT_ADVICE), e.getMessage());
        }
        assertEquals(1, SERVER.requests());
    }

    @Test
    void aRetryAfterBeyondTheRetryBudgetIsNotWaitedFor() {
        answer(taskJson(429, "{\"code\": 429, \"message\": \"rate limit exceeded\"}")
                .withHeader("Retry-After", "5"));
        try (TileDBClient client =
                SERVER.client(s -> s.retryPolicy(new RetryPolicy(RetryMode.DEFAULT, 3, 1, 1, 60_000, false, 1000)))) {
            TileDBApiException e =
                    assertThrows(TileDBApiException.class, () -> select(client).rows());
            assertEquals(429, e.getStatusCode());
        }
        assertEquals(1, SERVER.requests(), "a 5 s wait does not fit a 1 s retry budget");
        assertEquals(List.of(), SERVER.waits());
    }

    @Test
    void aServiceUnavailableIsNotRetriedButTooManyRequestsIs() {
        answer(taskJson(503, "{\"code\": 503, \"message\": \"upstream connect error\"}"));
        try (TileDBClient client = SERVER.client()) {
            TileDBServerException e = assertThrows(
                    TileDBServerException.class, () -> select(client).result());
            assertEquals(503, e.getStatusCode());
        }
        assertEquals(1, SERVER.requests(), "a 503 may come from a gateway after the SQL ran");
        SERVER.server().resetAll();
        SERVER.server()
                .stubFor(post(urlEqualTo(PATH))
                        .inScenario("busy")
                        .willReturn(taskJson(429, "{\"code\": 429, \"message\": \"rate limit exceeded\"}")
                                .withHeader("Retry-After", "2"))
                        .willSetStateTo("free"));
        SERVER.server()
                .stubFor(post(urlEqualTo(PATH))
                        .inScenario("busy")
                        .whenScenarioStateIs("free")
                        .willReturn(taskJson(200, ROWS)));
        SERVER.waits().clear();
        try (TileDBClient client = SERVER.client()) {
            assertEquals(2, select(client).result().rows().size());
        }
        assertEquals(2, SERVER.requests(), "a 429 was refused before it ran: sent again");
        assertEquals(List.of(2000L), SERVER.waits());
    }

    @Test
    void aQueryIsNotSentAgainAfterAResetOnceSent() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (TileDBClient client = SERVER.client()) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> select(client).rows());
            assertTrue(e.getMessage().startsWith("Could not complete POST"), e.getMessage());
        }
        assertEquals(1, SERVER.requests(), "the query may have run: it is not sent twice");
        assertEquals(List.of(), SERVER.waits());
    }

    @Test
    void aConnectionThatCouldNotBeOpenedIsRetriedSinceNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (TileDBClient client = new TileDBClient(
                DataPlaneServer.settings("http://127.0.0.1:" + closedPort)
                        .retryPolicy(new RetryPolicy(RetryMode.DEFAULT, 3, 5, 5, 5, false))
                        .build(),
                SERVER.waits()::add)) {
            TileDBConnectionException e = assertThrows(
                    TileDBConnectionException.class, () -> select(client).result());
            assertTrue(e.getMessage().contains("(attempt 4)"), e.getMessage());
        }
        assertEquals(List.of(5L, 5L, 5L), SERVER.waits(), "three retries of a request that never left");
    }

    @Test
    void aNullOrBrokenAnswerIsANamedError() {
        answer(broken("null"));
        try (TileDBClient client = SERVER.client()) {
            TileDBException e =
                    assertThrows(TileDBException.class, () -> select(client).rows());
            assertEquals(
                    "TileDB Cloud answered POST /v1/sql/acme with null where a JSON array of rows was expected",
                    e.getMessage());
            TileDBException whole = assertThrows(
                    TileDBException.class, () -> select(client).result().rows());
            assertTrue(whole.getMessage().contains("null where a JSON array of rows was expected"), whole.getMessage());

            answer(broken("[{\"a\": 1}, {\"a\": 2}, {\"a\": "));
            RowStream rows = select(client).rows();
            assertEquals(1, rows.next().get("a"));
            assertEquals(2, rows.next().get("a"));
            TileDBException broken = assertThrows(TileDBException.class, rows::hasNext);
            assertTrue(
                    broken.getMessage()
                            .startsWith("TileDB Cloud answered POST /v1/sql/acme with a body that is not"
                                    + " JSON at row 3"),
                    broken.getMessage());
            assertFalse(rows.hasNext(), "a broken stream stays ended");

            answer(broken("[{\"a\": 1}, 17]"));
            RowStream odd = select(client).rows();
            odd.next();
            TileDBException notARow = assertThrows(TileDBException.class, odd::next);
            assertTrue(notARow.getMessage().contains("with a number at row 2 where a row"), notARow.getMessage());
        }
    }

    @Test
    void eachRowIsBoundedByMaxResponseSizeNotTheWholeResult() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"i\": ")
                    .append(i)
                    .append(", \"pad\": \"")
                    .append("p".repeat(900))
                    .append("\"}");
        }
        body.append(",{\"i\": 200, \"pad\": \"").append("x".repeat(8000)).append("\"}]");
        answer(taskJson(200, body.toString()));
        try (TileDBClient client = SERVER.client(s -> s.limits(60_000, 4096))) {
            RowStream rows = select(client).rows();
            int read = 0;
            TileDBException e = null;
            try {
                while (rows.hasNext()) {
                    rows.next();
                    read++;
                }
            } catch (TileDBException tooLarge) {
                e = tooLarge;
            }
            assertEquals(200, read, "200 KiB of rows of 1 KiB each stream through a 4 KiB bound");
            assertTrue(
                    e != null
                            && e.getMessage()
                                    .startsWith("A row of the answer to POST /v1/sql/acme is larger than"
                                            + " maxResponseSize (4096 bytes)"),
                    String.valueOf(e));
            assertTrue(e.getMessage().endsWith("(at row 201)"), e.getMessage());
        }
    }

    @Test
    void execAsyncIsTheResultOnTheClientsThreads() throws Exception {
        answer(taskJson(200, ROWS));
        try (TileDBClient client = SERVER.client()) {
            TaskResult result = select(client).resultAsync().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(TASK_ID, result.taskId());
            assertEquals(2, result.rows().size());
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        try (TileDBClient client = SERVER.client()) {
            TileDBConfigurationException noQuery = assertThrows(
                    TileDBConfigurationException.class, () -> client.sql().exec("acme", SqlParameters.of(" ")));
            assertEquals("SQL needs a query to run (query)", noQuery.getMessage());
            TileDBConfigurationException teamspace = assertThrows(
                    TileDBConfigurationException.class,
                    () -> client.sql().exec("acme/research", SqlParameters.of("select 1")));
            assertTrue(teamspace.getMessage().contains("not the teamspace 'acme/research'"), teamspace.getMessage());
        }
        assertEquals(0, SERVER.requests());
    }

    @Test
    void aStreamCanBeReadAsRawJsonToo() throws Exception {
        answer(taskJson(200, ROWS));
        try (TileDBClient client = SERVER.client();
                InputStream raw = select(client).stream()) {
            assertEquals(ROWS, new String(raw.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
