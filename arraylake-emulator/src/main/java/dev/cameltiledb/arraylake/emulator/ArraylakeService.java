package dev.cameltiledb.arraylake.emulator;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Dialect;
import dev.cameltiledb.emulator.common.RequestLog;
import dev.cameltiledb.emulator.common.Route;
import dev.cameltiledb.emulator.common.Service;
import dev.cameltiledb.emulator.common.Transactions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * What the Arraylake emulator adds to the shared request path: the request log (which never holds a token: only
 * whether an {@code Authorization} header came, and a {@code token} query value hidden), bearer authentication, and
 * each endpoint run in its transaction. A call by an API client records when the client was last used, so it runs in a
 * write transaction even where the route only reads.
 */
final class ArraylakeService implements Service<Request, Endpoint> {

    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(^|&)token=[^&]*");

    private final ArraylakeState state;
    private final Transactions transactions;
    private final ObjectMapper mapper;
    private final RequestLog<RequestLine> requests;
    private final Dialect dialect = new ArraylakeDialect();

    ArraylakeService(
            ArraylakeState state, Transactions transactions, ObjectMapper mapper, RequestLog<RequestLine> requests) {
        this.state = state;
        this.transactions = transactions;
        this.mapper = mapper;
        this.requests = requests;
    }

    @Override
    public Request call(HttpServerExchange exchange, boolean recording) {
        return new Request(exchange, recording, mapper);
    }

    @Override
    public Answer arrive(Request request) {
        requests.add(new RequestLine(
                request.method(),
                request.rawPath(),
                redact(request.queryString()),
                request.header(Headers.AUTHORIZATION_STRING) != null));
        return null;
    }

    /** The principal of a live bearer token; FastAPI's answers when it is missing, unknown or expired. */
    @Override
    public void authenticate(Request request) {
        String authorization = request.header(Headers.AUTHORIZATION_STRING);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthenticated("Not authenticated");
        }
        String token = authorization.substring(7).strip();
        request.principal(transactions.read(() -> state.tokens()
                .principal(token, state.time().now())
                .orElseThrow(() -> ApiError.unauthenticated("Invalid token"))));
    }

    @Override
    public Answer handle(Route<Endpoint> route, Request request) {
        if (route.access() == Access.WRITE || request.principal() instanceof ServiceAccount) {
            return transactions.write(() -> {
                if (request.principal() instanceof ServiceAccount account) {
                    account.used(state.time().now());
                }
                return route.handler().handle(request);
            });
        }
        return transactions.read(() -> route.handler().handle(request));
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** The query string with a {@code token} parameter's value hidden (refresh and API-client lookups carry one). */
    static String redact(String query) {
        return query == null ? "" : TOKEN_PARAMETER.matcher(query).replaceAll("$1token=***");
    }
}
