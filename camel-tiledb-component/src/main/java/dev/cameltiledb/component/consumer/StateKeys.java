package dev.cameltiledb.component.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns any asset name into a state-repository key part that every Camel {@code StateRepository} stores as given. */
final class StateKeys {

    /**
     * The longest key kept as it is: it fits a {@code VARCHAR(255)} key column, and the JDBC store's 1,024 characters.
     * A longer one is {@linkplain #fit fitted}.
     */
    static final int MAX_KEY = 250;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** What separates a fitted key's readable head from the hash of the whole key. */
    private static final String HASHED = "#sha256:";

    private StateKeys() {}

    /**
     * {@code key} itself when it has at most {@value #MAX_KEY} characters (so every key saved before stays as it was,
     * and ordinary keys stay readable); otherwise its first characters and the SHA-256 of the whole key, {@value
     * #MAX_KEY} characters in all: a name of 120 snowmen, percent-encoded to 1,080 characters, still has a key any
     * store holds, and two long keys share one only if they are the same.
     */
    static String fit(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        int head = MAX_KEY - HASHED.length() - 64;
        if (Character.isHighSurrogate(key.charAt(head - 1))) {
            head--; // never half a character
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, head) + HASHED + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Percent-encodes every byte outside {@code A-Z a-z 0-9 - _ . ~ / :} so keys stay readable for ordinary names
     * ({@code tiledb://acme/sales} is unchanged) and never hold {@code =}, {@code |}, spaces or line breaks.
     */
    static String encode(String value) {
        StringBuilder out = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b >= 'a' && b <= 'z'
                    || b >= 'A' && b <= 'Z'
                    || b >= '0' && b <= '9'
                    || b == '-'
                    || b == '_'
                    || b == '.'
                    || b == '~'
                    || b == '/'
                    || b == ':';
            if (out == null && !plain) {
                out = new StringBuilder(bytes.length + 8).append(new String(bytes, 0, i, StandardCharsets.UTF_8));
            }
            if (out != null) {
                if (plain) {
                    out.append((char) b);
                } else {
                    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
