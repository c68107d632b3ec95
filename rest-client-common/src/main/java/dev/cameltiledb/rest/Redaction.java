package dev.cameltiledb.rest;

import java.util.Collection;

/**
 * Takes our own credentials out of text a server sent back: an error page from a server or proxy that echoes the
 * request headers would otherwise put the API key or bearer token into an exception message, and so into logs.
 */
public final class Redaction {

    /** What a secret is shown as. */
    public static final String HIDDEN = "xxxxxx";
    /**
     * Shorter values are not searched for: replacing every {@code "abc"} in a message would make it unreadable, and a
     * real key or token is far longer.
     */
    public static final int MIN_SECRET_LENGTH = 6;

    private Redaction() {}

    /** {@code text} with every occurrence of each secret (null ones and short ones skipped) replaced by HIDDEN. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                out = out.replace(secret, HIDDEN);
            }
        }
        return out;
    }
}
