package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cameltiledb.rest.BoundedInputStream;
import dev.cameltiledb.rest.CallDeadline;
import dev.cameltiledb.rest.ClientStats;
import dev.cameltiledb.rest.ErrorBodies;
import dev.cameltiledb.rest.OpenAnswer;
import dev.cameltiledb.rest.Redaction;
import dev.cameltiledb.rest.RetryBudget;
import dev.cameltiledb.rest.SecretHeader;
import dev.cameltiledb.rest.StrictAnswers;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Call}s: adds the Bearer token, retries as {@link RetryPolicy} says within the retry budget
 * ({@code maxRetryTime}), refreshes a token-file user token once on a 401, and turns error answers into exceptions.
 * Every call is bounded: by {@code callTimeout} as a whole (headers and body, however slowly they come), and its
 * answer by {@code maxResponseSize} (parsed straight from the connection, which is closed rather than drained when
 * the answer is given up on). Nothing it logs or throws holds a token: paths are shown without their query (the
 * refresh and authenticate calls carry tokens there), the Authorization header prints redacted, and our own tokens
 * are taken out of any error text a server sends back.
 */
final class Transport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final ArraylakeSettings settings;
    private final ClientStats stats = new ClientStats();
    private final CloseableHttpClient http;
    private final URI base;
    private final Bearer bearer;
    private final RetryPolicy policy;
    private final Clock clock = Clock.systemUTC();
    /** Serialises refreshes: concurrent 401s of one expired token must not each spend a refresh. */
    private final Object refreshLock = new Object();

    /** A transport to {@code base} with {@code bearer}'s token, on the pool, retry rules and bounds of settings. */
    Transport(ArraylakeSettings settings, URI base, Bearer bearer) {
        this.settings = settings;
        this.http = HttpFactory.create(settings, stats);
        this.policy = RetryPolicy.of(settings);
        this.base = base;
        this.bearer = bearer;
    }

    /** The answer parsed as {@code type}; {@code null} or {@code {}} is an error naming the call. */
    <T> T read(Call call, Class<T> type) {
        return exchange(call, Json.MAPPER.constructType(type));
    }

    <T> T read(Call call, TypeReference<T> type) {
        return exchange(call, Json.MAPPER.getTypeFactory().constructType(type));
    }

    /** The answer as a tree, for answers whose shape decides their type; {@code null} or {@code {}} is an error. */
    JsonNode tree(Call call) {
        return exchange(call, Json.MAPPER.constructType(JsonNode.class));
    }

    /** A call whose answer has no body worth reading (204). */
    void send(Call call) {
        exchange(call, null);
    }

    /** One call within its deadline and retry budget: its answer parsed as {@code type}, or discarded when null. */
    private <T> T exchange(Call call, JavaType type) {
        try (CallDeadline deadline = CallDeadline.start(settings.callTimeout().toMillis(), "callTimeout", stats)) {
            return body(call, successful(call, deadline), type, deadline);
        }
    }

    /**
     * A call whose answer is read at the caller's pace (a service's log): the retries, the token refresh and the
     * status checks of every call, within {@code callTimeout}, up to the answer's headers; its body is then the
     * returned answer's, open until read to its end or closed.
     */
    StreamedAnswer stream(Call call) {
        try (CallDeadline deadline = CallDeadline.start(settings.callTimeout().toMillis(), "callTimeout", stats)) {
            Answer answer = successful(call, deadline);
            return new StreamedAnswer(answer.open(), call.method(), call.path(), requestId(answer));
        }
    }

    /** The transport's requests, retries and deadline hits so far, and its pool now. */
    ClientStats stats() {
        return stats;
    }

    /** The settings the transport was made with (the bounds a streamed answer keeps to). */
    ArraylakeSettings settings() {
        return settings;
    }

    /**
     * The call's answer after its retries (and a refused token's refresh), still open; a redirect or an error status
     * is thrown.
     */
    private Answer successful(Call call, CallDeadline deadline) {
        RetryBudget budget = new RetryBudget(settings.maxRetryTime().toMillis(), "maxRetryTime");
        String used = call.anonymous() ? null : bearer.current();
        Answer answer = attempts(call, used, deadline, budget);
        if (answer.status() == 401 && used != null && bearer.refreshable()) {
            answer.open().discard();
            refresh(used, deadline, budget);
            answer = attempts(call, bearer.current(), deadline, budget);
        }
        requireSuccess(call, answer, deadline);
        return answer;
    }

    private void requireSuccess(Call call, Answer answer, CallDeadline deadline) {
        int status = answer.status();
        if (status >= 300 && status < 400) {
            answer.open().discard();
            throw new ArraylakeException(call.method() + " " + call.path() + " answered " + status + ", a redirect to "
                    + (answer.location() == null ? "no Location" : redact(call, answer.location()))
                    + "; it was not followed (the client follows no redirect: check the service URI " + base + ")"
                    + requestId(answer));
        }
        if (status >= 400 || status < 200) {
            throw error(call, answer, deadline);
        }
    }

    /** The successful answer's body parsed as {@code type} (discarded when null), within the deadline and size limit. */
    private <T> T body(Call call, Answer answer, JavaType type, CallDeadline deadline) {
        if (type == null) {
            answer.open().discard();
            return null;
        }
        boolean complete = false;
        try {
            T value = parse(call, answer, type);
            complete = true;
            return value;
        } catch (BoundedInputStream.TooLarge e) {
            throw new ArraylakeException(e.getMessage() + requestId(answer), e);
        } catch (ArraylakeException e) {
            // a connection cut by the deadline reads as a body that ended too soon
            throw deadline.expired()
                    ? new ArraylakeConnectionException(deadline.describe(call.method(), call.path()), e)
                    : e;
        } catch (IOException e) {
            throw deadline.expired()
                    ? new ArraylakeConnectionException(deadline.describe(call.method(), call.path()), e)
                    : new ArraylakeConnectionException(
                            "The answer to " + call.method() + " " + call.path() + " broke off: "
                                    + e.getClass().getSimpleName() + requestId(answer),
                            e);
        } finally {
            if (complete) {
                answer.open().close();
            } else {
                answer.open().abort(); // never drain what is left of an answer we gave up on: it may never end
            }
        }
    }

    private <T> T parse(Call call, Answer answer, JavaType type) throws IOException {
        HttpEntity entity = answer.open().response().getEntity();
        T value;
        try {
            value = entity == null
                    ? null
                    : Json.MAPPER.readValue(
                            new BoundedInputStream(
                                    entity.getContent(),
                                    settings.maxResponseSize(),
                                    call.method() + " " + call.path(),
                                    "maxResponseSize"),
                            type);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof IOException cause && !(cause instanceof JacksonException)) {
                throw cause; // the size limit, or the connection, failed in the middle of a nested value
            }
            // only the field path: the parser's own message may quote a value, and some answers are credentials
            throw new ArraylakeException("Unexpected answer to " + call.method() + " " + call.path() + " at "
                    + e.getPathReference() + requestId(answer));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArraylakeException(
                    "Answer to " + call.method() + " " + call.path() + " is not JSON" + requestId(answer));
        }
        String missing = value instanceof JsonNode node ? missing(node) : StrictAnswers.missing(value);
        if (missing != null) {
            throw new ArraylakeException(call.method() + " " + call.path() + " answered " + missing + " where a "
                    + type.getRawClass().getSimpleName() + " was expected" + requestId(answer));
        }
        return value;
    }

    /** What a tree answer is when it is no answer: {@code null}, nothing, or {@code {}}. */
    private static String missing(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return "null";
        }
        return node.isObject() && node.isEmpty() ? "an empty object" : null;
    }

    private static String requestId(Answer answer) {
        return " (x-request-id " + answer.requestId() + ")";
    }

    /** The exception for an error answer, which it reads (its first 16 KiB) and ends; our tokens taken out. */
    private ArraylakeApiException error(Call call, Answer answer, CallDeadline deadline) {
        String body;
        try {
            body = redact(call, ErrorBodies.read(answer.open()));
        } catch (IOException e) {
            answer.open().abort();
            throw deadline.expired()
                    ? new ArraylakeConnectionException(deadline.describe(call.method(), call.path()), e)
                    : new ArraylakeConnectionException(
                            "The error answer " + answer.status() + " to " + call.method() + " " + call.path()
                                    + " broke off: " + e.getClass().getSimpleName() + requestId(answer),
                            e);
        }
        return ApiErrors.of(
                answer.status(),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                answer.requestId(),
                call.method(),
                call.path());
    }

    /**
     * {@code text} without our own tokens: a server or proxy echoing request headers or the query must not put the
     * bearer token, the refresh token or a token being looked up into a message, and so into logs.
     */
    private String redact(Call call, String text) {
        List<String> secrets = new ArrayList<>(call.secrets());
        secrets.add(bearer.current());
        secrets.add(bearer.refreshToken());
        return Redaction.redact(text, secrets);
    }

    private void refresh(String used, CallDeadline deadline, RetryBudget budget) {
        synchronized (refreshLock) {
            if (!bearer.stillCurrent(used)) {
                return; // another thread refreshed meanwhile
            }
            LOG.info("Arraylake refused the user token (401); refreshing it once with the token file's refresh token");
            Call call = Call.get("refresh_token")
                    .query("token", bearer.refreshToken())
                    .withoutAuthorization();
            Answer answer = attempts(call, null, deadline, budget);
            if (answer.status() == 401 || answer.status() == 403) {
                ArraylakeApiException refused = error(call, answer, deadline);
                throw new ArraylakeAuthException(
                        answer.status(),
                        "the user token expired and its refresh was refused (" + refused.detail()
                                + "); log in again with arraylake auth login",
                        answer.requestId(),
                        call.method(),
                        call.path());
            }
            requireSuccess(call, answer, deadline);
            JsonNode tokens = body(call, answer, Json.MAPPER.constructType(JsonNode.class), deadline);
            String idToken = tokens.path("id_token").asText("");
            if (idToken.isBlank()) {
                throw new ArraylakeException(
                        "The token refresh answer has no id_token (x-request-id " + answer.requestId() + ")");
            }
            bearer.replace(used, idToken);
        }
    }

    /**
     * Attempts of one call with one token, as long as the retry policy allows and the retry budget lasts; the last
     * answer is returned, still open.
     */
    private Answer attempts(Call call, String token, CallDeadline deadline, RetryBudget budget) {
        int attempt = 0;
        int connectionFailures = 0;
        while (true) {
            attempt++;
            long started = System.nanoTime();
            Answer answer;
            try {
                answer = once(call, token, deadline);
            } catch (IOException e) {
                stats.attempted();
                budget.attempted(started);
                if (deadline.expired()) {
                    throw new ArraylakeConnectionException(deadline.describe(call.method(), call.path()), e);
                }
                connectionFailures++;
                long delay = policy.connectionDelayMillis(connectionFailures);
                if (e instanceof SocketTimeoutException
                        || !policy.retriesConnection(call.method(), mayHaveBeenSent(e), connectionFailures)
                        || !budget.allows(delay)) {
                    throw new ArraylakeConnectionException(
                            call.method() + " " + call.path() + " to " + base + " failed after " + connectionFailures
                                    + " connection attempt(s): " + e,
                            e);
                }
                LOG.info(
                        "{} {} failed ({}); connection retry {} of {} in {} ms",
                        call.method(),
                        call.path(),
                        e.getClass().getSimpleName(),
                        connectionFailures,
                        RetryPolicy.CONNECTION_RETRIES,
                        delay);
                stats.retried();
                sleep(delay);
                budget.waited(delay, deadline);
                attempt--; // connection failures have their own budget
                continue;
            }
            stats.attempted();
            budget.attempted(started);
            if (!policy.retriesStatus(call.method(), answer.status(), attempt)) {
                return answer;
            }
            long delay = policy.statusDelayMillis(attempt, answer.retryAfter(), clock.instant());
            if (!budget.allows(delay)) {
                LOG.info(
                        "{} {} answered {} (x-request-id {}); a retry in {} ms would pass maxRetryTime ({} ms spent)",
                        call.method(),
                        call.path(),
                        answer.status(),
                        answer.requestId(),
                        delay,
                        budget.spentMillis());
                return answer;
            }
            LOG.info(
                    "{} {} answered {} (x-request-id {}); attempt {} of {}, next in {} ms",
                    call.method(),
                    call.path(),
                    answer.status(),
                    answer.requestId(),
                    attempt,
                    policy.maxAttempts(),
                    delay);
            answer.open().discard();
            stats.retried();
            sleep(delay);
            budget.waited(delay, deadline);
        }
    }

    /** Failures before a connection existed cannot have reached the service; anything later might have. */
    private static boolean mayHaveBeenSent(IOException e) {
        return !(e instanceof ConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException);
    }

    private Answer once(Call call, String token, CallDeadline deadline) throws IOException {
        URI real = uri(call);
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), real);
        request.setUri(TokenInQuery.mask(real, request));
        if (token != null) {
            request.setHeader(new SecretHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        }
        if (call.body() != null) {
            request.setEntity(
                    new ByteArrayEntity(Json.MAPPER.writeValueAsBytes(call.body()), ContentType.APPLICATION_JSON));
        }
        deadline.guard(request);
        ClassicHttpResponse response = http.executeOpen(null, request, null);
        Answer answer = new Answer(
                new OpenAnswer(request, response),
                response.getCode(),
                header(response.getFirstHeader("x-request-id")),
                header(response.getFirstHeader(HttpHeaders.RETRY_AFTER)),
                header(response.getFirstHeader(HttpHeaders.LOCATION)));
        LOG.debug("{} {} -> {} (x-request-id {})", call.method(), call.path(), answer.status(), answer.requestId());
        return answer;
    }

    private static String header(Header header) {
        return header == null ? null : header.getValue();
    }

    private URI uri(Call call) {
        try {
            URIBuilder builder = new URIBuilder(base).appendPathSegments(call.segments());
            for (Map.Entry<String, String> q : call.query()) {
                builder.addParameter(q.getKey(), q.getValue());
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw new ArraylakeException(
                    "Cannot build a URI for " + call.path() + " on " + base + ": " + e.getMessage());
        }
    }

    private void sleep(long millis) {
        try {
            settings.sleeper().sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArraylakeException("Interrupted while waiting to retry", e);
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("Closing the Arraylake HTTP client failed", e);
        }
    }

    /** What one attempt got back: the answer still open, and the headers the transport decides by. */
    private record Answer(OpenAnswer open, int status, String requestId, String retryAfter, String location) {}
}
