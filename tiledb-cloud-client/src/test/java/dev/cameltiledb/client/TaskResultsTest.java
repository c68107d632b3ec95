package dev.cameltiledb.client;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.client.model.ResultFormat;
import dev.cameltiledb.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cameltiledb.client.DataPlaneServer.KEY;
import static dev.cameltiledb.client.DataPlaneServer.TASK_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /v1/task/{id}/result} and {@code GET /v1/task/{id}} against WireMock: a stored result decoded by its
 * content type, a task still running (202), a result not stored (404), and what a failed task tells (status, message,
 * logs, duration). Every exchange is checked against the official spec after each test.
 */
class TaskResultsTest {

    @RegisterExtension
    static final DataPlaneServer SERVER = new DataPlaneServer();

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(KEY);

    private static final String RESULT = "/v1/task/" + TASK_ID + "/result";

    private static void answer(ResponseDefinitionBuilder response) {
        SERVER.server().stubFor(get(urlEqualTo(RESULT)).willReturn(response));
    }

    @Test
    void aStoredResultIsDecodedByItsContentType() throws Exception {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"region\": \"emea\", \"total\": 1250.5}]"));
        try (TileDBClient client = SERVER.client()) {
            TaskResult json = client.tasks().result(TASK_ID);
            assertTrue(json.ready());
            assertEquals(ResultFormat.JSON, json.format());
            assertEquals(List.of(Map.of("region", "emea", "total", 1250.5)), json.rows());
        }
        byte[] ipc = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 8, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9, 9};
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.apache.arrow.stream")
                .withBody(ipc));
        try (TileDBClient client = SERVER.client()) {
            TaskResult arrow = client.tasks().result(TASK_ID);
            assertEquals(ResultFormat.ARROW, arrow.format());
            assertArrayEquals(ipc, arrow.body());
            TileDBException notJson = assertThrows(TileDBException.class, arrow::json);
            assertTrue(
                    notJson.getMessage()
                            .startsWith(
                                    "The result of the task (application/vnd.apache.arrow.stream) is" + " not JSON"),
                    notJson.getMessage());
            try (ResultStream stream = client.tasks().resultStream(TASK_ID)) {
                assertTrue(stream.ready());
                assertEquals(ResultFormat.ARROW, stream.format());
                assertArrayEquals(ipc, stream.readAllBytes());
            }
        }
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.tiledb.udf-data+json")
                .withBody("{\"__tdbudf__\": \"immediate\", \"format\": \"bytes\", \"base64_data\": \"Ynl0ZXM=\"}"));
        try (TileDBClient client = SERVER.client()) {
            TaskResult tiledbJson = client.tasks().result(TASK_ID);
            assertEquals(ResultFormat.TILEDB_JSON, tiledbJson.format());
            assertEquals("immediate", ((Map<?, ?>) tiledbJson.json()).get("__tdbudf__"));
        }
    }

    @Test
    void aTaskStillRunningHasNoResultYet() throws Exception {
        answer(aResponse().withStatus(202));
        try (TileDBClient client = SERVER.client()) {
            TaskResult running = client.tasks().result(TASK_ID);
            assertFalse(running.ready());
            TileDBException early = assertThrows(TileDBException.class, running::json);
            assertEquals(
                    "The result of the task is not there yet: the task is still running (202); ask again later",
                    early.getMessage());
            try (ResultStream stream = client.tasks().resultStream(TASK_ID)) {
                assertFalse(stream.ready());
                assertEquals(-1, stream.read());
            }
        }
        assertEquals(List.of(), SERVER.waits(), "a 202 is an answer, not a failure to retry");
    }

    @Test
    void aResultNotStoredIsANamedNotFound() {
        answer(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 404, \"message\": \"results not found\", \"request_id\": \"req-9\"}"));
        try (TileDBClient client = SERVER.client()) {
            TileDBNotFoundException e = assertThrows(
                    TileDBNotFoundException.class, () -> client.tasks().result(TASK_ID));
            assertEquals(
                    "TileDB Cloud answered HTTP 404 to GET /v1/task/" + TASK_ID + "/result: task " + TASK_ID
                            + " has no stored result: it was run without storeResults, its result expired, or there"
                            + " is no such task (the service said: results not found) (code 404, request id req-9)",
                    e.getMessage());
            assertEquals(
                    TileDBNotFoundException.class,
                    assertThrows(
                                    TileDBNotFoundException.class,
                                    () -> client.tasks().resultStream(TASK_ID))
                            .getClass());
        }
    }

    @Test
    void aFailedTaskTellsItsStatusMessageLogsAndDuration() {
        SERVER.server()
                .stubFor(get(urlEqualTo("/v1/task/" + TASK_ID))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"id\": \"" + TASK_ID + "\", \"name\": \"median-of-day\", \"namespace\":"
                                        + " \"acme\", \"username\": \"alice\", \"status\": \"FAILED\","
                                        + " \"status_message\": \"received an error from the container: the UDF"
                                        + " process exited (exit code 1)\", \"type\": \"GENERIC_UDF\","
                                        + " \"udf_language\": \"python\", \"start_time\": \"2024-06-01T02:00:00Z\","
                                        + " \"finish_time\": \"2024-06-01T02:00:04.5Z\", \"duration\": 4500000000,"
                                        + " \"cost\": 0.0002, \"egress_cost\": 0, \"access_cost\": 0.0001,"
                                        + " \"memory\": 2147483648, \"cpu\": 2000, \"result_format\": \"json\","
                                        + " \"logs\": \"Traceback (most recent call last):\\n  File \\\"<udf>\\\","
                                        + " line 3, in median\\nZeroDivisionError: division by zero\\n\"}")));
        try (TileDBClient client = SERVER.client()) {
            ArrayTask task = client.tasks().get(TASK_ID);
            assertTrue(task.isFinished());
            assertTrue(task.isFailed());
            assertEquals(java.time.Duration.ofMillis(4500), task.elapsed());
            assertTrue(task.logs().contains("ZeroDivisionError"), task.logs());
            assertTrue(task.statusMessage().contains("exit code 1"), task.statusMessage());
            String asJson = TileDBJson.mapper().valueToTree(task).toString();
            assertFalse(
                    asJson.contains("\"finished\"") || asJson.contains("\"failed\""),
                    "helpers are no fields: " + asJson);
        }
    }

    @Test
    void whetherATaskHasEndedFollowsItsStatus() {
        for (String status : List.of("QUEUED", "RUNNING")) {
            assertFalse(task(status).isFinished(), status);
        }
        for (String status : List.of("FAILED", "RESOURCES_UNAVAILABLE", "UNKNOWN", "DENIED")) {
            assertTrue(task(status).isFinished() && task(status).isFailed(), status);
        }
        assertTrue(task("COMPLETED").isFinished() && !task("COMPLETED").isFailed());
        assertTrue(task("CANCELLED").isFinished() && !task("CANCELLED").isFailed());
    }

    private static ArrayTask task(String status) {
        return TileDBJson.mapper().convertValue(Map.of("id", "t", "status", status), ArrayTask.class);
    }
}
