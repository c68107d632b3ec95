package dev.cameltiledb.arraylake.client.model;

import java.util.Map;

/** How secrets look in toString: present or absent is useful in a log, the value never is. */
final class Redaction {

    static final String HIDDEN = "***";

    private Redaction() {}

    static String secret(String value) {
        return value == null ? "null" : HIDDEN;
    }

    /**
     * An auth config shows its {@code method} only: depending on the method the other keys hold an external id, a
     * shared secret, an HMAC key pair or an R2 API token, and telling them apart is not worth the risk.
     */
    static String authConfig(Map<String, Object> authConfig) {
        if (authConfig == null) {
            return "null";
        }
        int others = authConfig.containsKey("method") ? authConfig.size() - 1 : authConfig.size();
        return "{method=" + authConfig.get("method") + (others > 0 ? ", " + others + " more " + HIDDEN : "") + "}";
    }
}
