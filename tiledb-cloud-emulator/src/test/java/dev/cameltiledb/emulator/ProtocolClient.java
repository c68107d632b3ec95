package dev.cameltiledb.emulator;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.data.cells.TileType;
import dev.cameltiledb.emulator.data.protocol.QueryCodec;
import dev.cameltiledb.emulator.data.protocol.QueryMessage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The query protocol as a test speaks it: requests built with the emulator's own codec ({@link QueryCodec}), cells
 * turned into buffers and back here, by the test's own rules (fixed values little-endian at their width, strings
 * UTF-8 with uint64 byte offsets, one validity byte per nullable cell), so a misreading of the emulator's value code
 * shows.
 */
final class ProtocolClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TileDBEmulator emulator;
    private final String key;

    ProtocolClient(TileDBEmulator emulator, String key) {
        this.emulator = emulator;
        this.key = key;
    }

    /** A field of a test's array: its name, type, whether nullable. */
    record Field(String name, TileType type, boolean nullable) {
        boolean var() {
            return type == TileType.STRING_ASCII
                    || type == TileType.STRING_UTF8
                    || type == TileType.CHAR
                    || type == TileType.BLOB;
        }

        int width() {
            return switch (type) {
                case INT8, UINT8, BOOL -> 1;
                case INT16, UINT16 -> 2;
                case INT32, UINT32, FLOAT32 -> 4;
                default -> 8;
            };
        }
    }

    /** An answer: status, the message, and per field its values (cells in order). */
    record Answer(int status, String text, QueryMessage query, Map<String, List<Object>> columns, byte[] raw) {}

    // ---- writes

    /** A write of columns (field -> values, nulls for null cells) in the layout. */
    static byte[] writeBody(
            List<Field> fields, Map<String, List<?>> columns, String layout, QueryMessage.Writer writer) {
        List<QueryMessage.BufferHeader> headers = new ArrayList<>();
        ByteArrayOutputStream buffers = new ByteArrayOutputStream();
        for (Field f : fields) {
            List<?> values = columns.get(f.name());
            if (values == null) {
                continue;
            }
            byte[][] parts = encode(f, values);
            headers.add(new QueryMessage.BufferHeader(
                    f.name(),
                    parts[0].length,
                    parts[1].length,
                    parts[2].length,
                    parts[0].length,
                    parts[1].length,
                    parts[2].length));
            buffers.writeBytes(parts[0]);
            buffers.writeBytes(parts[1]);
            buffers.writeBytes(parts[2]);
        }
        QueryMessage q = new QueryMessage(
                "WRITE", layout, "UNINITIALIZED", headers, writer, null, null, "bytes", false, 64, 0, 0, 0, null);
        byte[] message = QueryCodec.encode(q);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(message);
        body.writeBytes(buffers.toByteArray());
        return body.toByteArray();
    }

    /** A field's buffers: fixed (values or offsets), var, validity. */
    static byte[][] encode(Field f, List<?> values) {
        ByteBuffer fixed =
                ByteBuffer.allocate(values.size() * (f.var() ? 8 : f.width())).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream var = new ByteArrayOutputStream();
        byte[] validity = f.nullable() ? new byte[values.size()] : new byte[0];
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (f.nullable()) {
                validity[i] = (byte) (v == null ? 0 : 1);
            }
            if (f.var()) {
                fixed.putLong(var.size());
                if (v != null) {
                    var.writeBytes(v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8));
                }
                continue;
            }
            Number n = v == null ? 0L : v instanceof Boolean b ? (b ? 1L : 0L) : (Number) v;
            switch (f.width()) {
                case 1 -> fixed.put(n.byteValue());
                case 2 -> fixed.putShort(n.shortValue());
                case 4 -> {
                    if (f.type() == TileType.FLOAT32) {
                        fixed.putFloat(n.floatValue());
                    } else {
                        fixed.putInt(n.intValue());
                    }
                }
                default -> {
                    if (f.type() == TileType.FLOAT64) {
                        fixed.putDouble(n.doubleValue());
                    } else {
                        fixed.putLong(n.longValue());
                    }
                }
            }
        }
        return new byte[][] {fixed.array(), var.toByteArray(), validity};
    }

    // ---- reads

    /** A first read: the fields with a budget of {@code bytes} for each of their buffers. */
    static QueryMessage readQuery(
            List<Field> fields, String layout, QueryMessage.Subarray subarray, long budget, Long endTimestamp) {
        List<QueryMessage.BufferHeader> headers = new ArrayList<>();
        for (Field f : fields) {
            headers.add(new QueryMessage.BufferHeader(
                    f.name(), 0, 0, 0, budget, f.var() ? budget : 0, f.nullable() ? budget : 0));
        }
        QueryMessage.Reader reader = new QueryMessage.Reader(layout, subarray, false, 0, null);
        QueryMessage.ArrayPart array =
                endTimestamp == null ? null : new QueryMessage.ArrayPart(0, endTimestamp, null, null);
        return new QueryMessage(
                "READ", layout, "UNINITIALIZED", headers, null, reader, array, "bytes", false, 64, 0, 0, 0, null);
    }

    /** Every page of a read, sending back each answer's message (and, when {@code echoBuffers}, its buffers too). */
    List<Answer> readAll(String array, List<Field> schemaFields, QueryMessage first, boolean echoBuffers)
            throws Exception {
        List<Answer> pages = new ArrayList<>();
        Answer page = submit(array, "read", QueryCodec.encode(first), schemaFields, "");
        pages.add(page);
        while (page.status() == 200 && page.query().status().equals("INCOMPLETE")) {
            if (pages.size() > 10_000) {
                throw new AssertionError("a read that never completes");
            }
            byte[] again = echoBuffers
                    ? Arrays.copyOfRange(page.raw(), 8, page.raw().length)
                    : QueryCodec.encode(page.query());
            page = submit(array, "read", again, schemaFields, "");
            pages.add(page);
        }
        return pages;
    }

    /** The pages' cells, field by field, one after the other. */
    static Map<String, List<Object>> cells(List<Answer> pages) {
        Map<String, List<Object>> all = new LinkedHashMap<>();
        for (Answer a : pages) {
            assertEquals(200, a.status(), a.text());
            a.columns()
                    .forEach((name, values) ->
                            all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        return all;
    }

    /** Posts a query to {@code namespace/array} ({@code type} read or write), with extra URL parameters. */
    Answer submit(String array, String type, byte[] body, List<Field> schemaFields, String params) throws Exception {
        return post("/v2/arrays/" + array + "/query/submit?type=" + type + params, body, schemaFields);
    }

    Answer post(String path, byte[] body, List<Field> schemaFields) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/capnp")
                .header("X-TILEDB-REST-API-KEY", key)
                .build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] raw = r.body();
        if (r.statusCode() != 200) {
            return new Answer(r.statusCode(), new String(raw, StandardCharsets.UTF_8), null, Map.of(), raw);
        }
        long length = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        QueryCodec.Decoded decoded = QueryCodec.decode(Arrays.copyOfRange(raw, 8, raw.length));
        assertEquals(length, decoded.length(), "the length before the message is the message's");
        return new Answer(200, "", decoded.query(), columns(decoded.query(), raw, 8 + (int) length, schemaFields), raw);
    }

    private static Map<String, List<Object>> columns(QueryMessage q, byte[] raw, int at, List<Field> schemaFields) {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int pos = at;
        for (QueryMessage.BufferHeader h : q.headers()) {
            Field f = schemaFields.stream()
                    .filter(x -> x.name().equals(h.name()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("an answer's header names " + h.name()));
            int fixedAt = pos;
            int varAt = fixedAt + (int) h.fixedLen();
            int validityAt = varAt + (int) h.varLen();
            pos = validityAt + (int) h.validityLen();
            int n = (int) (h.fixedLen() / (f.var() ? 8 : f.width()));
            if (f.nullable()) {
                assertEquals(n, h.validityLen(), "one validity byte per cell of " + f.name());
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (f.nullable() && raw[validityAt + i] == 0) {
                    values.add(null);
                    continue;
                }
                if (f.var()) {
                    int from = (int) b.getLong(fixedAt + 8 * i);
                    int to = i + 1 < n ? (int) b.getLong(fixedAt + 8 * (i + 1)) : (int) h.varLen();
                    byte[] bytes = Arrays.copyOfRange(raw, varAt + from, varAt + to);
                    values.add(f.type() == TileType.BLOB ? bytes : new String(bytes, StandardCharsets.UTF_8));
                    continue;
                }
                int p = fixedAt + i * f.width();
                values.add(
                        switch (f.type()) {
                            case INT8 -> (long) b.get(p);
                            case UINT8 -> (long) (b.get(p) & 0xFF);
                            case BOOL -> b.get(p) != 0;
                            case INT16 -> (long) b.getShort(p);
                            case UINT16 -> (long) (b.getShort(p) & 0xFFFF);
                            case INT32 -> (long) b.getInt(p);
                            case UINT32 -> b.getInt(p) & 0xFFFFFFFFL;
                            case FLOAT32 -> b.getFloat(p);
                            case FLOAT64 -> b.getDouble(p);
                            case UINT64 -> new BigInteger(Long.toUnsignedString(b.getLong(p)));
                            default -> b.getLong(p);
                        });
            }
            columns.put(h.name(), values);
        }
        assertEquals(raw.length, pos, "the buffers the headers announce end the body");
        return columns;
    }
}
