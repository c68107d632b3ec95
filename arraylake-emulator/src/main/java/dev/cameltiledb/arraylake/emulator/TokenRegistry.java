package dev.cameltiledb.arraylake.emulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which bearer token stands for whom, until when. User tokens are issued here (and re-issued on refresh); service
 * tokens are registered with their account. A refresh token stays valid across refreshes, as Auth0's does for the
 * Python client, which keeps it when the answer has none.
 */
final class TokenRegistry {

    /** Seconds a user's id and access tokens live, as the service's {@code expires_in} says. */
    static final int USER_TOKEN_LIFETIME = 86_400;

    private record Grant(Principal principal, Instant expiresAt) {}

    private final Map<String, Grant> bearers = new HashMap<>();
    private final Map<String, UserAccount> refreshTokens = new HashMap<>();
    private final Map<String, UserTokens> currentByEmail = new HashMap<>();

    void registerService(ServiceAccount account) {
        if (bearers.containsKey(account.token())) {
            throw new IllegalArgumentException("the token of " + account.email() + " is already in use");
        }
        bearers.put(account.token(), new Grant(account, account.expiration()));
    }

    /** Issues a user's first tokens; a given id or refresh token (from a seed) is used as is. */
    UserTokens issue(UserAccount user, String idToken, String refreshToken, Instant now) {
        String refresh = refreshToken != null ? refreshToken : Ids.refreshToken();
        refreshTokens.put(refresh, user);
        return grantUser(user, idToken, refresh, now);
    }

    /** New id and access tokens for a refresh token, or empty when nobody holds it. */
    Optional<UserTokens> refresh(String refreshToken, Instant now) {
        UserAccount user = refreshTokens.get(refreshToken);
        return user == null ? Optional.empty() : Optional.of(grantUser(user, null, refreshToken, now));
    }

    /** The principal of a live bearer token. */
    Optional<Principal> principal(String bearer, Instant now) {
        Grant grant = bearers.get(bearer);
        if (grant == null || (grant.expiresAt() != null && !now.isBefore(grant.expiresAt()))) {
            return Optional.empty();
        }
        return Optional.of(grant.principal());
    }

    Optional<UserTokens> current(String email) {
        return Optional.ofNullable(currentByEmail.get(email));
    }

    /** The user's current id and access tokens stop working; the refresh token still gets new ones. */
    void expire(String email) {
        UserTokens tokens = currentByEmail.get(email);
        if (tokens != null) {
            bearers.remove(tokens.idToken());
            bearers.remove(tokens.accessToken());
        }
    }

    private UserTokens grantUser(UserAccount user, String idToken, String refreshToken, Instant now) {
        Instant expiresAt = now.plusSeconds(USER_TOKEN_LIFETIME);
        String id = idToken != null ? idToken : Ids.jwtShaped(user.id(), user.email(), expiresAt.getEpochSecond());
        String access = Ids.jwtShaped(user.id(), user.email(), expiresAt.getEpochSecond());
        // the Python client sends the id token; the access token is accepted too, as both name the same person
        bearers.put(id, new Grant(user, expiresAt));
        bearers.put(access, new Grant(user, expiresAt));
        UserTokens tokens = new UserTokens(access, id, refreshToken, USER_TOKEN_LIFETIME);
        currentByEmail.put(user.email(), tokens);
        return tokens;
    }
}
