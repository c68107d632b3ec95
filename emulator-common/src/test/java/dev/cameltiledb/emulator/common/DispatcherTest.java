package dev.cameltiledb.emulator.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.testing.SilentClient;
import io.undertow.server.HttpServerExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared request path over real HTTP, with a small service of its own: a caller is known by
 * {@code Authorization: ok}; {@code /items} lists and adds items; errors are {@code {"error": message}}.
 */
class DispatcherTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened, in order: the journal's edges, the handlers, the records taken just before answers are sent. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final List<String> items = Collections.synchronizedList(new java.util.ArrayList<>());
    private final Transactions transactions = new Transactions(new Transactions.Journal() {
        @Override
        public void begin() {
            events.add("begin");
        }

        @Override
        public void commit() {
            events.add("commit");
        }
    });
    private final FaultPlan faults = new FaultPlan();
    private BodySlots slots;
    private EmulatorServer server;

    @FunctionalInterface
    interface TestHandler {
        Answer handle(Call call);
    }

    private static final class TestCall extends Call {
        TestCall(HttpServerExchange exchange, boolean recording) {
            super(exchange, recording);
        }
    }

    private final Dialect dialect = new Dialect() {
        @Override
        public HttpFailure noEndpoint(Call call) {
            return new HttpFailure(404, "no " + call.rawPath());
        }

        @Override
        public HttpFailure methodNotAllowed(Call call, Set<String> allowed) {
            return new HttpFailure(405, "only " + allowed);
        }

        @Override
        public HttpFailure busy(int slots) {
            return new HttpFailure(503, slots + " busy");
        }

        @Override
        public HttpFailure bodyTooLarge(int maxBytes) {
            return new HttpFailure(413, "over " + maxBytes);
        }

        @Override
        public HttpFailure internalError(RuntimeException cause) {
            return new HttpFailure(500, "bug");
        }

        @Override
        public Answer error(Call call, HttpFailure failure) {
            return new Answer(failure.status(), Map.of("error", failure.getMessage()), failure.headers());
        }
    };

    private final Service<TestCall, TestHandler> service = new Service<>() {
        @Override
        public TestCall call(HttpServerExchange exchange, boolean recording) {
            return new TestCall(exchange, recording);
        }

        @Override
        public Answer arrive(TestCall call) {
            return null;
        }

        @Override
        public void authenticate(TestCall call) {
            if (!"ok".equals(call.header("Authorization"))) {
                throw new HttpFailure(401, "who?");
            }
        }

        @Override
        public Answer handle(Route<TestHandler> route, TestCall call) {
            return route.access() == Access.WRITE
                    ? transactions.write(() -> route.handler().handle(call))
                    : transactions.read(() -> route.handler().handle(call));
        }

        @Override
        public Dialect dialect() {
            return dialect;
        }
    };

    private String start(int bodySlots, int maxBodyBytes) {
        Router<TestHandler> router = new Router<TestHandler>()
                .add("GET", "/items", call -> Answer.ok(List.copyOf(items)))
                .add("POST", "/items", call -> {
                    String item = new String(call.bodyBytes(), StandardCharsets.UTF_8);
                    items.add(item);
                    events.add("added " + item);
                    return Answer.created(Map.of("item", item));
                })
                .add("DELETE", "/items", call -> {
                    throw new IllegalStateException("a bug");
                })
                .addStreamed("PUT", "/upload", call -> {
                    try (InputStream in = call.bodyStream()) {
                        return Answer.ok(Map.of("bytes", in.readAllBytes().length));
                    } catch (IOException e) {
                        throw new HttpFailure(400, "broke off");
                    }
                });
        slots = new BodySlots(bodySlots);
        ExchangeRecorder<WireExchange> recorder = new ExchangeRecorder<>(x -> {
            events.add("recorded " + x.status());
            return x;
        });
        recorded = recorder;
        server = EmulatorServer.start(
                "127.0.0.1",
                0,
                8,
                10_000,
                new Dispatcher<>(router, service, faults, slots, maxBodyBytes, JSON, recorder));
        return "http://127.0.0.1:" + server.port();
    }

    private ExchangeRecorder<WireExchange> recorded;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static HttpResponse<String> send(String method, String url, String body, boolean authenticated)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            b.header("Authorization", "ok");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWriteIsAnsweredOnlyAfterItsTransactionCommitted() throws Exception {
        String url = start(4, 1024);
        HttpResponse<String> r = send("POST", url + "/items", "apple", true);
        assertEquals(201, r.statusCode());
        assertEquals("{\"item\":\"apple\"}", r.body());
        assertEquals(List.of("begin", "added apple", "commit", "recorded 201"), events);
        assertEquals("[\"apple\"]", send("GET", url + "/items", null, true).body());
    }

    @Test
    void aStrangerIsAnsweredBeforeItsBodyIsReadAndItsConnectionClosed() throws Exception {
        start(4, 1024);
        try (SilentClient stranger = silentSender(null)) {
            assertEquals(401, stranger.statusThenClosed());
        }
        assertEquals(0, slots.inUse(), "no slot was taken for it");
        assertEquals(List.of("recorded 401"), events);
    }

    @Test
    void aBodyOverTheLimitIsA413AndTheHandlerNeverRuns() throws Exception {
        String url = start(4, 10);
        HttpResponse<String> r = send("POST", url + "/items", "x".repeat(11), true);
        assertEquals(413, r.statusCode());
        assertEquals("{\"error\":\"over 10\"}", r.body());
        assertTrue(items.isEmpty());
        assertEquals(201, send("POST", url + "/items", "x".repeat(10), true).statusCode());
    }

    @Test
    void withEveryBodySlotTakenABodyIsRefusedAtOnceAndEverythingElseIsServed() throws Exception {
        String url = start(1, 1024);
        try (SilentClient holder = silentSender("ok")) {
            Await.until(() -> slots.inUse() == 1, "the first body in its slot");
            try (SilentClient refused = silentSender("ok")) {
                assertEquals(503, refused.statusThenClosed());
            }
            assertEquals(200, send("GET", url + "/items", null, true).statusCode());
            assertEquals(1, slots.inUse());
        }
        Await.until(() -> slots.inUse() == 0, "the slot given back once the sender went away");
    }

    @Test
    void aFaultAnswersBeforeRoutingAndIsUsedUp() throws Exception {
        String url = start(4, 1024);
        faults.add("GET", "/nowhere", 1, call -> {
            throw new HttpFailure(503, "injected", Map.of("Retry-After", "1"));
        });
        HttpResponse<String> faulted = send("GET", url + "/nowhere", null, false);
        assertEquals(503, faulted.statusCode());
        assertEquals("1", faulted.headers().firstValue("Retry-After").orElse(""));
        assertEquals(404, send("GET", url + "/nowhere", null, false).statusCode());
    }

    @Test
    void anotherMethodIsA405NamingTheServedOnesAndABugIsA500() throws Exception {
        String url = start(4, 1024);
        HttpResponse<String> r = send("PATCH", url + "/items", null, true);
        assertEquals(405, r.statusCode());
        assertEquals("{\"error\":\"only [GET, POST, DELETE]\"}", r.body());
        assertEquals(500, send("DELETE", url + "/items", null, true).statusCode());
    }

    @Test
    void aStreamedBodyGoesToItsHandlerWholeAndItsFirstBytesAreRecorded() throws Exception {
        String url = start(4, 10);
        String upload = "u".repeat(100_000);
        HttpResponse<String> r = send("PUT", url + "/upload", upload, true);
        assertEquals(200, r.statusCode(), "not limited like a buffered body");
        assertEquals("{\"bytes\":100000}", r.body());
        WireExchange x = recorded.recorded().get(0);
        assertEquals(Call.RECORDED_PREFIX, x.requestBody().length);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bytes", 100000);
        assertEquals(JSON.writeValueAsString(answer), new String(x.responseBody(), StandardCharsets.UTF_8));
    }

    /** Headers of a POST with a body that never comes. */
    private SilentClient silentSender(String authorization) throws IOException {
        return SilentClient.send(
                server.port(),
                "POST",
                "/items",
                authorization == null ? Map.of() : Map.of("Authorization", authorization),
                1000,
                "");
    }
}
