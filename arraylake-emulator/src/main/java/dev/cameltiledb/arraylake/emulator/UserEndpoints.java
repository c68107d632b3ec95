package dev.cameltiledb.arraylake.emulator;

import dev.cameltiledb.emulator.common.Answer;
import dev.cameltiledb.emulator.common.Router;

/** Who am I, which orgs are mine, and the token refresh the Python client's TokenHandler calls. */
final class UserEndpoints {

    private final ArraylakeState state;

    UserEndpoints(ArraylakeState state) {
        this.state = state;
    }

    void register(Router<Endpoint> routes) {
        routes.add("GET", "/user", this::user);
        routes.add("GET", "/user/orgs", this::orgs);
        // a refresh issues new tokens: it writes, though it is a GET
        routes.addOpen("GET", "/refresh_token", dev.cameltiledb.emulator.common.Access.WRITE, this::refresh);
    }

    /** UserInfo for a person, ApiTokenInfo (expiration in epoch seconds) for an API client. */
    private Answer user(Request request) {
        if (request.principal() instanceof ServiceAccount account) {
            return Answer.ok(new Wire.ApiTokenInfo(
                    account.id(),
                    account.id(),
                    account.email(),
                    account.expiration().getEpochSecond()));
        }
        UserAccount user = (UserAccount) request.principal();
        return Answer.ok(new Wire.UserInfo(user.id(), user.firstName(), user.familyName(), user.email()));
    }

    private Answer orgs(Request request) {
        return Answer.ok(
                state.orgsOf(request.principal()).stream().map(Views::org).toList());
    }

    /** New id and access tokens; the refresh token itself stays (the answer leaves it out). */
    private Answer refresh(Request request) {
        String token = request.requiredQuery("token");
        return state.tokens()
                .refresh(token, state.time().now())
                .map(t -> Answer.ok(new Wire.OauthTokens(t.accessToken(), t.idToken(), t.expiresIn(), "Bearer")))
                .orElseThrow(() -> ApiError.of(401, "Invalid refresh token"));
    }
}
