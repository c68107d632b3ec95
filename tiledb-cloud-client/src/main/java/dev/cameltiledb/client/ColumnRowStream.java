package dev.cameltiledb.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The rows of a column-oriented JSON answer ({@code {"a": [1, 2], "b": [3, 4]}}, a JSON query's), one value of each
 * column at a time. A row's last value comes after every other column in the answer, so the answer is first written
 * to a temporary file as it arrives (never the heap; the connection is free as soon as it ended), then read with one
 * streaming parser per column, side by side. Closing the stream, or reading it to its end, deletes the file.
 * <p>
 * The service's example writes the answer wrapped, {@code {"data": "<the JSON text>"}}: that form is read too.
 */
final class ColumnRowStream extends LookaheadRows {

    private static final JsonFactory JSON = TileDBJson.mapper().getFactory();
    private static final String WRAPPER = "data";

    private final String taskId;
    private final Path file;
    private final List<String> names = new ArrayList<>();
    private final List<JsonParser> columns = new ArrayList<>();
    private long rows;

    private ColumnRowStream(String call, String taskId, Path file) {
        super(call);
        this.taskId = taskId;
        this.file = file;
    }

    /**
     * Sends {@code request} and spools its answer, read within {@code callTimeout} and {@code maxResponseSize}, to a
     * temporary file; the rows then come from there.
     */
    static RowStream fetch(RestTransport transport, RestRequest request) {
        String call = request.method() + " " + request.path();
        Path file = temporaryFile();
        try {
            String taskId = transport.readBody(
                    request,
                    "; a JSON query's answer is spooled to a temporary file, not held in memory, so a larger"
                            + " maxResponseSize costs disk, not heap",
                    (status, headers, body) -> {
                        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
                        return headers.get(TaskCall.TASK_ID);
                    });
            ColumnRowStream rows = new ColumnRowStream(call, taskId, file);
            rows.openColumns();
            return rows;
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("tiledb-query-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for a JSON query's answer", e);
        }
    }

    /** Finds where each column starts in the file, unwrapping {@code {"data": "..."}}, and opens a parser there. */
    private void openColumns() {
        try {
            Map<String, Long> starts = columnStarts();
            for (Map.Entry<String, Long> column : starts.entrySet()) {
                FileChannel channel =
                        FileChannel.open(file, StandardOpenOption.READ).position(column.getValue());
                JsonParser parser = JSON.createParser(Channels.newInputStream(channel));
                columns.add(parser);
                names.add(column.getKey());
                parser.nextToken(); // the column's '['
            }
            if (columns.isEmpty()) {
                close(); // no columns, no rows
            }
        } catch (IOException | RuntimeException e) {
            throw failed(e, "");
        }
    }

    /** Closes the stream and names what went wrong reading the spooled answer ({@code where}: at which row). */
    private RuntimeException failed(Exception e, String where) {
        close();
        if (e instanceof JacksonException json) {
            return new TileDBException(
                    "TileDB Cloud answered " + call() + " with a body that is not JSON" + where + ": "
                            + json.getOriginalMessage(),
                    e);
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException("Cannot read the spooled answer to " + call(), io);
        }
        return (RuntimeException) e;
    }

    /** Each column's name and the byte offset of its array, in the answer's order. */
    private Map<String, Long> columnStarts() throws IOException {
        Map<String, Long> starts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = JSON.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return starts; // an empty body: no rows
            }
            if (first != JsonToken.START_OBJECT) {
                throw new TileDBException(
                        "TileDB Cloud answered " + call() + " with "
                                + (first == JsonToken.VALUE_NULL ? "null" : "a JSON " + first.asString())
                                + " where an object of columns was expected",
                        null);
            }
            boolean firstField = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (firstField && WRAPPER.equals(name) && value == JsonToken.VALUE_STRING) {
                    unwrap(parser.getText());
                    return columnStarts();
                }
                if (firstField && WRAPPER.equals(name) && value == JsonToken.START_OBJECT) {
                    continue; // {"data": {columns...}}: its fields are the columns
                }
                firstField = false;
                if (value != JsonToken.START_ARRAY) {
                    throw new TileDBException(
                            "TileDB Cloud answered " + call() + " with field '" + name + "' as a JSON "
                                    + value.asString() + " where a column (an array of values) was expected",
                            null);
                }
                starts.put(name, parser.currentTokenLocation().getByteOffset());
                parser.skipChildren();
            }
        }
        return starts;
    }

    /** The wrapped answer's text becomes the file's content. */
    private void unwrap(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    Map<String, Object> advance() {
        try {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                JsonParser column = columns.get(i);
                JsonToken token = column.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) {
                    if (i > 0) {
                        throw unequal(i);
                    }
                    endOfAll();
                    return null;
                }
                row.put(names.get(i), JsonValues.value(column, token));
            }
            rows++;
            return row;
        } catch (IOException | RuntimeException e) {
            throw failed(e, " at row " + (rows + 1));
        }
    }

    /** The first column ended: every other must end there too. */
    private void endOfAll() throws IOException {
        for (int i = 1; i < columns.size(); i++) {
            if (columns.get(i).nextToken() != JsonToken.END_ARRAY) {
                throw unequal(i);
            }
        }
        close(); // read to the end: the file goes
    }

    private TileDBException unequal(int column) {
        return new TileDBException(
                "TileDB Cloud answered " + call() + " with columns of different lengths: '" + names.get(0) + "' and '"
                        + names.get(column) + "' part after " + rows + " values",
                null);
    }

    @Override
    void release() {
        for (JsonParser column : columns) {
            try {
                column.close();
            } catch (IOException ignored) {
                // the file is deleted anyway
            }
        }
        columns.clear();
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file: the system's cleaning removes it otherwise
        }
    }
}
