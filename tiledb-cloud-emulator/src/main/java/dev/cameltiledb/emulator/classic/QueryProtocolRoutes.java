package dev.cameltiledb.emulator.classic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.common.StreamedBody;
import dev.cameltiledb.emulator.data.ArrayEntry;
import dev.cameltiledb.emulator.data.EngineException;
import dev.cameltiledb.emulator.data.capnp.MalformedMessage;
import dev.cameltiledb.emulator.data.capnp.MessageReader;
import dev.cameltiledb.emulator.data.protocol.ProtocolAnswer;
import dev.cameltiledb.emulator.data.protocol.QueryCodec;
import dev.cameltiledb.emulator.data.protocol.QueryMessage;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.ActivityEvent;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.StoredArray;

/**
 * TileDB's REST query protocol: {@code POST /v1|v2|v3/arrays/{namespace}/{array}/query/submit?type=READ|WRITE},
 * {@code /v1|v3/.../query/finalize} and {@code .../query/est_result_sizes}, bodies in {@code application/capnp}. A
 * request is a Cap'n Proto {@code Query} followed by the raw buffers of a write (or, from a client that continues a
 * read by sending the previous answer back, of that answer: ignored). A submit answers the 8-byte little-endian
 * length of the answer's message, the message, and a read's result buffers; finalize answers the message alone (a
 * write is committed at submit, so finalize has nothing left to do), and est_result_sizes an
 * {@code EstimatedResultSize} message. Each call runs outside the state's transactions ({@link Access#OWN}); a submit
 * logs the array's {@code query_read} or {@code query_write} activity (the event's id is the answer's task id). A
 * failure is answered as its status with the message as {@code text/plain}: what TileDB's clients show of a failed
 * query.
 */
final class QueryProtocolRoutes {

    private static final String TEXT = "text/plain; charset=utf-8";
    /** The largest write body taken (the Cap'n Proto message and its buffers): a bigger write is split by its client. */
    static final long MAX_WRITE_BYTES = 256L << 20;
    /** The largest Cap'n Proto message read (the message alone; a read's is a few hundred bytes). */
    static final int MAX_MESSAGE_BYTES = 16 << 20;

    private final EmulatorState state;
    private final EngineCalls calls;

    QueryProtocolRoutes(EmulatorState state, EngineCalls calls) {
        this.state = state;
        this.calls = calls;
    }

    void register(Router<dev.cameltiledb.emulator.http.Handler> router) {
        for (String version : new String[] {"v1", "v2", "v3"}) {
            String base = "/" + version + "/arrays/{namespace}/{array}/query/";
            // bodies are read here, not by the dispatcher: a write's buffers may pass its 16 MiB limit for JSON, and
            // what follows a read's message (a previous answer's buffers, sent back) is skipped, never held
            router.addStreamed("POST", base + "submit", Access.OWN, call -> answering(call, this::submit));
            if (!version.equals("v2")) {
                // the v2 API (openapi-v2.yaml) has submit only; TileDB's clients finalize and estimate on v1
                router.addStreamed("POST", base + "finalize", Access.OWN, call -> answering(call, this::finalizeQuery))
                        .addStreamed(
                                "POST", base + "est_result_sizes", Access.OWN, call -> answering(call, this::estimate));
            }
        }
    }

    /** Runs the call; a refusal (a malformed message, a bad query, no such array) is answered as text. */
    private void answering(HttpCall call, dev.cameltiledb.emulator.http.Handler handler) {
        try {
            handler.handle(call);
        } catch (MalformedMessage e) {
            text(call, 400, "malformed Query message: " + e.getMessage());
        } catch (EngineException e) {
            text(call, e.status(), e.getMessage());
        }
    }

    private void submit(HttpCall call) {
        String type = queryType(call);
        byte[] body = type.equals("WRITE") ? wholeBody(call) : messageOnly(call);
        QueryCodec.Decoded decoded = QueryCodec.decode(body);
        QueryMessage query = decoded.query();
        if (query.type() != null && !query.type().isEmpty() && !query.type().equalsIgnoreCase(type)) {
            throw EngineException.badRequest("Query.type is " + query.type() + "; the URL's type is " + type);
        }
        ArrayEntry array =
                calls.engine().cells().readable(calls.caller(call), call.path("namespace"), call.path("array"));
        ProtocolAnswer answer;
        ActivityEvent event;
        if (type.equals("WRITE")) {
            requireWrite(call, array);
            Long timestamp = firstLong(call, "timestamp", "end_timestamp");
            answer = calls.engine().protocol().write(array, query, body, decoded.length(), timestamp);
            event = log(call, array, "query_write");
        } else {
            Long start = firstLong(call, "start_timestamp");
            Long end = firstLong(call, "end_timestamp", "open_at");
            answer = calls.engine()
                    .protocol()
                    .read(array, query, start, end, state.now().toEpochMilli());
            event = log(call, array, "query_read");
        }
        call.stream(200, Map.of(EngineCalls.TASK_ID_HEADER, event.id()), new Framed(answer));
    }

    private void finalizeQuery(HttpCall call) {
        String type = queryType(call);
        QueryMessage query = QueryCodec.decode(messageOnly(call)).query();
        ArrayEntry array =
                calls.engine().cells().readable(calls.caller(call), call.path("namespace"), call.path("array"));
        if (type.equals("WRITE")) {
            requireWrite(call, array);
        }
        byte[] message = new ProtocolAnswer(query.written(query.writtenFragments()), java.util.List.of()).message();
        call.stream(200, ProtocolAnswer.CONTENT_TYPE, message.length, Map.of(), new ByteArrayInputStream(message));
    }

