package dev.cameltiledb.emulator.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.xnio.IoUtils;

/**
 * Takes every request of an emulator through the same steps, in the order that lets nothing unwanted wait on a body:
 * it arrives ({@link Service#arrive}: the request log, a test's hook), an injected fault answers it, or its route is
 * found (a 404 or 405 otherwise), the caller is authenticated; only then the body is read, in one of the body slots (a
 * 503 at once without one), at most the service's limit of it (a 413 past it; a body that stops coming, past the read
 * timeout, or breaks off gets no answer: its connection is dropped), unless the route streams it itself. The handler runs in
 * the transaction its route declares, and only after that the answer goes out: recorded first, and on a connection
 * whose body was not read to its end, closed after the answer rather than drained, so a client that sends its body
 * slowly, or never, holds no worker.
 *
 * @param <C> the service's call type
 * @param <H> the service's handler type
 */
public final class Dispatcher<C extends Call, H> implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final Router<H> router;
    private final Service<C, H> service;
    private final FaultPlan faults;
    private final BodySlots bodySlots;
    private final int maxBodyBytes;
    private final ObjectMapper mapper;
    /** Null when exchanges are not recorded. */
    private final ExchangeRecorder<?> recorder;

    public Dispatcher(
            Router<H> router,
            Service<C, H> service,
            FaultPlan faults,
            BodySlots bodySlots,
            int maxBodyBytes,
            ObjectMapper mapper,
            ExchangeRecorder<?> recorder) {
        this.router = router;
        this.service = service;
        this.faults = faults;
        this.bodySlots = bodySlots;
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = mapper;
        this.recorder = recorder;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        C call = service.call(exchange, recorder != null);
        Dialect dialect = service.dialect();
        Answer answer;
        try {
            answer = answer(call, dialect);
        } catch (Call.BodyCutShort cutShort) {
            LOG.log(System.Logger.Level.DEBUG, "a request body stopped coming: " + cutShort.getMessage());
            IoUtils.safeClose(exchange.getConnection());
            return;
        } catch (HttpFailure failure) {
            answer = dialect.error(call, failure);
        } catch (RuntimeException e) {
            // the route's template, never the request's path or query: either may hold a token
            String where = call.route() == null ? "(no route)" : call.route().path();
            LOG.log(System.Logger.Level.ERROR, "emulator failed on " + call.method() + " " + where, e);
            answer = dialect.error(call, dialect.internalError(e));
        } finally {
            if (call.inBodySlot) {
                bodySlots.release();
            }
        }
        send(call, dialect.decorate(call, answer));
    }

    private Answer answer(C call, Dialect dialect) {
        Answer arrived = service.arrive(call);
        if (arrived != null) {
            return arrived;
        }
        FaultPlan.Fault fault = faults.take(call.method(), call.rawPath());
        if (fault != null) {
            return fault.answer(call);
        }
        Router.Match<H> match = router.match(call.method(), call.rawPath()).orElseThrow(() -> notRouted(call, dialect));
        Route<H> route = match.route();
        call.routed(route, match.variables());
        if (!route.open()) {
            // who asks is known before a byte of the body is read: a stranger's body is never waited for
            service.authenticate(call);
        }
        if (call.bodyComing()) {
            if (!bodySlots.tryTake()) {
                throw dialect.busy(bodySlots.capacity());
            }
            call.inBodySlot = true;
            if (!route.streamedBody()) {
                call.readBody(maxBodyBytes, dialect);
            }
        }
        return service.handle(route, call);
    }

    /** A 405 when some route serves the path with another method, a 404 when none does. */
    private HttpFailure notRouted(C call, Dialect dialect) {
        Set<String> allowed = router.allowedMethods(call.rawPath());
        return allowed.isEmpty() ? dialect.noEndpoint(call) : dialect.methodNotAllowed(call, allowed);
    }

    private void send(C call, Answer answer) {
        HttpServerExchange exchange = call.exchange();
        if (exchange.isResponseStarted()) {
            // the connection was dropped meanwhile (a body that stopped coming past the read timeout)
            closeQuietly(answer);
            return;
        }
        if (call.bodyComing()) {
            // answered before the body was read to its end (401, 503, 413...): closed after the answer, never drained
            exchange.setPersistent(false);
        }
        HeaderMap headers = exchange.getResponseHeaders();
        answer.headers().forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
        exchange.setStatusCode(answer.status());
        if (answer.body() instanceof StreamedBody streamed) {
            sendStreamed(call, streamed);
            return;
        }
        byte[] bytes = answer.body() == null ? null : json(answer.body());
        if (bytes != null) {
            headers.put(Headers.CONTENT_TYPE, "application/json");
            headers.put(Headers.CONTENT_LENGTH, bytes.length);
        }
        record(call, bytes);
        if (bytes == null) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
        }
    }

    /** A body written as it is produced, no lock held; a client that goes away ends it. */
    private void sendStreamed(C call, StreamedBody body) {
        HttpServerExchange exchange = call.exchange();
        try (body) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, body.contentType());
            if (body.length() >= 0) {
                exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length());
            }
            byte[] head = recorder == null ? null : body.head();
            if (recorder == null || head != null || call.method().equals("HEAD")) {
                record(call, head);
            }
            if (call.method().equals("HEAD")) {
                exchange.endExchange();
                return;
            }
            WrittenHead written = recorder != null && head == null ? new WrittenHead() : null;
            try (OutputStream out =
                    written == null ? exchange.getOutputStream() : written.tee(exchange.getOutputStream())) {
                body.writeTo(out);
            } catch (IOException clientGone) {
                LOG.log(System.Logger.Level.DEBUG, "a streamed answer ended early: " + clientGone);
            }
            if (written != null) {
                record(call, written.whole());
            }
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("the emulator could not write its own answer", e);
        }
    }

    private void record(C call, byte[] responseBody) {
        if (recorder == null) {
            return;
        }
        HttpServerExchange exchange = call.exchange();
        Map<String, List<String>> query = new LinkedHashMap<>();
        exchange.getQueryParameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
        recorder.record(new WireExchange(
                call.method(),
                call.rawPath(),
                query,
                headers(exchange.getRequestHeaders()),
                call.recordedBody(),
                exchange.getStatusCode(),
                headers(exchange.getResponseHeaders()),
                responseBody));
    }

    private static Map<String, List<String>> headers(HeaderMap map) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : map) {
            headers.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), new ArrayList<>(values));
        }
        return headers;
    }

    /**
     * What a body produced while it was sent wrote, kept for the recording up to {@link Call#RECORDED_PREFIX} bytes: a
     * body that fits is recorded whole (its exchange can be checked against the spec), a larger one without its body
     * (a prefix of JSON is no JSON).
     */
    private static final class WrittenHead {
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private boolean overflowed;

        OutputStream tee(OutputStream out) {
            return new java.io.FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    keep(new byte[] {(byte) b}, 0, 1);
                    out.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    keep(bytes, offset, length);
                    out.write(bytes, offset, length);
                }
            };
        }

        private void keep(byte[] bytes, int offset, int length) {
            if (overflowed || kept.size() + length > Call.RECORDED_PREFIX) {
                overflowed = true;
                kept.reset();
                return;
            }
            kept.write(bytes, offset, length);
        }

        byte[] whole() {
            return overflowed ? null : kept.toByteArray();
        }
    }

    private static void closeQuietly(Answer answer) {
        if (answer.body() instanceof StreamedBody streamed) {
            streamed.close();
        }
    }
}
