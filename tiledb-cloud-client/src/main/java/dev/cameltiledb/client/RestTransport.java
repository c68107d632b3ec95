package dev.cameltiledb.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.model.ApiError;
import dev.cameltiledb.rest.BoundedInputStream;
import dev.cameltiledb.rest.CallDeadline;
import dev.cameltiledb.rest.ClientStats;
import dev.cameltiledb.rest.ErrorBodies;
import dev.cameltiledb.rest.OpenAnswer;
import dev.cameltiledb.rest.Redaction;
import dev.cameltiledb.rest.RetryBudget;
import dev.cameltiledb.rest.SecretHeader;
import dev.cameltiledb.rest.Sleeper;
import dev.cameltiledb.rest.StrictAnswers;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;

/**
 * Sends {@link RestRequest}s over one pooled HttpClient and turns answers into models or {@link TileDBApiException}s.
 * It owns the policies HttpClient's defaults would get wrong for TileDB: retries ({@link RetryPolicy}), redirects
 * (credentials only to trusted hosts) and authentication (API key, OAuth2 bearer token, basic auth, or a session token
 * obtained once).
 * Response bodies are parsed straight from the stream, never buffered whole.
 */
final class RestTransport implements AutoCloseable {

    static final String API_KEY_HEADER = "X-TILEDB-REST-API-KEY";
    /** The task a data-plane call (SQL, a UDF, a JSON query) started, on its answer and on a UDF's error. */
    static final String TASK_ID_HEADER = "X-TILEDB-CLOUD-TASK-ID";

    private static final String CALL_TIMEOUT = "callTimeout";
    private static final String MAX_RESPONSE_SIZE = "maxResponseSize";
    /** What a download too large to hold in memory should use instead. */
    static final String WHOLE_DOWNLOAD_ADVICE =
            "; a download held in memory is bounded by it: download as a stream (downloadAs=stream) or into a file"
                    + " (outputFile) instead";

    private static final int MAX_REDIRECTS = 5;

    private final ClientSettings settings;
    private final ClientStats stats = new ClientStats();
    private final CloseableHttpClient http;
    private final Sleeper sleeper;
    private final ObjectMapper mapper = TileDBJson.mapper();
    private final ServerDetection servers;
    /** The client's requests, retries and deadline hits so far, and its pool now. */
    ClientStats stats() {
        return stats;
    }

    /** The server generation this client talks to: configured, or asked of the server the first time. */
    ServerGeneration serverGeneration() {
        return servers.generation(this);
    }

    private void checkAddress(RestRequest request) {
        if (request.address() != null) {
            servers.check(request.address(), this);
        }
    }

    /** Resolved once per model class: every call asks for its answer type. */
    private final ClassValue<JavaType> types = new ClassValue<>() {
        @Override
        protected JavaType computeValue(Class<?> type) {
            return mapper.constructType(type);
        }
    };

    private final URI base;
    /** Streamed answers handed out ({@link #open}) and not yet closed: each holds a pooled connection. */
    private final java.util.concurrent.atomic.AtomicInteger openStreams =
            new java.util.concurrent.atomic.AtomicInteger();
    /** The session token for user name and password credentials, obtained at the first call. */
    private volatile String sessionToken;

    private final SessionLogin login;

    RestTransport(ClientSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.servers = new ServerDetection(settings.serverGeneration(), settings.host());
        this.sleeper = sleeper;
        this.base = URI.create(settings.host());
        this.http = HttpClientFactory.create(settings, stats);
        this.login = new SessionLogin(this, settings);
    }

    /**
     * Sends the request and maps a 2xx JSON body to {@code type}; null for an empty (204) answer. A body of
     * {@code null}, or an empty object where a model is expected, is an error naming the call.
     */
    <T> T call(RestRequest request, JavaType type) {
        return call(request, false, type);
    }

    /** Sends a request whose answer carries no body worth reading. */
    void call(RestRequest request) {
        call(request, false, null);
    }

    /** A login request: sent with the user name and password (basic auth), never with the session token. */
    <T> T callWithPassword(RestRequest request, JavaType type) {
        return call(request, true, type);
    }

    /**
     * Sends the request and hands over the answer's body as a live stream, read straight from the connection; closing
     * it frees the connection.
     */
    InputStream open(RestRequest request) {
        return openAnswer(request).body();
    }