    /** The sizes of a read's whole result, as an {@code EstimatedResultSize} message (no length before it). */
    private void estimate(HttpCall call) {
        String type = queryType(call);
        if (!type.equals("READ")) {
            throw EngineException.badRequest("est_result_sizes estimates a READ; type is " + type);
        }
        QueryMessage query = QueryCodec.decode(messageOnly(call)).query();
        ArrayEntry array =
                calls.engine().cells().readable(calls.caller(call), call.path("namespace"), call.path("array"));
        byte[] message = QueryCodec.encodeEstimate(calls.engine()
                .protocol()
                .estimate(
                        array,
                        query,
                        firstLong(call, "start_timestamp"),
                        firstLong(call, "end_timestamp", "open_at"),
                        state.now().toEpochMilli()));
        call.stream(200, ProtocolAnswer.CONTENT_TYPE, message.length, Map.of(), new ByteArrayInputStream(message));
    }

    private static String queryType(HttpCall call) {
        String type = call.query("type");
        String upper = type == null ? "" : type.toUpperCase(Locale.ROOT);
        if (!upper.equals("READ") && !upper.equals("WRITE")) {
            throw EngineException.badRequest("the query parameter type must be READ or WRITE, was "
                    + (type == null ? "missing" : "'" + type + "'"));
        }
        String contentType = call.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith(ProtocolAnswer.CONTENT_TYPE)) {
            throw new EngineException(
                    415,
                    "the emulator answers the query protocol in " + ProtocolAnswer.CONTENT_TYPE
                            + " only; the request is " + contentType);
        }
        return upper;
    }

    /** A write's body, message and buffers, whole: its cells are checked together before any is written. */
    private static byte[] wholeBody(HttpCall call) {
        String length = call.header("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_WRITE_BYTES) {
            throw new EngineException(
                    413,
                    "a write body is at most " + MAX_WRITE_BYTES + " bytes; this one is " + length
                            + ": write the cells in several fragments");
        }
        try {
            byte[] body = call.bodyStream().readNBytes((int) MAX_WRITE_BYTES + 1);
            if (body.length > MAX_WRITE_BYTES) {
                throw new EngineException(
                        413,
                        "a write body is at most " + MAX_WRITE_BYTES + " bytes: write the"
                                + " cells in several fragments");
            }
            return body;
        } catch (IOException e) {
            throw brokenOff(e);
        }
    }

    /** The Cap'n Proto message at the start of the body; the rest of the body is read and dropped. */
    private static byte[] messageOnly(HttpCall call) {
        try {
            InputStream in = call.bodyStream();
            byte[] message = MessageReader.readFramed(in, MAX_MESSAGE_BYTES, "Query");
            in.transferTo(OutputStream.nullOutputStream());
            return message;
        } catch (IOException e) {
            throw brokenOff(e);
        }
    }

    /** A body that broke off: nothing was done, and the client is likely gone. */
    private static EngineException brokenOff(IOException e) {
        return EngineException.badRequest("the request body broke off: " + e.getMessage());
    }

    /** A write needs the array's {@code write} action (by membership or a share), else 403. */
    private void requireWrite(HttpCall call, ArrayEntry array) {
        boolean may = state.transactions().read(() -> {
            StoredArray stored = state.catalog().array(array.id());
            return stored != null
                    && state.access().actionsOf(call.user(), stored).contains("write");
        });
        if (!may) {
            throw EngineException.forbidden("user " + call.user().username() + " may not write to " + array.uri());
        }
    }

    private ActivityEvent log(HttpCall call, ArrayEntry array, String action) {
        return state.transactions().write(() -> {
            StoredArray stored = state.catalog().array(array.id());
            return state.activity().record(stored, action, call.user().username());
        });
    }

    private static Long firstLong(HttpCall call, String... names) {
        for (String name : names) {
            String value = call.query(name);
            if (value != null && !value.isEmpty()) {
                try {
                    return Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw EngineException.badRequest(name + " must be epoch milliseconds, was '" + value + "'");
                }
            }
        }
        return null;
    }

    private static void text(HttpCall call, int status, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        call.stream(status, TEXT, bytes.length, Map.of(), new ByteArrayInputStream(bytes));
    }

    /** A submit's answer: length-prefixed message and buffers, of a length known before it is written. */
    private record Framed(ProtocolAnswer answer, byte[] message) implements StreamedBody {
        Framed(ProtocolAnswer answer) {
            this(answer, answer.message());
        }

        @Override
        public String contentType() {
            return ProtocolAnswer.CONTENT_TYPE;
        }

        @Override
        public long length() {
            long n = 8L + message.length;
            for (byte[] b : answer.buffers()) {
                n += b.length;
            }
            return n;
        }

        /** For a recording: the length and the message (the buffers after them may be megabytes). */
        @Override
        public byte[] head() {
            byte[] head = java.util.Arrays.copyOf(
                    java.nio.ByteBuffer.allocate(8)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putLong(message.length)
                            .array(),
                    8 + message.length);
            System.arraycopy(message, 0, head, 8, message.length);
            return head;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            answer.writeTo(out, message);
        }
    }
}
