package dev.cameltiledb.emulator.common.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.cameltiledb.emulator.common.ExchangeRecorder;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * An emulator's read-only page at {@value #PATH}{@code /}: its state in a few views and its latest exchanges, each
 * judged against the API descriptions the emulator knows, as HTML with a little JavaScript (served from this module's
 * resources: no build step, nothing fetched from elsewhere), and the same as JSON under {@value #PATH}{@code /api/}
 * for scripts. It sits in front of the emulator's own handler, which gets every other path; the services' REST paths
 * never start with {@value #PATH}. Callers other than loopback ones are refused (403) unless the settings allow them.
 * It shows only what its views and the exchanges' method, path, status and verdict hold: never a header, a body or a
 * query string, where credentials travel.
 *
 * @param <R> the service's public form of a recorded exchange
 */
public final class EmulatorPage<R> implements HttpHandler {

    /** Where the page lives; no REST path of either service starts with it. */
    public static final String PATH = "/_emulator";

    private static final String RESOURCES = "/dev/cameltiledb/emulator/common/page/";
    private static final Map<String, String> FILES = Map.of(
            "", "index.html",
            "page.js", "page.js",
            "page.css", "page.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final String emulator;
    private final PageSettings settings;
    private final Map<String, PageView> views = new LinkedHashMap<>();
    private final ExchangeRecorder<R> recorder;
    private final ExchangeJudge<R> judge;
    private final HttpHandler next;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .build();
    /** Each exchange's verdict, by number, judged once; dropped when the exchange leaves the window. */
    private final Map<Long, Verdict> verdicts = new HashMap<>();

    /**
     * @param emulator the emulator's name, as the page's title shows it
     * @param views    the views of its state, in the order of the page's tabs
     * @param recorder keeps the latest exchanges ({@link PageSettings#window()} of them)
     * @param judge    judges one of them when the page is asked
     * @param next     the emulator's own handler, for every other path
     */
    public EmulatorPage(
            String emulator,
            PageSettings settings,
            List<PageView> views,
            ExchangeRecorder<R> recorder,
            ExchangeJudge<R> judge,
            HttpHandler next) {
        this.emulator = emulator;
        this.settings = settings;
        views.forEach(v -> this.views.put(v.name(), v));
        this.recorder = recorder;
        this.judge = judge;
        this.next = next;
    }

    /** Whether a caller from {@code source} may see the page: a loopback one always, any other when allowed. */
    public static boolean admits(InetAddress source, boolean anyAddress) {
        return anyAddress || (source != null && source.isLoopbackAddress());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
            next.handleRequest(exchange);
            return;
        }
        InetSocketAddress source = exchange.getSourceAddress();
        if (!admits(source == null ? null : source.getAddress(), settings.anyAddress())) {
            text(
                    exchange,
                    403,
                    "The emulator page answers loopback callers only; the emulator's"
                            + " emulatorPageFromAnyAddress option opens it to others.");
            return;
        }
        String method = exchange.getRequestMethod().toString();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            text(exchange, 405, "The emulator page is read-only: GET only.");
            return;
        }
        if (path.equals(PATH)) {
            exchange.getResponseHeaders().put(Headers.LOCATION, PATH + "/");
            exchange.setStatusCode(302);
            exchange.endExchange();
            return;
        }
        String rest = path.substring(PATH.length() + 1);
        if (rest.equals("api") || rest.equals("api/")) {
            json(exchange, 200, index());
        } else if (rest.equals("api/exchanges")) {
            Deque<String> filter = exchange.getQueryParameters().get("path");
            json(exchange, 200, exchanges(filter == null || filter.isEmpty() ? "" : filter.getFirst()));
        } else if (rest.startsWith("api/") && views.containsKey(rest.substring(4))) {
            PageView view = views.get(rest.substring(4));
            json(
                    exchange,
                    200,
                    new ViewAnswer(
                            view.name(),
                            view.title(),
                            view.description(),
                            null,
                            view.rows().get()));
        } else if (FILES.containsKey(rest)) {
            resource(exchange, FILES.get(rest));
        } else {
            json(exchange, 404, Map.of("error", "no such view of the emulator page: " + path));
        }
    }

    /** A view's JSON twin: what it is and its rows; {@code filter} only on the exchanges. */
    record ViewAnswer(String name, String title, String description, String filter, List<?> rows) {}

    /** What the page holds: the emulator, its views (the exchanges last) and how many exchanges it keeps. */
    record Index(String emulator, List<ViewAnswer> views, int exchangeWindow) {}

    /** One of the latest exchanges as the page lists it: no header, body or query string. */
    record ExchangeRow(
            long number,
            Instant at,
            String method,
            String path,
            int status,
            String request,
            String answer,
            List<String> findings) {}

    private Index index() {
        List<ViewAnswer> described = new ArrayList<>();
        views.values().forEach(v -> described.add(new ViewAnswer(v.name(), v.title(), v.description(), null, null)));
        described.add(new ViewAnswer(EXCHANGES, "Exchanges", EXCHANGES_DESCRIPTION, null, null));
        return new Index(emulator, described, settings.exchanges());
    }

    private static final String EXCHANGES = "exchanges";
    private static final String EXCHANGES_DESCRIPTION = "The latest exchanges, newest first: whether the request and"
            + " the answer match the API description that covers the path (not checked when none does).";

    /** The latest exchanges whose path holds {@code filter} (ignoring case), newest first. */
    private ViewAnswer exchanges(String filter) {
        String needle = filter.toLowerCase(Locale.ROOT);
        List<ExchangeRecorder.Recorded<R>> latest = recorder.latest();
        List<ExchangeRow> rows = new ArrayList<>();
        for (ExchangeRecorder.Recorded<R> r : latest) {
            if (!r.path().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            Verdict v = verdict(r);
            rows.add(new ExchangeRow(
                    r.number(), r.at(), r.method(), r.path(), r.status(), v.request(), v.answer(), v.findings()));
        }
        forgetBefore(
                latest.isEmpty()
                        ? Long.MAX_VALUE
                        : latest.get(latest.size() - 1).number());
        return new ViewAnswer(EXCHANGES, "Exchanges", EXCHANGES_DESCRIPTION, filter, rows);
    }

    /** Judged once per exchange, here and never on the request's path; page requests take turns at it. */
    private synchronized Verdict verdict(ExchangeRecorder.Recorded<R> r) {
        return verdicts.computeIfAbsent(r.number(), n -> judged(judge, r.exchange()));
    }

    /**
     * The judge's verdict, or "not checked" with the reason when it cannot judge: the validator library is not on the
     * class path (it is an optional dependency), or the check itself broke.
     */
    static <R> Verdict judged(ExchangeJudge<R> judge, R exchange) {
        try {
            return judge.judge(exchange);
        } catch (LinkageError missing) {
            return Verdict.notChecked(
                    "the check needs com.atlassian.oai:swagger-request-validator-core on the class path");
        } catch (RuntimeException e) {
            return Verdict.notChecked("the check failed: " + e.getClass().getSimpleName());
        }
    }

    private synchronized void forgetBefore(long oldest) {
        verdicts.keySet().removeIf(n -> n < oldest);
    }

    private void json(HttpServerExchange exchange, int status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("the emulator page could not write its answer", e);
        }
        send(exchange, status, "application/json", bytes);
    }

    private static void text(HttpServerExchange exchange, int status, String body) {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void resource(HttpServerExchange exchange, String file) {
        try (InputStream in = EmulatorPage.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the emulator page's " + file + " is missing from its jar");
            }
            send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpServerExchange exchange, int status, String type, byte[] bytes) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        // the page reads its state fresh every time; nothing of it may be cached or framed elsewhere
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(Headers.X_FRAME_OPTIONS, "DENY");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        if (exchange.getRequestMethod().toString().equals("HEAD")) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
        }
    }
}
