package dev.cameltiledb.arraylake.emulator;

/**
 * A user's current tokens, as the Python client keeps them in {@code ~/.arraylake/token.json}: the id token is the
 * bearer the client sends, the refresh token gets new ones from {@code GET /refresh_token}. {@link #toString()}
 * hides them, so a failing assertion never prints a token.
 */
public record UserTokens(String accessToken, String idToken, String refreshToken, int expiresIn) {

    @Override
    public String toString() {
        return "UserTokens[accessToken=***, idToken=***, refreshToken=***, expiresIn=" + expiresIn + "]";
    }
}
