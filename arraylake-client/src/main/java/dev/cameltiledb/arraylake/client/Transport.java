package dev.cameltiledb.arraylake.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Call}s: adds the Bearer token, retries as {@link RetryPolicy} says, refreshes a token-file user token
 * once on a 401, and turns error answers into exceptions. Nothing it logs or throws holds a token: paths are shown
 * without their query (the refresh and authenticate calls carry tokens there) and the Authorization header prints
 * redacted.
 */
final class Transport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final CloseableHttpClient http;
    private final URI base;
    private final Bearer bearer;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    /** Serialises refreshes: concurrent 401s of one expired token must not each spend a refresh. */
    private final Object refreshLock = new Object();

    Transport(CloseableHttpClient http, URI base, Bearer bearer, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.base = base;
        this.bearer = bearer;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The answer parsed as {@code type}. */
    <T> T read(Call call, Class<T> type) {
        return parse(call, exchange(call), Json.MAPPER.constructType(type));
    }

    <T> T read(Call call, TypeReference<T> type) {
        return parse(call, exchange(call), Json.MAPPER.getTypeFactory().constructType(type));
    }

    /** The answer as a tree, for answers whose shape decides their type. */
    JsonNode tree(Call call) {
        return parse(call, exchange(call), Json.MAPPER.constructType(JsonNode.class));
    }

    /** A call whose answer has no body worth reading (204). */
    void send(Call call) {
        exchange(call);
    }

    private <T> T parse(Call call, Answer answer, JavaType type) {
        try {
            return Json.MAPPER.readValue(answer.body(), type);
        } catch (JsonMappingException e) {
            // only the field path: the parser's own message may quote a value, and some answers are credentials
            throw new ArraylakeException("Unexpected answer to " + call.method() + " " + call.path() + " at "
                    + e.getPathReference() + " (x-request-id " + answer.requestId() + ")");
        } catch (IOException e) {
            throw new ArraylakeException("Answer to " + call.method() + " " + call.path()
                    + " is not JSON (x-request-id " + answer.requestId() + ")");
        }
    }

    private Answer exchange(Call call) {
        String used = call.anonymous() ? null : bearer.current();
        Answer answer = attempts(call, used);
        if (answer.status() == 401 && used != null && bearer.refreshable()) {
            refresh(used);
            answer = attempts(call, bearer.current());
        }
        if (answer.status() >= 400) {
            throw ApiErrors.of(answer.status(), answer.body(), answer.requestId(), call.method(), call.path());
        }
        return answer;
    }

    private void refresh(String used) {
        synchronized (refreshLock) {
            if (!bearer.stillCurrent(used)) {
                return; // another thread refreshed meanwhile
            }
            LOG.info("Arraylake refused the user token (401); refreshing it once with the token file's refresh token");
            Call call = Call.get("refresh_token")
                    .query("token", bearer.refreshToken())
                    .withoutAuthorization();
            Answer answer = attempts(call, null);
            if (answer.status() == 401 || answer.status() == 403) {
                ArraylakeApiException refused =
                        ApiErrors.of(answer.status(), answer.body(), answer.requestId(), call.method(), call.path());
                throw new ArraylakeAuthException(
                        answer.status(),
                        "the user token expired and its refresh was refused (" + refused.detail()
                                + "); log in again with arraylake auth login",
                        answer.requestId(),
                        call.method(),
                        call.path());
            }
            if (answer.status() >= 400) {
                throw ApiErrors.of(answer.status(), answer.body(), answer.requestId(), call.method(), call.path());
            }
            JsonNode tokens = parse(call, answer, Json.MAPPER.constructType(JsonNode.class));
            String idToken = tokens.path("id_token").asText("");
            if (idToken.isBlank()) {
                throw new ArraylakeException(
                        "The token refresh answer has no id_token (x-request-id " + answer.requestId() + ")");
            }
            bearer.replace(used, idToken);
        }
    }

    /** Attempts of one call with one token, as long as the retry policy allows; the last answer is returned. */
    private Answer attempts(Call call, String token) {
        int attempt = 0;
        int connectionFailures = 0;
        while (true) {
            attempt++;
            Answer answer;
            try {
                answer = once(call, token);
            } catch (IOException e) {
                connectionFailures++;
                boolean mayHaveBeenSent = mayHaveBeenSent(e);
                if (e instanceof SocketTimeoutException
                        || !policy.retriesConnection(call.method(), mayHaveBeenSent, connectionFailures)) {
                    throw new ArraylakeConnectionException(
                            call.method() + " " + call.path() + " to " + base + " failed after " + connectionFailures
                                    + " connection attempt(s): " + e,
                            e);
                }
                long delay = policy.connectionDelayMillis(connectionFailures);
                LOG.info(
                        "{} {} failed ({}); connection retry {} of {} in {} ms",
                        call.method(),
                        call.path(),
                        e.getClass().getSimpleName(),
                        connectionFailures,
                        RetryPolicy.CONNECTION_RETRIES,
                        delay);
                sleep(delay);
                attempt--; // connection failures have their own budget
                continue;
            }
            if (!policy.retriesStatus(call.method(), answer.status(), attempt)) {
                return answer;
            }
            long delay = policy.statusDelayMillis(attempt, answer.retryAfter(), clock.instant());
            LOG.info(
                    "{} {} answered {} (x-request-id {}); attempt {} of {}, next in {} ms",
                    call.method(),
                    call.path(),
                    answer.status(),
                    answer.requestId(),
                    attempt,
                    policy.maxAttempts(),
                    delay);
            sleep(delay);
        }
    }

    /** Failures before a connection existed cannot have reached the service; anything later might have. */
    private static boolean mayHaveBeenSent(IOException e) {
        return !(e instanceof ConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException);
    }

    private Answer once(Call call, String token) throws IOException {
        URI real = uri(call);
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), real);
        request.setUri(TokenInQuery.mask(real, request));
        if (token != null) {
            request.setHeader(new RedactedHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        }
        if (call.body() != null) {
            request.setEntity(
                    new ByteArrayEntity(Json.MAPPER.writeValueAsBytes(call.body()), ContentType.APPLICATION_JSON));
        }
        return http.execute(request, response -> {
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            Answer answer = new Answer(
                    response.getCode(),
                    header(response.getFirstHeader("x-request-id")),
                    header(response.getFirstHeader(HttpHeaders.RETRY_AFTER)),
                    body);
            LOG.debug("{} {} -> {} (x-request-id {})", call.method(), call.path(), answer.status(), answer.requestId());
            return answer;
        });
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
            sleeper.sleep(millis);
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

    /** What one attempt got back. */
    private record Answer(int status, String requestId, String retryAfter, byte[] body) {}
}