    /**
     * A successful answer whose body streams from the connection at the caller's pace: the call's deadline covers it
     * until the headers arrive. Its body, read to the end or closed, frees the connection; a body closed early drops
     * it rather than read the rest. Until then it counts as held by a streamed answer (what the pool's error says).
     */
    record StreamedAnswer(int status, Map<String, String> headers, InputStream body) {}

    StreamedAnswer openAnswer(RestRequest request) {
        checkAddress(request);
        CallDeadline deadline = CallDeadline.start(settings.callTimeoutMillis(), CALL_TIMEOUT, stats);
        OpenAnswer answer;
        try {
            answer = execute(request, false, deadline);
        } catch (TileDBNotFoundException e) {
            throw servers.notFound(request.address(), e, this);
        } finally {
            deadline.close(); // the body streams at the caller's pace
        }
        ClassicHttpResponse response = answer.response();
        try {
            HttpEntity entity = response.getEntity();
            boolean empty = entity == null; // a 204: nothing to read, the connection can go back as it is
            InputStream content = empty ? InputStream.nullInputStream() : entity.getContent();
            openStreams.incrementAndGet();
            return new StreamedAnswer(response.getCode(), headersOf(response), new FilterInputStream(content) {
                private boolean ended = empty;
                private boolean closed;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    ended |= b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    ended |= n < 0;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        openStreams.decrementAndGet();
                    }
                    if (!ended) {
                        answer.abort(); // closed early: drop the connection rather than read the rest
                    } else {
                        response.close();
                    }
                }
            });
        } catch (IOException e) {
            answer.abort();
            throw new TileDBConnectionException(
                    "The answer to " + request.method() + " " + request.path() + " broke off: " + e, e);
        }
    }

    private <T> T call(RestRequest request, boolean sessionLogin, JavaType type) {
        checkAddress(request);
        try {
            return callChecked(request, sessionLogin, type);
        } catch (TileDBNotFoundException e) {
            throw servers.notFound(request.address(), e, this);
        }
    }

    private <T> T callChecked(RestRequest request, boolean sessionLogin, JavaType type) {
        return exchange(request, sessionLogin, response -> read(response, type, request.method(), request.path()));
    }

    /**
     * Sends the request and reads the whole answer's body into memory, within {@code callTimeout} and at most
     * {@code maxResponseSize} bytes: a download into a string or bytes, never an unbounded one. {@code advice} is
     * appended to the error of an answer too large (what to use instead).
     */
    byte[] readBytes(RestRequest request, String advice) {
        return readBody(request, advice, (status, headers, body) -> body.readAllBytes());
    }

    /** How the body of a successful answer is read, given its status and headers (lower-case names, first value). */
    interface BodyReader<T> {
        T read(int status, Map<String, String> headers, InputStream body) throws IOException;
    }

    /**
     * Sends the request and reads the successful answer's body with {@code reader}, all within {@code callTimeout}; the
     * body it is given ends with an error after {@code maxResponseSize} bytes ({@code advice} closing the message).
     */
    <T> T readBody(RestRequest request, String advice, BodyReader<T> reader) {
        checkAddress(request);
        try {
            return exchange(request, false, response -> {
                HttpEntity entity = response.getEntity();
                InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
                return reader.read(
                        response.getCode(),
                        headersOf(response),
                        new BoundedInputStream(
                                content,
                                settings.maxResponseBytes(),
                                request.method() + " " + request.path(),
                                MAX_RESPONSE_SIZE,
                                advice));
            });
        } catch (TileDBNotFoundException e) {
            throw servers.notFound(request.address(), e, this);
        }
    }

    /** The limit of an answer read into memory, and of each row of one streamed ({@code maxResponseSize}). */
    long maxResponseBytes() {
        return settings.maxResponseBytes();
    }

    /** How a successful answer is read, while the call's deadline still runs. */
    private interface AnswerReader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    /**
     * Sends the request and reads its successful answer with {@code reader}, all within the call's deadline; an
     * answer read whole goes back to the pool, any other is aborted (never drained: it may never end).
     */
    private <T> T exchange(RestRequest request, boolean sessionLogin, AnswerReader<T> reader) {
        try (CallDeadline deadline = CallDeadline.start(settings.callTimeoutMillis(), CALL_TIMEOUT, stats)) {
            OpenAnswer answer = execute(request, sessionLogin, deadline);
            boolean complete = false;
            try {
                T value = reader.read(answer.response());
                complete = true;
                return value;
            } catch (BoundedInputStream.TooLarge e) {
                throw new TileDBException(e.getMessage(), e);
            } catch (TileDBException e) {
                // a connection cut by the deadline reads as a body that ended too soon
                throw deadline.expired() ? expired(deadline, request.method(), request.path(), e) : e;
            } catch (IOException e) {
                throw deadline.expired()
                        ? expired(deadline, request.method(), request.path(), e)
                        : new TileDBConnectionException(
                                "The answer to " + request.method() + " " + request.path() + " broke off: " + e, e);
            } finally {
                if (complete) {
                    answer.close();
                } else {
                    answer.abort(); // never drain what is left of an answer we gave up on: it may never end
                }
            }
        }
    }

    private static TileDBConnectionException expired(
            CallDeadline deadline, String method, String path, Exception cause) {
        return new TileDBConnectionException(deadline.describe(method, path), cause);
    }

    /**
     * Sends a request whose answer says what it has to say in headers ({@code HEAD}, an upload answered with an
     * {@code ETag}); returns them by lower-case name, the first value of each. Any body is discarded.
     */
    Map<String, String> callForHeaders(RestRequest request) {
        checkAddress(request);
        try (CallDeadline deadline = CallDeadline.start(settings.callTimeoutMillis(), CALL_TIMEOUT, stats)) {
            OpenAnswer answer = execute(request, false, deadline);
            Map<String, String> headers = headersOf(answer.response());
            if (answer.response().getEntity() == null) {
                answer.close(); // the connection goes back to the pool
            } else {
                answer.abort(); // a body nobody reads is not drained: it may be long
            }
            return headers;
        } catch (TileDBNotFoundException e) {
            throw servers.notFound(request.address(), e, this);
        }
    }

    /** The answer's headers by lower-case name, the first value of each. */
    private static Map<String, String> headersOf(ClassicHttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        return headers;
    }

    /**
     * Sends the request through redirects, session renewal and retries, and returns the successful answer still
     * open; every other answer is closed here or thrown as a {@link TileDBApiException}. A request whose body cannot
     * be sent twice (a stream) is never retried or redirected.
     */
    private OpenAnswer execute(RestRequest request, boolean sessionLogin, CallDeadline deadline) {
        URI target = URI.create(settings.host() + request.pathAndQuery());
        String method = request.method();
        boolean withBody = true;
        int attempt = 1;
        int redirects = 0;
        boolean renewedSession = false;
        RetryPolicy retries = settings.retryPolicy();
        // what this call has spent on attempts and waits; a retry may only take what is left of it
        RetryBudget budget = new RetryBudget(retries.maxRetryMillis(), "maxRetryTime");
        RequestContext context = RequestContext.current();
        while (true) {
            HttpUriRequestBase message = toHttp(request, method, target, withBody, sessionLogin, context);
            ClassicHttpResponse response;
            long attemptStarted = System.nanoTime();
            try {
                deadline.guard(message);
                response = http.executeOpen(null, message, null);
            } catch (IOException e) {
                if (deadline.expired() || e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
                    report(context, method, attempt, 0, false, attemptStarted);
                }
                if (deadline.expired()) {
                    throw expired(deadline, method, request.path(), e);
                }
                if (e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
                    throw poolExhausted(method, request.path(), e); // waiting again would only wait longer
                }
                budget.attempted(attemptStarted);
                long delay = retries.delayMillis(attempt, 0, null);
                // a protocol error (a malformed answer or Location) comes back the same way every time
                boolean retrying = request.isRepeatable()
                        && !isProtocolError(e)
                        && retries.retriesConnectionFailure(method, attempt, nothingSent(e))
                        && budget.allows(delay);
                report(context, method, attempt, 0, retrying, attemptStarted);
                if (retrying) {
                    pause(delay);
                    budget.waited(delay, deadline);
                    attempt++;
                    continue;
                }
                throw new TileDBConnectionException(
                        "Could not complete " + method + " " + target + " (attempt " + attempt + "): " + e, e);
            }
            budget.attempted(attemptStarted);
            int status = response.getCode();
            long answeredAt = System.nanoTime();
            boolean resendable = request.isRepeatable() || !withBody;
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            if (isRedirect(status) && location != null) {
                report(context, method, attempt, status, false, attemptStarted, answeredAt);
                new OpenAnswer(message, response).discard();
                if (++redirects > MAX_REDIRECTS) {
                    throw new TileDBConnectionException(
                            "More than " + MAX_REDIRECTS + " redirects for " + method + " " + request.path(), null);
                }
                if (!resendable && status != 303) {
                    throw new TileDBConnectionException(
                            method + " " + request.path() + " was redirected to " + redact(location.getValue())
                                    + " after its streamed body was sent; give the regional host directly",
                            null);
                }
                target = redirectTarget(
                        target, redact(location.getValue()), location.getValue(), method, request.path());
                if (status == 303) {
                    method = "GET";
                    withBody = false;
                }
                continue;
            }
            if (status == 401 && usesSession() && !sessionLogin && !renewedSession && resendable) {
                // the session token may have expired: log in again, once
                report(context, method, attempt, status, true, attemptStarted, answeredAt);
                new OpenAnswer(message, response).discard();
                sessionToken = null;
                renewedSession = true;
                continue;
            }
            if (resendable && retries.retriesStatus(status, attempt, request.isOnce())) {
                Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                long delay = retries.delayMillis(attempt, status, retryAfter == null ? null : retryAfter.getValue());
                if (budget.allows(delay)) {
                    report(context, method, attempt, status, true, attemptStarted, answeredAt);
                    new OpenAnswer(message, response).discard();
                    pause(delay);
                    budget.waited(delay, deadline);
                    attempt++;
                    continue;
                }
            }
            report(context, method, attempt, status, false, attemptStarted, answeredAt);
            OpenAnswer answer = new OpenAnswer(message, response);
            if (status < 200 || status >= 300) {
                TileDBApiException error;
                try {
                    error = toApiException(method, request.path(), answer);
                } catch (IOException e) {
                    answer.abort();
                    throw deadline.expired()
                            ? expired(deadline, method, request.path(), e)
                            : new TileDBConnectionException(
                                    "The error answer to " + method + " " + target + " broke off: " + e, e);
                }
                throw error;
            }
            return answer;
        }
    }

    private void report(
            RequestContext context, String method, int attempt, int status, boolean retrying, long started) {
        report(context, method, attempt, status, retrying, started, System.nanoTime());
    }

    /** Every attempt is reported once: to the client's stats, and to the call's listener when it has one. */
    private void report(
            RequestContext context,
            String method,
            int attempt,
            int status,
            boolean retrying,
            long started,
            long answered) {
        stats.attempted();
        if (retrying) {
            stats.retried();
        }
        if (context != null) {
            context.attemptFinished(method, attempt, status, retrying, answered - started);
        }
    }

    private TileDBConnectionException poolExhausted(String method, String path, IOException cause) {
        int held = openStreams.get();
        return new TileDBConnectionException(
                "No connection of the pool (maxConnections=" + settings.maxConnections()
                        + ") came free within connectionRequestTimeout ("
                        + settings.connectionRequestTimeoutMillis() + " ms) for " + method + " " + path
                        + "; " + held + " of them " + (held == 1 ? "is" : "are") + " held by streamed"
                        + " answers (downloadAs=stream, or SQL, UDF and task results streamed) not yet closed:"
                        + " close each InputStream or RowStream when done with it, or read it to its end",
                cause);
    }

    /**
     * Whether the request cannot have reached the service: the connection was never opened (refused, timed out while
     * connecting, an unknown host). Anything later (a reset, a timeout waiting for the answer) may come after the
     * service received the request.
     */
    private static boolean nothingSent(IOException e) {
        return e instanceof java.net.ConnectException
                || e instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || e instanceof java.net.UnknownHostException;
    }

    /** Whether retrying cannot help: the answer or its Location broke the protocol, and will again. */
    private static boolean isProtocolError(IOException e) {
        return e instanceof org.apache.hc.client5.http.ClientProtocolException
                || e.getCause() instanceof org.apache.hc.core5.http.ProtocolException;
    }

    /**
     * Where a redirect leads: an http(s) URL without user info, or a named error at once (never retried): a
     * {@code file:} Location or one carrying credentials is not a TileDB host.
     */
    private static URI redirectTarget(URI from, String shown, String location, String method, String path) {
        URI next;
        try {
            next = from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new TileDBConnectionException(
                    method + " " + path + " was redirected to a Location that is not a URL: " + shown, e);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || next.getRawUserInfo() != null
                || next.getHost() == null) {
            throw new TileDBConnectionException(
                    method + " " + path + " was redirected to "
                            + (next.getRawUserInfo() != null ? "a Location with user info" : "'" + shown + "'")
                            + ", which is not an http(s) URL of a host;"
                            + " the redirect is not followed",
                    null);
        }
        return next;
    }

    private <T> T read(ClassicHttpResponse response, JavaType type, String method, String path) throws IOException {
        HttpEntity entity = response.getEntity();
        if (type == null || entity == null || response.getCode() == 204) {
            EntityUtils.consume(entity);
            return null;
        }
        T value;
        try {
            value = mapper.readValue(
                    new BoundedInputStream(
                            entity.getContent(), settings.maxResponseBytes(), method + " " + path, MAX_RESPONSE_SIZE),
                    type);
        } catch (JacksonException e) {
            throw new TileDBException(
                    "TileDB Cloud answered " + method + " " + path + " with a body that is not the expected" + " JSON ("
                            + type.getRawClass().getSimpleName() + "): " + e.getOriginalMessage(),
                    e);
        }
        String missing = StrictAnswers.missing(value);
        if (missing != null) {
            throw new TileDBException(
                    "TileDB Cloud answered " + method + " " + path + " with " + missing + " where a "
                            + type.getRawClass().getSimpleName() + " was expected",
                    null);
        }
        return value;
    }

    private HttpUriRequestBase toHttp(
            RestRequest request,
            String method,
            URI target,
            boolean withBody,
            boolean sessionLogin,
            RequestContext context) {
        HttpUriRequestBase message = new HttpUriRequestBase(method, target);
        if (context != null) {
            // first: the client's own headers below replace any of the same name
            context.headers().forEach(message::setHeader);
        }
        message.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (isTrusted(target)) {
            message.setHeader(authHeader(sessionLogin));
        }
        request.headers().forEach(message::setHeader);
        if (withBody && request.body() != null) {
            message.setEntity(entityOf(request.body()));
        } else if (withBody && request.jsonBody() != null) {
            try {
                message.setEntity(new ByteArrayEntity(
                        mapper.writeValueAsBytes(request.jsonBody()), ContentType.APPLICATION_JSON));
            } catch (JacksonException e) {
                throw new TileDBConfigurationException(
                        "Cannot write the " + request.jsonBody().getClass().getSimpleName() + " body as JSON: "
                                + e.getOriginalMessage(),
                        e);
            }
        }
        return message;
    }

    private Header authHeader(boolean sessionLogin) {
        Credentials credentials = settings.credentials();
        if (credentials instanceof Credentials.ApiKey key) {
            return new SecretHeader(API_KEY_HEADER, key.token());
        }
        if (credentials instanceof Credentials.AccessToken oauth) {
            return new SecretHeader(HttpHeaders.AUTHORIZATION, oauth.bearerAuthorization());
        }
        Credentials.UsernamePassword user = (Credentials.UsernamePassword) credentials;
        if (!user.useSession() || sessionLogin) {
            return new SecretHeader(HttpHeaders.AUTHORIZATION, user.basicAuthorization());
        }
        return new SecretHeader(API_KEY_HEADER, sessionToken());
    }

    private boolean usesSession() {
        return settings.credentials() instanceof Credentials.UsernamePassword user && user.useSession();
    }

    /** Logs in once, as the Python clients' login does ({@link SessionLogin}). */
    private String sessionToken() {
        String token = sessionToken;
        if (token == null) {
            synchronized (this) {
                token = sessionToken;
                if (token == null) {
                    sessionToken = token = login.token();
                }
            }
        }
        return token;
    }

    /**
     * Credentials go to the configured host, to {@code https://*.tiledb.com} (regional hosts) and to hosts the user
     * allowed; never to any other {@code Location} a redirect names.
     */
    boolean isTrusted(URI target) {
        if (sameOrigin(base, target)) {
            return true;
        }
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        if ("https".equalsIgnoreCase(target.getScheme())
                && (host.equals("tiledb.com") || host.endsWith(".tiledb.com"))) {
            return true;
        }
        String hostPort = host + ":" + port(target);
        return settings.redirectAllowedHosts().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.equals(host) || h.equals(hostPort));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private void pause(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TileDBConnectionException("Interrupted while waiting to retry a TileDB Cloud request", e);
        }
    }

    private String credentialsContext() {
        return "tried " + settings.credentials().describe() + " at " + settings.host();
    }

    JavaType type(Class<?> type) {
        return types.get(type);
    }

    /** A {@code /v4} answer's {@code {"data": T}} envelope. */
    JavaType dataOf(Class<?> type) {
        return mapper.getTypeFactory().constructParametricType(dev.cameltiledb.client.model.workspace.Data.class, type);
    }

    /** A {@code /v4} list answer: {@code {"data": [T...], "pagination_metadata": ...}}. */
    JavaType dataPageOf(Class<?> element) {
        return mapper.getTypeFactory()
                .constructParametricType(dev.cameltiledb.client.model.workspace.DataPage.class, element);
    }

    JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(java.util.List.class, element);
    }

    JavaType mapOf(Class<?> value) {
        return mapper.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, value);
    }

    /** The exception for an error answer, which it reads (its first 16 KiB) and ends; our secrets taken out. */
    private TileDBApiException toApiException(String method, String path, OpenAnswer answer) throws IOException {
        ClassicHttpResponse response = answer.response();
        String body = redact(ErrorBodies.read(answer));
        Long code = null;
        String message = null;
        String requestId = null;
        if (body != null && body.startsWith("{")) {
            try {
                ApiError error = mapper.readValue(body, ApiError.class);
                code = error.code();
                message = error.message();
                requestId = error.requestId();
            } catch (JacksonException notTheErrorModel) {
                message = null;
            }
        }
        if (message == null) {
            message = body == null || body.isBlank()
                    ? redact(response.getReasonPhrase())
                    : "response body: " + ErrorBodies.abbreviate(body);
        }
        if (requestId == null) {
            Header header = response.getFirstHeader("X-Request-Id");
            requestId = header != null ? header.getValue() : null;
        }
        int status = response.getCode();
        Header taskId = response.getFirstHeader(TASK_ID_HEADER);
        return TileDBApiException.of(
                        status,
                        code,
                        message,
                        requestId,
                        method,
                        path,
                        status == 401 || status == 403 ? credentialsContext() : null)
                .withTaskId(taskId == null ? null : redact(taskId.getValue()));
    }

    /** A file goes to HttpClient as a file (sent without a copy), bytes as bytes, a stream once. */
    private static HttpEntity entityOf(UploadBody body) {
        if (body.file() != null) {
            return new FileEntity(body.file().toFile(), ContentType.APPLICATION_OCTET_STREAM);
        }
        if (body.bytes() != null) {
            return new ByteArrayEntity(body.bytes(), ContentType.APPLICATION_OCTET_STREAM);
        }
        if (body.parts() != null) {
            return new PartsEntity(body.parts(), body.length());
        }
        return new InputStreamEntity(body.open(), body.length(), ContentType.APPLICATION_OCTET_STREAM);
    }

    /**
     * {@code text} without our own credentials: a server or proxy that echoes request headers into an error page or a
     * Location must not put the API key, the OAuth2 access token, the password or the session token into a message,
     * and so into logs.
     */
    private String redact(String text) {
        List<String> secrets = new ArrayList<>(3);
        if (settings.credentials() instanceof Credentials.ApiKey key) {
            secrets.add(key.token());
        } else if (settings.credentials() instanceof Credentials.AccessToken access) {
            secrets.add(access.token());
        } else if (settings.credentials() instanceof Credentials.UsernamePassword user) {
            secrets.add(user.basicAuthorization().substring("Basic ".length()));
            secrets.add(user.password());
        }
        secrets.add(sessionToken);
        return Redaction.redact(text, secrets);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
