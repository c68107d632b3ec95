package dev.cameltiledb.arraylake.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Takes every request through the same steps: log it, answer an injected fault, find the route, authenticate the
 * bearer, read the body (in a slot), run the endpoint holding the state's monitor, and write the answer with an
 * {@code x-request-id}; a connection answered before its body was read is closed. Nothing
 * here writes a token or an {@code Authorization} header anywhere: the request log only says whether one came.
 */
final class Dispatcher implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private static final HttpString REQUEST_ID = HttpString.tryFromString("x-request-id");
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(^|&)token=[^&]*");
    /** Bodies larger than this are refused: every body of this API is a small JSON object. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ArraylakeState state;
    private final RouteTable routes;
    private final ObjectMapper mapper;
    private final Faults faults;
    private final RequestLog log;
    private final Consumer<RecordedExchange> recorder;
    /** Permits for request bodies being read: a slow sender holds a worker thread for as long as it takes. */
    private final Semaphore bodySlots;

    private final int maxBodies;

    Dispatcher(
            ArraylakeState state,
            RouteTable routes,
            ObjectMapper mapper,
            Faults faults,
            RequestLog log,
            Consumer<RecordedExchange> recorder,
            int maxBodies) {
        this.bodySlots = new Semaphore(maxBodies);
        this.maxBodies = maxBodies;
        this.state = state;
        this.routes = routes;
        this.mapper = mapper;
        this.faults = faults;
        this.log = log;
        this.recorder = recorder;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String method = exchange.getRequestMethod().toString();
        String path = rawPath(exchange);
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        log.add(new RequestLine(method, path, redact(exchange.getQueryString()), authorization != null));
        String requestId = Optional.ofNullable(exchange.getRequestHeaders().getFirst(REQUEST_ID))
                .filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        Received received = new Received();
        Answer answer;
        try {
            answer = answer(exchange, method, path, authorization, received);
        } finally {
            if (received.inSlot) {
                bodySlots.release();
            }
        }
        write(exchange, requestId, answer, received.body);
    }

    /** The body read so far (empty until it is), and whether a body slot is held for it. */
    private static final class Received {
        byte[] body = new byte[0];
        boolean inSlot;
    }

    /**
     * The steps before the endpoint, in the order that lets nothing unwanted wait on a body: a fault, the route, the
     * bearer; only then the body is read, in one of the {@code maxConcurrentBodies} slots (a 503 at once without
     * one), at most {@value #MAX_BODY_BYTES} bytes of it.
     */
    private Answer answer(
            HttpServerExchange exchange, String method, String path, String authorization, Received received) {
        Answer fault = faults.take(method, path);
        if (fault != null) {
            return fault;
        }
        Optional<RouteTable.Match> match = routes.find(method, path);
        if (match.isEmpty()) {
            return routes.knowsPath(path)
                    ? ApiError.of(405, "Method Not Allowed").toAnswer()
                    : ApiError.of(404, "Not Found").toAnswer();
        }
        RouteTable.Route route = match.get().route();
        try {
            Principal principal = null;
            if (!route.open()) {
                synchronized (state) {
                    principal = authenticate(authorization);
                }
            }
            if (!exchange.isRequestComplete()) {
                received.inSlot = takeBodySlot();
                received.body = readBody(exchange);
            }
            synchronized (state) {
                Request request = new Request(
                        method,
                        exchange.getQueryParameters(),
                        match.get().variables(),
                        received.body,
                        mapper,
                        principal);
                return route.endpoint().handle(request);
            }
        } catch (ApiError e) {
            return e.toAnswer();
        } catch (RuntimeException e) {
            // the route template, never the request: a query may hold a token
            LOG.log(System.Logger.Level.ERROR, "emulator failed on " + method + " " + route.template(), e);
            return ApiError.of(500, "Internal Server Error").toAnswer();
        }
    }

    private boolean takeBodySlot() {
        if (!bodySlots.tryAcquire()) {
            throw ApiError.of(
                    503, "The emulator is receiving " + maxBodies + " request bodies already; send this one again");
        }
        return true;
    }

    /**
     * The whole body, or a 413 past {@value #MAX_BODY_BYTES} bytes. Not closed: closing reads what is left, and what is
     * left of a body over the limit is not wanted (the connection is closed after the answer instead).
     */
    private static byte[] readBody(HttpServerExchange exchange) {
        byte[] body;
        try {
            body = exchange.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            // the client stopped sending (the read timeout) or went away
            throw ApiError.of(400, "The request body could not be read");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ApiError.of(413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /** Requests whose body is being read right now. */
    int bodiesInProgress() {
        return maxBodies - bodySlots.availablePermits();
    }

    /** The principal of a live bearer token; FastAPI's answers when it is missing, unknown or expired. */
    private Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthenticated("Not authenticated");
        }
        String token = authorization.substring(7).strip();
        Principal principal = state.tokens()
                .principal(token, state.time().now())
                .orElseThrow(() -> ApiError.unauthenticated("Invalid token"));
        if (principal instanceof ServiceAccount account) {
            account.used(state.time().now());
        }
        return principal;
    }

    private void write(HttpServerExchange exchange, String requestId, Answer answer, byte[] requestBody) {
        if (exchange.isResponseStarted()) {
            return; // the connection was dropped meanwhile (a body that stopped coming past the read timeout)
        }
        if (!exchange.isRequestComplete()) {
            // answered before the body was read (401, 503, 413...): closed after the answer, never drained
            exchange.setPersistent(false);
        }
        byte[] bytes = new byte[0];
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(REQUEST_ID, requestId);
        answer.headers().forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
        if (answer.body() instanceof StreamedBody streamed) {
            writeStreamed(exchange, answer.status(), streamed, requestBody);
            return;
        }
        if (answer.body() != null) {
            try {
                bytes = mapper.writeValueAsBytes(answer.body());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the emulator could not write its own answer", e);
            }
            headers.put(Headers.CONTENT_TYPE, "application/json");
        }
        headers.put(Headers.CONTENT_LENGTH, bytes.length);
        exchange.setStatusCode(answer.status());
        if (recorder != null) {
            // recorded before it is sent, so a client never holds an answer whose record is missing
            recorder.accept(record(exchange, requestBody, bytes));
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    /**
     * A body written while it is produced (chunked, no length), holding no lock; recorded with its {@link
     * StreamedBody#head() head}. A client that goes away ends it: that is how a followed log is left.
     */
    private void writeStreamed(HttpServerExchange exchange, int status, StreamedBody body, byte[] requestBody) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, body.contentType());
        exchange.setStatusCode(status);
        if (recorder != null) {
            recorder.accept(record(exchange, requestBody, body.head()));
        }
        try (OutputStream out = exchange.getOutputStream()) {
            body.writeTo(out);
        } catch (IOException clientGone) {
            LOG.log(System.Logger.Level.DEBUG, "a streamed answer ended early: " + clientGone);
        }
    }

    private RecordedExchange record(HttpServerExchange exchange, byte[] requestBody, byte[] responseBody) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        exchange.getQueryParameters()
                .forEach(
                        (name, values) -> query.put(name, name.equals("token") ? List.of("***") : List.copyOf(values)));
        Map<String, List<String>> requestHeaders = headers(exchange.getRequestHeaders());
        boolean authorization = requestHeaders.remove("authorization") != null;
        return new RecordedExchange(
                exchange.getRequestMethod().toString(),
                rawPath(exchange),
                query,
                requestHeaders,
                authorization,
                requestBody,
                exchange.getStatusCode(),
                headers(exchange.getResponseHeaders()),
                responseBody);
    }

    private static Map<String, List<String>> headers(HeaderMap map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HeaderValues values : map) {
            out.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), new ArrayList<>(values));
        }
        return out;
    }

    /** The path as sent, still percent-encoded: the route table splits it before decoding each segment. */
    private static String rawPath(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        int scheme = uri.indexOf("://");
        return scheme < 0 ? uri : uri.substring(uri.indexOf('/', scheme + 3));
    }

    /** The query string with a {@code token} parameter's value hidden (refresh and API-client lookups carry one). */
    static String redact(String query) {
        return query == null ? "" : TOKEN_PARAMETER.matcher(query).replaceAll("$1token=***");
    }
}
