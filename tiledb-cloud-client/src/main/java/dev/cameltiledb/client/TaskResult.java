package dev.cameltiledb.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cameltiledb.client.model.ResultFormat;

/**
 * A task's result read whole: what SQL, a UDF or {@code GET /v1/task/{id}/result} answered, with the task's id. Read
 * within {@code callTimeout} and at most {@code maxResponseSize} bytes; a larger result is read as a stream or row by
 * row instead ({@link TaskCall#stream()}, {@link TaskCall#rows()}).
 *
 * @param taskId      the task ({@code X-TILEDB-CLOUD-TASK-ID}); null when the service named none
 * @param ready       false while the task still runs (a stored result asked for too early: 202), the body then empty
 * @param contentType the answer's media type, as the service labelled it
 * @param body        the result's bytes; empty for a call that returned nothing (204)
 */
public record TaskResult(String taskId, boolean ready, String contentType, byte[] body) {

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

    public TaskResult {
        body = body == null ? new byte[0] : body;
    }

    /** The result an answer carries: a 202 says the task still runs. */
    static TaskResult read(int status, Map<String, String> headers, java.io.InputStream body) throws IOException {
        return new TaskResult(
                headers.get(TaskCall.TASK_ID), status != 202, headers.get("content-type"), body.readAllBytes());
    }

    /** The format the content type names, or null when it names none ({@link ResultFormat#ofMediaType}). */
    public ResultFormat format() {
        return ResultFormat.ofMediaType(contentType);
    }

    /** Whether the result is empty: a call that returned nothing, or a task still running. */
    public boolean isEmpty() {
        return body.length == 0;
    }

    /** The result as UTF-8 text. */
    public String text() {
        requireReady();
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The result as a JSON value ({@link Map}, {@link List}, a number, a string...); null when empty. */
    public Object json() {
        requireReady();
        if (isEmpty()) {
            return null;
        }
        try {
            return TileDBJson.mapper().readValue(body, Object.class);
        } catch (IOException e) {
            throw notJson("JSON", e);
        }
    }

    /**
     * The result as rows, what SQL answers in {@code json}: a JSON array of objects, one per row; no rows when empty.
     * Anything else is an error naming the task.
     */
    public List<Map<String, Object>> rows() {
        requireReady();
        if (isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> rows;
        try {
            rows = TileDBJson.mapper().readValue(body, ROWS);
        } catch (IOException e) {
            throw notJson("a JSON array of rows (objects)", e);
        }
        if (rows == null) {
            throw new TileDBException("The result of " + task() + " is null where a JSON array of rows was expected");
        }
        return rows;
    }

    private void requireReady() {
        if (!ready) {
            throw new TileDBException(
                    "The result of " + task() + " is not there yet: the task is still running (202); ask again later");
        }
    }

    private TileDBException notJson(String expected, IOException e) {
        String detail = e instanceof JacksonException j ? j.getOriginalMessage() : e.toString();
        return new TileDBException(
                "The result of " + task() + " (" + contentType + ") is not " + expected + ": " + detail, e);
    }

    private String task() {
        return taskId == null ? "the task" : "task " + taskId;
    }
}
