package dev.cameltiledb.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cameltiledb.rest.BoundedInputStream;

/**
 * The rows of a JSON array of objects ({@code [{"a": 1}, ...]}, SQL's {@code json} result), parsed one at a time with
 * Jackson's streaming parser straight off the live answer. At the end of the array the connection goes back to the
 * pool; {@link #close()} before that drops it. Each row is bounded by {@code maxResponseSize}.
 */
final class JsonRowStream extends LookaheadRows {

    private final String taskId;
    private final InputStream live;
    private final BoundedInputStream bounded;
    private JsonParser parser;
    private long rows;

    private JsonRowStream(String call, String taskId, InputStream live, long maxRowBytes) {
        super(call);
        this.taskId = taskId;
        this.live = live;
        this.bounded = BoundedInputStream.perItem(live, maxRowBytes, call, "maxResponseSize", "row");
    }

    /**
     * The rows of {@code answer}, whose body is a JSON array of objects; none for a 204 or an empty body. An answer of
     * {@code null} or of anything but an array is an error naming {@code call}.
     */
    static RowStream of(RestTransport.StreamedAnswer answer, String call, long maxRowBytes) {
        String taskId = answer.headers().get(TaskCall.TASK_ID);
        JsonRowStream rows = new JsonRowStream(call, taskId, answer.body(), maxRowBytes);
        if (answer.status() == 204) {
            rows.close();
            return rows;
        }
        rows.start();
        return rows;
    }

    private void start() {
        try {
            parser = TileDBJson.mapper().getFactory().createParser(bounded);
            JsonToken first = parser.nextToken();
            if (first == null) {
                close(); // an empty body: no rows
            } else if (first != JsonToken.START_ARRAY) {
                throw new TileDBException(
                        "TileDB Cloud answered " + call() + " with " + describe(first)
                                + " where a JSON array of rows was expected",
                        null);
            }
        } catch (IOException e) {
            throw failed(e, "at its start");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    Map<String, Object> advance() {
        try {
            bounded.nextItem();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                Map<String, Object> row = JsonValues.object(parser);
                rows++;
                return row;
            }
            if (token == JsonToken.END_ARRAY) {
                if (parser.nextToken() != null) {
                    throw new TileDBException(
                            "TileDB Cloud answered " + call() + " with more after the array of rows", null);
                }
                close(); // read to its end: the connection goes back to the pool
                return null;
            }
            if (token == null) {
                throw new TileDBConnectionException(
                        "The answer to " + call() + " ended " + where() + " before its array of rows did", null);
            }
            throw new TileDBException(
                    "TileDB Cloud answered " + call() + " with " + describe(token) + " " + where()
                            + " where a row (a JSON" + " object) was expected",
                    null);
        } catch (IOException e) {
            throw failed(e, where());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Where the stream stands, for an error: the row being read (built only when one is raised). */
    private String where() {
        return "at row " + (rows + 1);
    }

    private TileDBException failed(IOException e, String where) {
        close();
        if (e instanceof BoundedInputStream.TooLarge) {
            return new TileDBException(e.getMessage() + " (" + where + ")", e);
        }
        if (e instanceof JacksonException json) {
            return new TileDBException(
                    "TileDB Cloud answered " + call() + " with a body that is not JSON " + where + ": "
                            + json.getOriginalMessage(),
                    e);
        }
        return new TileDBConnectionException("The answer to " + call() + " broke off " + where + ": " + e, e);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> "null";
            case START_OBJECT -> "a JSON object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    @Override
    void release() {
        try {
            if (parser != null) {
                parser.close(); // returns its buffers; the bounded stream under it does not close the answer
            }
            live.close(); // frees the connection: to the pool when read to its end, dropped otherwise
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }
}
