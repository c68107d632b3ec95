package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;

/** Turns any asset name into a state-repository key part that every Camel {@code StateRepository} stores as given. */
final class StateKeys {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private StateKeys() {}

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
