package dev.cameltiledb.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How requests authenticate. {@link #toString()} never shows a secret; {@link #describe()} says what was tried, for
 * error messages.
 */
public sealed interface Credentials {

    /** A human description without secrets, e.g. {@code user 'alice' (session token) from environment}. */
    String describe();

    /** An API key (or a session token) sent as {@code X-TILEDB-REST-API-KEY}. */
    record ApiKey(String token, String source) implements Credentials {

        public ApiKey {
            if (token == null || token.isBlank()) {
                throw new TileDBConfigurationException("The API token from " + source + " is empty");
            }
        }

        @Override
        public String describe() {
            return "the API token from " + source;
        }

        @Override
        public String toString() {
            return "ApiKey[xxxxxx from " + source + "]";
        }
    }

    /**
     * An OAuth2 access token, sent as {@code Authorization: Bearer <token>}: the third scheme of TileDB's REST API
     * ({@code Configuration.access_token} of its generated clients, which read it from no file or variable).
     */
    record AccessToken(String token, String source) implements Credentials {

        public AccessToken {
            if (token == null || token.isBlank()) {
                throw new TileDBConfigurationException("The OAuth2 access token from " + source + " is empty");
            }
        }

        String bearerAuthorization() {
            return "Bearer " + token;
        }

        @Override
        public String describe() {
            return "the OAuth2 access token from " + source;
        }

        @Override
        public String toString() {
            return "AccessToken[xxxxxx from " + source + "]";
        }
    }

    /**
     * A user name and password: exchanged once for a session token ({@code useSession}, the Python client's
     * default) or sent as HTTP basic auth on every request (the Python client's {@code no_session=True}).
     */
    record UsernamePassword(String username, String password, boolean useSession, String source)
            implements Credentials {

        public UsernamePassword {
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw new TileDBConfigurationException(
                        "Both a user name and a password are needed (from " + source + ")");
            }
        }

        String basicAuthorization() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "user '" + username + "' (" + (useSession ? "session token" : "basic auth") + ") from " + source;
        }

        @Override
        public String toString() {
            return "UsernamePassword[" + username + ", xxxxxx, session=" + useSession + ", from " + source + "]";
        }
    }
}
