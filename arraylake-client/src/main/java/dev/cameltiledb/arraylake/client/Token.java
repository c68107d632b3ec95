package dev.cameltiledb.arraylake.client;

import java.util.Objects;

/**
 * A bearer token (an {@code ema_} service token or a JWT). It exists so a token can travel through settings, logs and
 * debuggers without being printed: toString is always {@code ***}.
 */
public final class Token {

    private final String value;

    private Token(String value) {
        this.value = value;
    }

    public static Token of(String value) {
        if (value == null || value.isBlank()) {
            throw new ArraylakeException("An Arraylake token must not be empty");
        }
        return new Token(value.strip());
    }

    /** The secret itself, for the Authorization header; never log it. */
    public String reveal() {
        return value;
    }

    /** Service tokens are not refreshable and are checked with {@code api-clients/authenticate}. */
    public boolean isServiceToken() {
        return value.startsWith("ema_");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "***";
    }
}
