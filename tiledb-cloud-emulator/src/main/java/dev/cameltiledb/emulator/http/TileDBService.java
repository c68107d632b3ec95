package dev.cameltiledb.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.emulator.RequestLine;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Dialect;
import dev.cameltiledb.emulator.common.RequestLog;
import dev.cameltiledb.emulator.common.Route;
import dev.cameltiledb.emulator.common.Service;
import dev.cameltiledb.emulator.common.Transactions;
import dev.cameltiledb.emulator.state.Accounts;
import dev.cameltiledb.emulator.state.EmulatorState;
import io.undertow.server.HttpServerExchange;

/**
 * What the TileDB emulator adds to the shared request path: a test's request hook, the redirect to a "regional"
 * instance, authentication by API key, HTTP basic or an OAuth2 bearer token, and each handler run.
 */
public final class TileDBService implements Service<HttpCall, Handler> {

    private final EmulatorState state;
    private final ObjectMapper mapper;
    private final RequestLog<RequestLine> requests;
    /** Null unless every request is answered with a redirect there. */
    private final String redirectTo;

    private final int redirectStatus;
    private final Dialect dialect = new TileDBDialect();

    public TileDBService(
            EmulatorState state,
            ObjectMapper mapper,
            RequestLog<RequestLine> requests,
            String redirectTo,
            int redirectStatus) {
        this.state = state;
        this.mapper = mapper;
        this.requests = requests;
        this.redirectTo = redirectTo;
        this.redirectStatus = redirectStatus;
    }

    @Override
    public HttpCall call(HttpServerExchange exchange, boolean recording) {
        return new HttpCall(exchange, recording, mapper);
    }

    /** The test's hook runs first: what it changes, the handler sees. Then the redirect, when there is one. */
    @Override
    public Answer arrive(HttpCall call) {
        requests.add(new RequestLine(call.method(), call.rawPath(), call.queryString()));
        if (redirectTo == null) {
            return null;
        }
        String query = call.queryString();
        return Answer.redirect(
                redirectStatus, redirectTo + call.exchange().getRequestURI() + (query.isEmpty() ? "" : "?" + query));
    }

    /** The caller: by API key, else by the {@code Authorization} header, HTTP basic or an OAuth2 bearer token. */
    @Override
    public void authenticate(HttpCall call) {
        String key = call.header("X-TILEDB-REST-API-KEY");
        String authorization = call.header("Authorization");
        Accounts accounts = state.accounts();
        User user = state.transactions().read(() -> {
            if (key != null) {
                return accounts.byApiKey(key);
            }
            User byPassword = accounts.byBasicAuth(authorization);
            return byPassword != null ? byPassword : accounts.byBearer(authorization);
        });
        if (user == null) {
            throw ApiFailure.unauthorized(
                    key != null || authorization != null
                            ? "the API key or credentials are not valid"
                            : "authentication required: send X-TILEDB-REST-API-KEY, basic auth or a bearer token");
        }
        call.user(user);
    }

    /**
     * Runs the handler in the transaction its route declares: a write saves what it touched before the answer goes
     * out. An upload ({@link Upload}) takes its transactions itself, as it receives its body between them, and so does a
     * data-plane call ({@link Access#OWN}), which may run an SQL statement or a UDF for minutes.
     */
    @Override
    public Answer handle(Route<Handler> route, HttpCall call) {
        Transactions transactions = state.transactions();
        if (route.streamedBody() || route.access() == Access.OWN) {
            route.handler().handle(call);
        } else if (route.access() == Access.WRITE) {
            transactions.write(() -> route.handler().handle(call));
        } else {
            transactions.read(() -> route.handler().handle(call));
        }
        return call.answer();
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }
}
